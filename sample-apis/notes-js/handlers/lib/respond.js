// Lambda proxy integration responses: {statusCode, headers, body} with the body a string.
// Every answer names the notes' owner, from the function's `environment` in api.yaml.
exports.json = (statusCode, value, headers = {}) => ({
  statusCode,
  headers: Object.assign({
    'Content-Type': 'application/json',
    'X-Notes-Owner': process.env.NOTES_OWNER || 'nobody',
  }, headers),
  body: JSON.stringify(value),
});

exports.error = (statusCode, message) => exports.json(statusCode, { message });
