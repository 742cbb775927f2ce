// A TOKEN authorizer whose token says what to answer. `calls` counts this environment's invocations, so a test can
// tell a cached answer (the count does not move) from a call. `event` is what the function received.
let calls = 0;

function policy(effect, resource) {
  return {
    Version: '2012-10-17',
    Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }],
  };
}

exports.handler = async (event) => {
  calls++;
  const token = event.authorizationToken;
  switch (token) {
    case 'deny':
      return { principalId: 'user-123', policyDocument: policy('Deny', event.methodArn) };
    case 'unauthorized':
      throw new Error('Unauthorized');
    case 'boom':
      throw new Error('boom');
    case 'garbage':
      return 'not an authorizer output';
    case 'no-policy':
      return { principalId: 'user-123', context: { calls } };
    case 'string-policy':
      return { principalId: 'user-123', policyDocument: JSON.stringify(policy('Allow', '*')) };
    case 'no-principal':
      return { policyDocument: policy('Allow', event.methodArn) };
    case 'object-context':
      return { principalId: 'user-123', policyDocument: policy('Allow', '*'), context: { tenant: { name: 'acme' } } };
    case 'array-context':
      return { principalId: 'user-123', policyDocument: policy('Allow', '*'), context: { roles: ['admin'] } };
    case 'claims-context':
      return { principalId: 'user-123', policyDocument: policy('Allow', '*'), context: { claims: 'mine' } };
    case 'large-context':
      return { principalId: 'user-123', policyDocument: policy('Allow', '*'), context: { blob: 'x'.repeat(100000), calls } };
    case 'over-lambda-limit':
      return { principalId: 'user-123', policyDocument: policy('Allow', '*'), context: { blob: 'x'.repeat(6300000) } };
    case 'hang':
      // A timer keeps the event loop busy: the function times out rather than ending with nothing to do.
      return new Promise((resolve) => setTimeout(() => resolve({}), 60000));
    default:
      // Any other token is allowed, the fixture's context with it (rest-authorizer-responses.json "allow").
      return {
        principalId: 'user-123',
        policyDocument: policy('Allow', event.methodArn),
        context: { tenant: 'acme', tier: 3, admin: false, calls, event: JSON.stringify(event) },
        usageIdentifierKey: 'alice-key-0123456789abcdef',
      };
  }
};

// Callback style, as the AWS guide's example answers 401.
exports.callback = (event, context, callback) => {
  calls++;
  callback('Unauthorized');
};
