// A non-proxy Lambda integration's function: it gets what the request template made, and returns
// plain JSON (no statusCode contract). {"fail": "message"} makes it throw with that message.
exports.handler = async (event) => {
  if (event && event.fail) {
    throw new Error(event.fail);
  }
  return { greeting: 'hello ' + (event && event.name), received: event };
};
