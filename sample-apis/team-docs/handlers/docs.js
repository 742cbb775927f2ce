// GET and POST /docs, behind the Cognito user pool authorizer. API Gateway has already checked the token; the
// handler reads who is calling from its claims (requestContext.authorizer.claims, every value a string).
const store = require('./lib/store');
const respond = require('./lib/respond');

/** cognito:groups arrives as one comma-separated string ("editors,leads"), absent for a user in no group. */
const groupsOf = (claims) => (claims['cognito:groups'] ? claims['cognito:groups'].split(',') : []);

/** GET /docs: an ID token (any member). Its username claim is cognito:username. */
function list(claims) {
  const groups = groupsOf(claims);
  return respond.json(200, { user: claims['cognito:username'], groups, docs: store.visibleTo(groups) });
}

/** POST /docs: an access token with scope docs/write. Its username claim is username. */
function create(claims, body) {
  let input;
  try {
    input = JSON.parse(body || '');
  } catch (e) {
    return respond.error(400, 'Request body is not valid JSON');
  }
  if (input === null || typeof input !== 'object' || typeof input.title !== 'string' || input.title.trim() === ''
      || typeof input.group !== 'string') {
    return respond.error(400, 'A new doc is {"title": "...", "group": "..."}');
  }
  const user = claims.username;
  if (input.group !== 'everyone' && !groupsOf(claims).includes(input.group)) {
    // The token allows writing (its scope); which groups the writer belongs to is the API's own business.
    return respond.error(403, `${user} is not in group ${input.group}`);
  }
  const doc = store.add({ title: input.title, group: input.group, author: user });
  console.log('%s created doc %d in group %s (scope "%s")', user, doc.id, doc.group, claims.scope);
  return respond.json(201, doc);
}

exports.handler = async (event) => {
  const claims = event.requestContext.authorizer.claims;
  return event.httpMethod === 'POST' ? create(claims, event.body) : list(claims);
};
