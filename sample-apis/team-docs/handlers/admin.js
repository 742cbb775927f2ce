// GET /admin/stats, an AWS_IAM method: the caller is whoever signed the request, in requestContext.identity.
const store = require('./lib/store');
const respond = require('./lib/respond');

exports.handler = async (event) => {
  const identity = event.requestContext.identity;
  console.log('stats for %s', identity.userArn);
  return respond.json(200, {
    caller: {
      userArn: identity.userArn,
      accountId: identity.accountId,
      accessKey: identity.accessKey,
      principal: identity.caller,
    },
    stats: store.stats(),
  });
};
