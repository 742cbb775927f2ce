// Lambda proxy integration responses: {statusCode, headers, body} with the body a string.
exports.json = (statusCode, value) => ({
  statusCode,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(value),
});

exports.error = (statusCode, message) => exports.json(statusCode, { message });
