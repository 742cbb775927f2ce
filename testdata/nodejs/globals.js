// Node globals a handler uses on event bodies: Buffer, atob/btoa, TextEncoder/TextDecoder, URLSearchParams.
exports.handler = async (event) => {
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  const form = new URLSearchParams(raw);
  const text = form.get('text') || '';
  const bytes = new TextEncoder().encode(text);
  return {
    statusCode: 200,
    body: JSON.stringify({
      text,
      tags: form.getAll('tag'),
      utf8Bytes: bytes.length,
      roundTrip: new TextDecoder().decode(bytes) === text,
      base64: Buffer.from(text).toString('base64'),
      hex: Buffer.from('hi').toString('hex'),
      btoa: btoa('hello'),
      atob: atob('aGVsbG8='),
      concat: Buffer.concat([Buffer.from('ab'), Buffer.from([0x63])]).toString(),
      isBuffer: Buffer.isBuffer(Buffer.alloc(2)),
      json: JSON.stringify(Buffer.from('A')),
      global: global === globalThis,
      version: process.version,
      query: new URLSearchParams({ a: '1 2', b: 'x&y' }).toString(),
    }),
  };
};

// What Node does not have must not be there either.
exports.absent = async () => ['print', 'load', 'Graal', 'Java', 'Polyglot'].filter((name) => typeof globalThis[name] !== 'undefined');
