// Answers with the event it received, so tests can read requestContext.identity and requestContext.authorizer.
exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(event),
});
