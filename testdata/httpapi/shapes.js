// Returns one of the answer shapes of payload 2.0 (data-plane.md §3.3), chosen by the last path segment.
exports.handler = async (event) => {
  const shape = event.rawPath.split('/').pop();
  switch (shape) {
    case 'string': return 'Hello from Lambda!';
    case 'object': return { hello: 'world', n: 1 };
    case 'array': return [1, 'two'];
    case 'number': return 42;
    case 'cookies':
      return { statusCode: 201, cookies: ['a=1; Path=/', 'b=2; HttpOnly'], headers: { 'x-kind': 'cookies' }, body: 'made' };
    case 'binary':
      return { statusCode: 200, headers: { 'content-type': 'image/png' }, isBase64Encoded: true,
               body: Buffer.from([137, 80, 78, 71]).toString('base64') };
    case 'status': return { statusCode: 418, body: 'teapot', extra: 'ignored' };
    case 'crash': throw new Error('boom');
    case 'garbage': return { statusCode: 'not a number' };
    default: return { statusCode: 404, body: 'no shape ' + shape };
  }
};

exports.slow = async () => {
  await new Promise((resolve) => setTimeout(resolve, 2000));
  return { statusCode: 200, body: 'late' };
};
