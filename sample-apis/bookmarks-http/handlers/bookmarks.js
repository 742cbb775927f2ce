// The bookmarks of one gwemu run, in memory: GET lists them (a bare array: API Gateway answers 200 JSON),
// POST adds one for the token's user, DELETE removes one, GET /me shows the caller's JWT claims.
const bookmarks = [
  { id: 1, url: 'https://docs.aws.amazon.com/apigateway/', owner: 'seed' },
  { id: 2, url: 'https://github.com/', owner: 'seed' },
];
let nextId = 3;

exports.handler = async (event) => {
  const jwt = event.requestContext.authorizer && event.requestContext.authorizer.jwt;
  switch (event.routeKey) {
    case 'GET /bookmarks':
      return {
        statusCode: 200,
        headers: { 'content-type': 'application/json', 'x-bookmark-count': String(bookmarks.length),
                   'x-served-stage': event.headers['x-served-stage'] },
        body: JSON.stringify(bookmarks),
      };
    case 'POST /bookmarks': {
      // HTTP APIs base64-encode bodies whose content type is not text (or missing): decode as a real handler must.
      const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
      const input = JSON.parse(text || '{}');
      if (!input.url) {
        return { statusCode: 400, headers: { 'content-type': 'application/json' }, body: '{"error":"url is required"}' };
      }
      const bookmark = { id: nextId++, url: input.url, owner: jwt.claims.sub };
      bookmarks.push(bookmark);
      return {
        statusCode: 201,
        headers: { 'content-type': 'application/json', location: '/bookmarks/' + bookmark.id },
        cookies: ['last-added=' + bookmark.id + '; Path=/; SameSite=Lax'],
        body: JSON.stringify(bookmark),
      };
    }
    case 'DELETE /bookmarks/{id}': {
      const index = bookmarks.findIndex((b) => String(b.id) === event.pathParameters.id);
      if (index < 0) {
        return { statusCode: 404, headers: { 'content-type': 'application/json' }, body: '{"error":"no such bookmark"}' };
      }
      bookmarks.splice(index, 1);
      return { statusCode: 204 };
    }
    case 'GET /me':
      return { sub: jwt.claims.sub, scopes: jwt.scopes, clientId: jwt.claims.client_id || jwt.claims.aud };
    default:
      return { statusCode: 500, body: 'unexpected route ' + event.routeKey };
  }
};
