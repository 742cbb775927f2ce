// A REQUEST authorizer that allows every call, and tells what it saw: its invocation count in this environment and
// the event it received.
let calls = 0;

exports.handler = async (event) => {
  calls++;
  return {
    principalId: 'user-' + calls,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }],
    },
    context: { calls, event: JSON.stringify(event) },
  };
};
