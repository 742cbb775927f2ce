// Answers with the event it received, so tests can read requestContext.identity and requestContext.authorizer.
// X-Echo-Calls counts this environment's invocations: a test that sends requests one at a time sees whether a
// refused request reached the integration (the count moved) or not.
let calls = 0;

exports.handler = async (event) => {
  calls++;
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json', 'X-Echo-Calls': String(calls) },
    body: JSON.stringify(event),
  };
};
