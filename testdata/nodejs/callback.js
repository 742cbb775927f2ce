// Callback style: the runtime answers once the event loop is empty, unless told not to wait.
const { greet } = require('./lib/greeting');

exports.handler = function (event, context, callback) {
  callback(null, { statusCode: 201, body: JSON.stringify({ message: greet('callback') }) });
};

// The body is built when the answer is serialised: after the loop emptied, ticks === 3.
exports.ticksAtAnswer = function (event, context, callback) {
  let ticks = 0;
  const timer = setInterval(() => { ticks++; if (ticks === 3) clearInterval(timer); }, 2);
  const response = { statusCode: 200 };
  Object.defineProperty(response, 'body', { enumerable: true, get: () => String(ticks) });
  callback(null, response);
};

exports.noWait = function (event, context, callback) {
  context.callbackWaitsForEmptyEventLoop = false;
  setTimeout(() => {}, 60000); // would hold the answer for a minute if the runtime waited
  callback(null, { statusCode: 200, body: 'did not wait' });
};

exports.error = function (event, context, callback) {
  callback(new TypeError('bad input'));
};

exports.succeed = function (event, context) {
  context.succeed({ statusCode: 200, body: 'legacy succeed' });
};

exports.neverCalls = function () {
  // neither returns a promise nor calls back: the runtime answers null once the loop is empty
};
