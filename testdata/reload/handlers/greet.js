// Answers with a greeting; ?wait=ms holds the answer back (a request in flight while the project reloads).
exports.handler = async (event) => {
  const wait = Number((event.queryStringParameters || {}).wait || 0);
  if (wait > 0) {
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return { statusCode: 200, body: 'hello' };
};
