// The partner TOKEN authorizer. API Gateway calls it with {type: "TOKEN", authorizationToken, methodArn} once the
// Authorization header matched the identityValidationExpression "^Bearer partner-[a-z0-9-]+$".
//
// The answer is cached per token for authorizerResultTtlInSeconds (300), whatever method the partner calls next,
// so the policy covers all of the partner's resources (a wildcard ARN), not just the methodArn of this call.

// Who the partners are: in a real API a table lookup. `apiKey` is the value of an api.yaml API key: returned as
// usageIdentifierKey, it puts the partner's calls on that key's usage plan (the API's key source is AUTHORIZER).
const PARTNERS = {
  acme: { tier: 'gold', apiKey: 'acme-partner-key-0123456789' },
  globex: { tier: 'trial', apiKey: 'globex-partner-key-0123456789' },
  hooli: { tier: 'suspended' },
};

function policy(effect, resource) {
  return { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }] };
}

exports.handler = async (event, context) => {
  const name = event.authorizationToken.slice('Bearer partner-'.length);
  const partner = PARTNERS[name];
  if (!partner) {
    console.log('unknown partner %s', name);
    throw new Error('Unauthorized'); // exactly this message: 401 {"message":"Unauthorized"}
  }
  // methodArn: arn:aws:execute-api:us-east-1:123456789012:teamd0cs42/dev/GET/partners/acme/docs
  const api = event.methodArn.split('/')[0];
  if (partner.tier === 'suspended') {
    return { principalId: `partner:${name}`, policyDocument: policy('Deny', `${api}/*`) };
  }
  return {
    principalId: `partner:${name}`,
    // Any stage, GET, anything under the partner's own path; /partners/<someone else>/... is not allowed.
    policyDocument: policy('Allow', `${api}/*/GET/partners/${name}/*`),
    // Handed to the integration as requestContext.authorizer.<key>, every value as a string.
    // `decision` is this invocation's request id: a cached answer carries the id of the call that made it.
    context: { partner: name, tier: partner.tier, decision: context.awsRequestId },
    usageIdentifierKey: partner.apiKey,
  };
};
