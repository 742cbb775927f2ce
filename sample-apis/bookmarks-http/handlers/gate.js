// The admins' Lambda authorizer (payload 2.0, simple responses): the x-admin-key header names an admin.
// Its answer is cached for 300 s per key (authorizerResultTtlInSeconds), so it runs once per key.
const admins = { 'key-of-ada': 'ada', 'key-of-grace': 'grace' };

exports.handler = async (event) => {
  const admin = admins[event.identitySource[0]];
  return admin ? { isAuthorized: true, context: { admin } } : { isAuthorized: false };
};
