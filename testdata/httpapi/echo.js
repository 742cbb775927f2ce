// Answers with the event it received (payload 2.0 or 1.0), so tests can read every field the function saw.
// X-Echo-Calls counts this environment's invocations: a refused request leaves it unchanged.
let calls = 0;

exports.handler = async (event) => {
  calls++;
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json', 'X-Echo-Calls': String(calls) },
    body: JSON.stringify(event),
  };
};
