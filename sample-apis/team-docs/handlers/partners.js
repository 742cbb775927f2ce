// GET /partners/{partner}/docs, behind the partner TOKEN authorizer. The authorizer's context arrives in
// requestContext.authorizer (values as strings, with principalId); the API key it chose in requestContext.identity.
const store = require('./lib/store');
const respond = require('./lib/respond');

exports.handler = async (event) => {
  const authorizer = event.requestContext.authorizer;
  // The partner comes from the authorizer, not the path: its policy only allows the partner's own path anyway.
  const partner = authorizer.partner;
  return respond.json(200, {
    partner,
    tier: authorizer.tier,
    decision: authorizer.decision,
    apiKeyId: event.requestContext.identity.apiKeyId,
    docs: store.sharedWithPartner(partner),
  });
};
