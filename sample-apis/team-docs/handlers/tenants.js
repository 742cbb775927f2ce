// GET /tenants/{tenant}/docs?user=..., behind the tenant REQUEST authorizer.
const store = require('./lib/store');
const respond = require('./lib/respond');

exports.handler = async (event) => {
  const authorizer = event.requestContext.authorizer;
  return respond.json(200, {
    tenant: authorizer.tenant,
    user: authorizer.user,
    principalId: authorizer.principalId,
    decision: authorizer.decision,
    docs: store.sharedWithTenant(authorizer.tenant),
  });
};
