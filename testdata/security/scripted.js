// A TOKEN authorizer whose token is a JSON object saying what to answer, for the tests that need answers token.js
// does not give (testdata/authorizers/token.js covers the fixed ones):
//   {"raw": <any>}                  answer <any> as it is
//   {"effect": "Allow"|"Deny", "resource": "<arn>" | ["<arn>", ...], "key": "<usageIdentifierKey>",
//    "principalId": "<id>", "context": {...}}
// every field optional: effect Allow, resource the event's methodArn ("$methodArn" in a resource is replaced by it),
// no usageIdentifierKey, principalId "scripted-user". `calls` (this environment's invocation count) is added to the
// context, so a test sees whether the function ran.
let calls = 0;

exports.handler = async (event) => {
  calls++;
  const spec = JSON.parse(event.authorizationToken);
  if (Object.prototype.hasOwnProperty.call(spec, 'raw')) {
    return spec.raw;
  }
  const arn = (r) => (r === '$methodArn' ? event.methodArn : r);
  const resource = spec.resource === undefined ? event.methodArn
    : Array.isArray(spec.resource) ? spec.resource.map(arn) : arn(spec.resource);
  const answer = {
    principalId: spec.principalId === undefined ? 'scripted-user' : spec.principalId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: spec.effect || 'Allow', Resource: resource }],
    },
    context: Object.assign({ calls }, spec.context || {}),
  };
  if (spec.key !== undefined) {
    answer.usageIdentifierKey = spec.key;
  }
  return answer;
};
