// One function behind the proxy routes of openapi.yaml: JSON with a value that changes on every request
// (the request id), plain text, and a binary body (a 1x1 PNG, base64 as Lambda returns binary).
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

exports.handler = async (event) => {
  switch (event.resource) {
    case '/pets':
      return {
        statusCode: 201,
        headers: { 'Content-Type': 'application/json', Location: '/dev/pets/7' },
        body: JSON.stringify({
          pet: Object.assign({ id: '7' }, JSON.parse(event.body || '{}')),
          authorization: event.headers && event.headers.Authorization ? 'present' : 'absent',
          requestId: event.requestContext.requestId,
        }),
      };
    case '/pets/{id}/photo':
      return { statusCode: 200, headers: { 'Content-Type': 'image/png' }, isBase64Encoded: true, body: PNG };
    case '/notes':
      return { statusCode: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' },
               body: 'feed Rex\nwalk Rex\nbrush Rex\n' };
    default:
      return { statusCode: 404, body: '{"message":"no such route in pets.js"}' };
  }
};
