// What Lambda's Node.js runtime gives a handler, inside one GraalJS context (one execution
// environment): process.env, console, timers, the handler contract (async, callback, context.succeed)
// and the event loop's "empty" moment. Java drives the loop: it calls invoke(), then runNext() while a
// timer is due, sleeping in between, and beforeExit() when nothing keeps the loop alive.
(function (host) {
  'use strict';

  // ---- formatting, as Node's util.format / util.inspect print (one line) ----
  const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

  function inspect(value, depth, seen) {
    if (value === null) return 'null';
    switch (typeof value) {
      case 'undefined': return 'undefined';
      case 'string': return "'" + value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n') + "'";
      case 'number': return Object.is(value, -0) ? '-0' : String(value);
      case 'bigint': return value + 'n';
      case 'boolean': return String(value);
      case 'symbol': return value.toString();
      case 'function': return value.name ? '[Function: ' + value.name + ']' : '[Function (anonymous)]';
    }
    if (value instanceof Error) return value.stack || String(value);
    if (value instanceof Date) return isNaN(value) ? 'Invalid Date' : value.toISOString();
    if (value instanceof RegExp) return String(value);
    if (seen.indexOf(value) >= 0) return '[Circular *1]';
    if (Array.isArray(value)) {
      if (value.length === 0) return '[]';
      if (depth > 2) return '[Array]';
      const items = value.map((item) => inspect(item, depth + 1, seen.concat([value])));
      return '[ ' + items.join(', ') + ' ]';
    }
    if (value instanceof Map) {
      if (depth > 2) return '[Map]';
      const entries = [];
      value.forEach((v, k) => entries.push(inspect(k, depth + 1, seen) + ' => ' + inspect(v, depth + 1, seen)));
      return 'Map(' + value.size + ') {' + (entries.length ? ' ' + entries.join(', ') + ' ' : '') + '}';
    }
    if (value instanceof Set) {
      if (depth > 2) return '[Set]';
      const items = [];
      value.forEach((v) => items.push(inspect(v, depth + 1, seen)));
      return 'Set(' + value.size + ') {' + (items.length ? ' ' + items.join(', ') + ' ' : '') + '}';
    }
    const keys = Object.keys(value);
    const prefix = value.constructor && value.constructor !== Object && value.constructor.name
        ? value.constructor.name + ' ' : '';
    if (keys.length === 0) return prefix + '{}';
    if (depth > 2) return '[' + (prefix.trim() || 'Object') + ']';
    const fields = keys.map((key) => (IDENTIFIER.test(key) ? key : inspect(key, 0, seen)) + ': '
        + inspect(value[key], depth + 1, seen.concat([value])));
    return prefix + '{ ' + fields.join(', ') + ' }';
  }

  function format(first, ...rest) {
    let text;
    if (typeof first === 'string') {
      text = first.replace(/%[sdifjoOc%]/g, (token) => {
        if (token === '%%') return '%';
        if (rest.length === 0) return token;
        const arg = rest.shift();
        switch (token) {
          case '%s': return typeof arg === 'string' ? arg : (typeof arg === 'object' && arg !== null ? inspect(arg, 1, []) : String(arg));
          case '%d': return typeof arg === 'object' ? 'NaN' : String(Number(arg));
          case '%i': return String(parseInt(arg, 10));
          case '%f': return String(parseFloat(arg));
          case '%j': try { return JSON.stringify(arg); } catch (e) { return '[Circular]'; }
          case '%c': return '';
          default: return inspect(arg, 0, []);
        }
      });
    } else {
      text = inspect(first, 0, []);
    }
    for (const arg of rest) {
      text += ' ' + (typeof arg === 'string' ? arg : inspect(arg, 0, []));
    }
    return text;
  }

  // ---- console: Lambda's text log format, timestamp, request id, level, message ----
  let requestId = undefined; // the invocation in progress: logs between invocations say undefined

  function write(level, args) {
    host.log(new Date().toISOString() + '\t' + requestId + '\t' + level + '\t' + (args.length ? format(...args) : ''));
  }
  const counts = new Map();
  const console = {
    log: (...args) => write('INFO', args),
    info: (...args) => write('INFO', args),
    warn: (...args) => write('WARN', args),
    error: (...args) => write('ERROR', args),
    debug: (...args) => write('DEBUG', args),
    trace: (...args) => write('TRACE', args),
    fatal: (...args) => write('FATAL', args),
    dir: (value) => write('INFO', [inspect(value, 0, [])]),
    table: (...args) => write('INFO', args),
    assert: (ok, ...args) => { if (!ok) write('ERROR', ['Assertion failed' + (args.length ? ': ' + format(...args) : '')]); },
    count: (label = 'default') => { counts.set(label, (counts.get(label) || 0) + 1); write('INFO', [label + ': ' + counts.get(label)]); },
    countReset: (label = 'default') => counts.delete(label),
    time: () => {}, timeEnd: () => {}, timeLog: () => {}, group: () => {}, groupEnd: () => {},
  };
  globalThis.console = console;

  // ---- timers: Node's API over a queue Java drains ----
  let nextTimerId = 1;
  const timers = new Map(); // id -> {due, seq, fn, args, interval, ref}
  let sequence = 0;

  class Timeout {
    constructor(id) { this._id = id; }
    ref() { const t = timers.get(this._id); if (t) t.ref = true; return this; }
    unref() { const t = timers.get(this._id); if (t) t.ref = false; return this; }
    hasRef() { const t = timers.get(this._id); return !!(t && t.ref); }
    refresh() { const t = timers.get(this._id); if (t) { t.due = Date.now() + t.delay; t.seq = sequence++; } return this; }
    close() { timers.delete(this._id); return this; }
    [Symbol.toPrimitive]() { return this._id; }
  }
  class Immediate extends Timeout {}

  function schedule(fn, delay, args, interval, kind) {
    if (typeof fn !== 'function') {
      const error = new TypeError('The "callback" argument must be of type function. Received ' + inspect(fn, 0, []));
      error.code = 'ERR_INVALID_ARG_TYPE';
      throw error;
    }
    const ms = Math.max(1, Math.min(2147483647, Number(delay) || 0));
    const id = nextTimerId++;
    timers.set(id, { id, due: Date.now() + (kind === Immediate ? 0 : ms), delay: ms, seq: sequence++, fn, args,
      interval, ref: true });
    return new kind(id);
  }
  function cancel(handle) {
    if (handle !== undefined && handle !== null) timers.delete(typeof handle === 'object' ? handle._id : Number(handle));
  }
  globalThis.setTimeout = (fn, delay, ...args) => schedule(fn, delay, args, false, Timeout);
  globalThis.setInterval = (fn, delay, ...args) => schedule(fn, delay, args, true, Timeout);
  globalThis.setImmediate = (fn, ...args) => schedule(fn, 0, args, false, Immediate);
  globalThis.clearTimeout = cancel;
  globalThis.clearInterval = cancel;
  globalThis.clearImmediate = cancel;
  if (typeof globalThis.queueMicrotask !== 'function') {
    globalThis.queueMicrotask = (fn) => { Promise.resolve().then(fn); };
  }

  function earliest(refOnly) {
    let best = null;
    for (const timer of timers.values()) {
      if (refOnly && !timer.ref) continue;
      if (best === null || timer.due < best.due || (timer.due === best.due && timer.seq < best.seq)) best = timer;
    }
    return best;
  }

  // ---- process: the function's own environment; exit ends the environment ----
  const clock = typeof performance === 'object' && performance && typeof performance.now === 'function'
      ? () => performance.now() : () => Date.now();
  const ExitSignal = Symbol('gwemu.exit');
  const processEnv = JSON.parse(host.environment);
  const major = (/nodejs(\d+)/.exec(processEnv.AWS_EXECUTION_ENV || '') || [null, '20'])[1];
  globalThis.process = {
    env: processEnv,
    version: 'v' + major + '.0.0', // the runtime's major; gwemu does not pretend to a minor or patch
    versions: { node: major + '.0.0' },
    release: { name: 'node' },
    argv: ['/var/lang/bin/node', '/var/runtime/index.mjs'],
    platform: 'linux',
    arch: 'x64',
    pid: 1,
    exitCode: undefined,
    cwd: () => host.taskRoot,
    nextTick: (fn, ...args) => queueMicrotask(() => fn(...args)),
    hrtime: Object.assign((previous) => {
      const now = BigInt(Math.round(clock() * 1e6));
      const seconds = Number(now / 1000000000n);
      const nanos = Number(now % 1000000000n);
      if (!previous) return [seconds, nanos];
      let s = seconds - previous[0];
      let n = nanos - previous[1];
      if (n < 0) { s -= 1; n += 1e9; }
      return [s, n];
    }, { bigint: () => BigInt(Math.round(clock() * 1e6)) }),
    memoryUsage: () => ({ rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 }),
    uptime: () => clock() / 1000,
    on: () => globalThis.process, once: () => globalThis.process, off: () => globalThis.process,
    emitWarning: (warning) => console.warn(String(warning)),
    exit: (code) => {
      host.exit(code === undefined ? (Number(globalThis.process.exitCode) | 0) : Number(code) | 0);
      throw ExitSignal; // unwinds the caller; Java ends the invocation as Runtime.ExitError
    },
  };

  // ---- errors as Lambda's runtime reports them ----
  function isErrorLike(value) {
    return value instanceof Error || (value && typeof value.name === 'string' && typeof value.message === 'string'
        && typeof value.stack === 'string');
  }
  function toPayload(error) {
    try {
      if (isErrorLike(error)) {
        return { errorType: error.name, errorMessage: error.message, trace: String(error.stack).split('\n') };
      }
      return { errorType: typeof error, errorMessage: String(error), trace: [] };
    } catch (e) {
      return { errorType: 'handled', errorMessage: 'callback called with Error argument, but there was a problem '
          + 'while retrieving one or more of its message, name, and stack' };
    }
  }
  function formatted(error) {
    try {
      return '\t' + JSON.stringify(error, (key, value) => {
        if (!(value instanceof Error)) return value;
        const fields = Object.assign({ errorType: value.name, errorMessage: value.message, code: value.code }, value);
        if (typeof value.stack === 'string') fields.stack = value.stack.split('\n');
        return fields;
      });
    } catch (e) {
      return '\t' + JSON.stringify(toPayload(error));
    }
  }
  function runtimeError(name, message, stackFrom) {
    const error = new Error(message);
    error.name = name;
    if (stackFrom && stackFrom.stack) error.stack = stackFrom.stack;
    return error;
  }

  // ---- the handler ----
  let handler = null;
  let handlerIsAsync = false;
  let current = null; // the invocation in progress

  function resolveHandler(moduleExports, handlerPath, handlerString) {
    const found = handlerPath.split('.').reduce((nested, key) => nested && nested[key], moduleExports);
    if (!found) throw runtimeError('Runtime.HandlerNotFound', handlerString + ' is undefined or not exported');
    if (typeof found !== 'function') throw runtimeError('Runtime.HandlerNotFound', handlerString + ' is not a function');
    return found;
  }

  /** The cold start's last step: the module is loaded; returns null, or the init error payload as JSON. */
  function load(moduleExports, handlerPath, handlerString) {
    try {
      handler = resolveHandler(moduleExports, handlerPath, handlerString);
      handlerIsAsync = handler.constructor && handler.constructor.name === 'AsyncFunction';
      return null;
    } catch (error) {
      return JSON.stringify(toPayload(error));
    }
  }

  /** A module's own load failure, as the runtime names it. */
  function initError(error) {
    if (error === ExitSignal) return null;
    if (error instanceof SyntaxError) {
      return JSON.stringify(toPayload(runtimeError('Runtime.UserCodeSyntaxError', String(error), error)));
    }
    if (error && error.code === 'MODULE_NOT_FOUND') {
      return JSON.stringify(toPayload(runtimeError('Runtime.ImportModuleError', String(error), error)));
    }
    const missing = error instanceof TypeError && /^Cannot load module: '(.*)'$/.exec(error.message);
    if (missing) { // GraalJS's words for what Node reports as MODULE_NOT_FOUND
      return JSON.stringify(toPayload(runtimeError('Runtime.ImportModuleError',
          "Error: Cannot find module '" + missing[1] + "'", error)));
    }
    return JSON.stringify(toPayload(error));
  }

  function invoke(eventJson, awsRequestId, invokedFunctionArn, deadlineMs) {
    const state = { done: false, response: null, error: null, crashed: false };
    current = state;
    requestId = awsRequestId;
    let waitForEmptyEventLoop = true;
    let finished = false;      // only the first of callback / succeed / fail / done counts
    let beforeExit = null;     // what happens when the event loop is empty

    const complete = (result) => {
      if (state.done) return;
      let body;
      try {
        body = JSON.stringify(result === undefined ? null : result);
      } catch (e) {
        fail(new Error('Unable to stringify response body'));
        return;
      }
      state.response = body === undefined ? 'null' : body;
      state.done = true;
    };
    const fail = (error) => {
      if (state.done || error === ExitSignal) return;
      console.error('Invoke Error', formatted(error));
      state.error = JSON.stringify(toPayload(error));
      state.done = true;
    };
    const once = (fn) => function (...args) { if (!finished) { finished = true; fn(...args); } };
    const done = once((err, result) => {
      beforeExit = null;
      if (err !== undefined && err !== null) fail(err); else complete(result);
    });
    const callback = once((err, result) => {
      beforeExit = null;
      if (err !== undefined && err !== null) {
        fail(err);
      } else if (!waitForEmptyEventLoop) {
        complete(result);
      } else {
        beforeExit = () => setImmediate(() => complete(result));
      }
    });
    const context = {
      get callbackWaitsForEmptyEventLoop() { return waitForEmptyEventLoop; },
      set callbackWaitsForEmptyEventLoop(value) { waitForEmptyEventLoop = value; },
      succeed: (result) => done(null, result),
      fail: (err) => done(err === undefined || err === null ? 'handled' : err, null),
      done: done,
      functionVersion: processEnv.AWS_LAMBDA_FUNCTION_VERSION,
      functionName: processEnv.AWS_LAMBDA_FUNCTION_NAME,
      memoryLimitInMB: processEnv.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
      logGroupName: processEnv.AWS_LAMBDA_LOG_GROUP_NAME,
      logStreamName: processEnv.AWS_LAMBDA_LOG_STREAM_NAME,
      clientContext: undefined,
      identity: undefined,
      invokedFunctionArn: invokedFunctionArn,
      awsRequestId: awsRequestId,
      getRemainingTimeInMillis: () => deadlineMs - Date.now(),
    };
    state.beforeExit = () => {
      if (beforeExit) {
        const run = beforeExit;
        beforeExit = null;
        run();
      } else if (!state.done) {
        finished = true;
        if (handlerIsAsync) {
          fail(runtimeError('Runtime.NodeJsExit', 'The Lambda runtime client detected an unexpected Node.js exit code. '
              + 'This is most commonly caused by a Promise that was never settled.'));
        } else {
          complete(null); // a sync or callback handler that never called back answers null
        }
      }
    };
    try {
      const result = handler(JSON.parse(eventJson), context, callback);
      if (result && typeof result.then === 'function') {
        result.then(context.succeed, context.fail);
      }
    } catch (error) {
      if (error === ExitSignal) return state;
      callback(error);
    }
    return state;
  }

  /** Runs the earliest timer that is due; returns ms until the next one that keeps the loop alive, or -1. */
  function runNext() {
    const timer = earliest(false);
    if (timer !== null && timer.due <= Date.now()) {
      if (timer.interval) {
        timer.due = Date.now() + timer.delay;
        timer.seq = sequence++;
      } else {
        timers.delete(timer.id);
      }
      try {
        timer.fn(...timer.args);
      } catch (error) {
        if (error !== ExitSignal) uncaught(error, 'Uncaught Exception');
      }
    }
    return nextDelay();
  }

  function nextDelay() {
    const timer = earliest(true);
    return timer === null ? -1 : Math.max(0, timer.due - Date.now());
  }

  /** An error no handler caught: Lambda's runtime reports it for the invocation, then its process exits. */
  function uncaught(error, label) {
    console.error(label, formatted(error));
    if (current && !current.done) {
      current.error = JSON.stringify(toPayload(error));
      current.done = true;
    }
    if (current) current.crashed = true;
  }

  function unhandledRejection(reason) {
    if (reason === ExitSignal) return;
    const error = runtimeError('Runtime.UnhandledPromiseRejection', String(reason && reason.stack ? reason : reason));
    error.message = isErrorLike(reason) ? reason.name + ': ' + reason.message : String(reason);
    error.stack = error.name + ': ' + error.message + (isErrorLike(reason) ? '\n' + reason.stack.split('\n').slice(1).join('\n') : '');
    uncaught(error, 'Unhandled Promise Rejection');
  }

  return {
    load, initError, invoke, runNext, nextDelay, unhandledRejection,
    requestDone: () => { requestId = undefined; },
  };
})
