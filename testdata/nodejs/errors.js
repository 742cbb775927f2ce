// How failures look to the caller.
exports.throws = async () => {
  throw new Error('boom');
};
exports.throwsString = async () => {
  throw 'plain string';
};
exports.rejectsCustom = async () => {
  class ValidationError extends Error {
    constructor(message) { super(message); this.name = 'ValidationError'; }
  }
  throw new ValidationError('name is required');
};
exports.neverSettles = async () => new Promise(() => {});
exports.busyLoop = async () => {
  for (;;) { /* ignores every timeout signal but cancellation */ }
};
exports.exits = async () => {
  process.exit(3);
};
exports.unserialisable = async () => {
  const cycle = {};
  cycle.self = cycle;
  return cycle;
};
exports.uncaughtInTimer = (event, context, callback) => {
  setTimeout(() => { throw new RangeError('late failure'); }, 1);
};
exports.unhandledRejection = (event, context, callback) => {
  Promise.reject(new Error('nobody listens'));
  setTimeout(() => callback(null, 'too late'), 20);
};
exports.ok = async () => ({ statusCode: 200, body: 'ok' });
