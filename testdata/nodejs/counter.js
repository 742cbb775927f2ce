// Counts its invocations: a response served from the stage cache does not count.
let calls = 0;
exports.handler = async (event) => {
  calls++;
  return { statusCode: 200, body: JSON.stringify({ calls, path: event.path }) };
};
