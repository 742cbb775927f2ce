// An HTTP API Lambda authorizer whose `authorization` header says what to answer (payload 1.0 and 2.0 events both
// carry lower-case header names). `calls` counts this environment's invocations, so a test can tell a cached answer
// (the count does not move) from a call; `event` is what the function received, as a JSON string.
let calls = 0;

function policy(effect, resource) {
  return {
    Version: '2012-10-17',
    Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }],
  };
}

exports.handler = async (event) => {
  calls++;
  const token = (event.headers && event.headers.authorization) || '';
  const arn = event.routeArn || event.methodArn;
  switch (token) {
    case 'simple-allow':
      return {
        isAuthorized: true,
        context: { tenant: 'acme', tier: 3, ratio: 0.5, admin: false, nothing: null, roles: ['admin', 'user'],
          profile: { name: 'alice' }, calls, event: JSON.stringify(event) },
      };
    case 'simple-deny':
      return { isAuthorized: false, context: { calls } };
    case 'simple-bare':
      return { isAuthorized: true };
    case 'simple-string':
      return { isAuthorized: 'true' };
    case 'deny':
      return { principalId: 'user-123', policyDocument: policy('Deny', arn), context: { calls } };
    case 'other-arn':
      return {
        principalId: 'user-123',
        policyDocument: policy('Allow', 'arn:aws:execute-api:us-east-1:123456789012:r3pmxmplak/dev/GET/elsewhere'),
        context: { calls },
      };
    case 'stage-wide':
      return {
        principalId: 'user-123',
        policyDocument: policy('Allow', arn.split('/').slice(0, 2).join('/') + '/GET/*'),
        context: { calls },
      };
    case 'no-policy':
      return { principalId: 'user-123', context: { calls } };
    case 'nested-context':
      return { principalId: 'user-123', policyDocument: policy('Allow', arn), context: { roles: ['admin'], calls } };
    case 'claims-context':
      return { principalId: 'user-123', policyDocument: policy('Allow', arn), context: { claims: 'mine', calls } };
    case 'unauthorized':
      throw new Error('Unauthorized');
    case 'boom':
      throw new Error('boom');
    case 'garbage':
      return 'not an authorizer output';
    case 'hang':
      // A timer keeps the event loop busy: the function times out rather than ending with nothing to do.
      return new Promise((resolve) => setTimeout(() => resolve({ isAuthorized: true }), 60000));
    default:
      // Any other token is allowed for the route ARN it came with, with a flat context.
      return {
        principalId: 'user-123',
        policyDocument: policy('Allow', arn),
        context: { tenant: 'acme', tier: 3, admin: false, calls, event: JSON.stringify(event) },
      };
  }
};
