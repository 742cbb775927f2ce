// WebSocket authorizer test functions. authorize decides by ?token= or the Auth header: allow-<name> allows
// $connect with a context, deny<anything> denies it, elsewhere allows another resource only, unauthorized fails with
// 'Unauthorized', crash throws, garbage answers no policy. Called on the authcalls route it answers how often it
// was called as an authorizer, and its last event. connect keeps the CONNECT event for the lastconnect route.
let calls = 0;
let lastAuthorizerEvent = null;
let lastConnect = null;

const policy = (effect, resource) => ({
  Version: '2012-10-17',
  Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }],
});

exports.authorize = async (event) => {
  if (event.type !== 'REQUEST') {
    return { statusCode: 200, body: JSON.stringify({ calls, lastAuthorizerEvent }) };
  }
  calls++;
  lastAuthorizerEvent = event;
  const token = (event.queryStringParameters || {}).token || (event.headers || {}).Auth || '';
  if (token.startsWith('allow-')) {
    return {
      principalId: 'user-' + token.substring('allow-'.length),
      policyDocument: policy('Allow', event.methodArn),
      context: { tenant: 'acme', level: 3, admin: true },
    };
  }
  if (token.startsWith('deny')) return { principalId: 'nobody', policyDocument: policy('Deny', event.methodArn) };
  if (token === 'elsewhere') {
    return { principalId: 'nobody', policyDocument: policy('Allow', event.methodArn.replace('$connect', 'other')) };
  }
  if (token === 'unauthorized') throw new Error('Unauthorized');
  if (token === 'garbage') return 'not a policy';
  throw new Error('boom');
};

exports.connect = async (event) => {
  if (event.requestContext.eventType === 'CONNECT') {
    lastConnect = event;
    return { statusCode: 200 };
  }
  return { statusCode: 200, body: JSON.stringify({ lastConnect }) };
};

exports.echo = async (event) => ({ statusCode: 200, body: JSON.stringify({ event }) });
