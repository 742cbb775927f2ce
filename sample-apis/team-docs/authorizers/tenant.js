// The tenant REQUEST authorizer: a tenant's backend calls GET /tenants/{tenant}/docs?user=<user> with its
// X-Tenant-Key, on behalf of one of its users. API Gateway calls this function with the whole request (headers,
// query string, path parameters, stage variables, requestContext) once both identity sources are present, and
// caches the answer per (X-Tenant-Key, user) for 60 seconds.

// Tenant keys and each tenant's users: in a real API a table lookup.
const TENANT_KEYS = {
  'initech-tenant-key-0001': { tenant: 'initech', users: ['peter', 'milton'] },
  'umbrella-tenant-key-0001': { tenant: 'umbrella', users: ['alice'] },
};

/** Header names keep the client's spelling in the event: look them up case-insensitively. */
function header(headers, name) {
  const key = Object.keys(headers || {}).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}

exports.handler = async (event, context) => {
  const entry = TENANT_KEYS[header(event.headers, 'X-Tenant-Key')];
  const user = event.queryStringParameters.user;
  if (!entry || !entry.users.includes(user)) {
    console.log('refused: %s', entry ? `${user} is not a user of ${entry.tenant}` : 'unknown tenant key');
    throw new Error('Unauthorized');
  }
  const api = event.methodArn.split('/')[0];
  return {
    principalId: `${entry.tenant}/${user}`,
    // Only this tenant's documents, in any stage: a key of initech calling /tenants/umbrella/docs gets 403.
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: `${api}/*/GET/tenants/${entry.tenant}/docs` }],
    },
    context: { tenant: entry.tenant, user, decision: context.awsRequestId },
  };
};
