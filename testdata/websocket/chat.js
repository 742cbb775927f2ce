// WebSocket test functions. Connect refuses ?deny=1 (403) and ?crash=1 (throws) and agrees to the first subprotocol
// asked for; Echo answers the event it got;
// Disconnect keeps the last DISCONNECT event and answers it on the lastdisconnect route; WhoAmI answers the connection id and the @connections
// endpoint a handler builds from requestContext.domainName and stage, as the AWS docs show.
let lastDisconnect = null;

exports.connect = async (event) => {
  const q = event.queryStringParameters || {};
  if (q.crash) throw new Error('connect failed');
  if (q.deny) return { statusCode: 403, body: 'denied' };
  const asked = event.headers['Sec-WebSocket-Protocol'];
  if (asked) return { statusCode: 200, headers: { 'Sec-WebSocket-Protocol': asked.split(',')[0].trim() } };
  return { statusCode: 200 };
};

exports.echo = async (event) => ({ statusCode: 200, body: JSON.stringify({ event }) });

// $disconnect and the lastdisconnect route: keeps the DISCONNECT event, answers it when asked.
exports.disconnect = async (event) => {
  if (event.requestContext.eventType === 'DISCONNECT') {
    lastDisconnect = event;
    return { statusCode: 200 };
  }
  return { statusCode: 200, body: JSON.stringify({ lastDisconnect }) };
};

exports.crash = async () => { throw new Error('boom'); };

exports.whoami = async (event) => ({
  statusCode: 200,
  body: JSON.stringify({
    connectionId: event.requestContext.connectionId,
    endpoint: 'https://' + event.requestContext.domainName + '/' + event.requestContext.stage,
  }),
});
