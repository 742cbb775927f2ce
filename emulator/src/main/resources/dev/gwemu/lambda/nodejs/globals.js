// Node.js globals that GraalJS does not have and Lambda handlers commonly use: global, Buffer (the
// common part), TextEncoder/TextDecoder (UTF-8), atob/btoa and URLSearchParams. Evaluated in each
// context before the runtime shim.
(function () {
  'use strict';
  globalThis.global = globalThis;

  // ---- UTF-8 and base64, by hand: nothing in the context does it for us ----
  function utf8Encode(text) {
    const bytes = [];
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
          i++;
        } else {
          code = 0xfffd;
        }
      } else if (code >= 0xd800 && code <= 0xdfff) {
        code = 0xfffd; // a lone surrogate, as Node writes it
      }
      if (code < 0x80) bytes.push(code);
      else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
      else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
      else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    }
    return bytes;
  }

  function utf8Decode(bytes, start, end) {
    let text = '';
    let i = start;
    while (i < end) {
      const b = bytes[i];
      let code = 0xfffd;
      let length = 1;
      if (b < 0x80) {
        code = b;
      } else if (b >= 0xc2 && b < 0xe0 && i + 1 < end && (bytes[i + 1] & 0xc0) === 0x80) {
        code = ((b & 31) << 6) | (bytes[i + 1] & 63);
        length = 2;
      } else if (b >= 0xe0 && b < 0xf0 && i + 2 < end && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80) {
        const c = ((b & 15) << 12) | ((bytes[i + 1] & 63) << 6) | (bytes[i + 2] & 63);
        if (c >= 0x800 && (c < 0xd800 || c > 0xdfff)) { code = c; length = 3; }
      } else if (b >= 0xf0 && b < 0xf5 && i + 3 < end && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80
          && (bytes[i + 3] & 0xc0) === 0x80) {
        const c = ((b & 7) << 18) | ((bytes[i + 1] & 63) << 12) | ((bytes[i + 2] & 63) << 6) | (bytes[i + 3] & 63);
        if (c >= 0x10000 && c <= 0x10ffff) { code = c; length = 4; }
      }
      text += String.fromCodePoint(code);
      i += length;
    }
    return text;
  }

  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const LOOKUP = new Map([...ALPHABET].map((c, i) => [c, i]));
  LOOKUP.set('-', 62).set('_', 63); // base64url decodes too, as in Node

  function base64Encode(bytes, start, end, url) {
    let out = '';
    for (let i = start; i < end; i += 3) {
      const n = (bytes[i] << 16) | ((i + 1 < end ? bytes[i + 1] : 0) << 8) | (i + 2 < end ? bytes[i + 2] : 0);
      out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63]
          + (i + 1 < end ? ALPHABET[(n >> 6) & 63] : '=') + (i + 2 < end ? ALPHABET[n & 63] : '=');
    }
    return url ? out.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : out;
  }

  function base64Decode(text) { // lenient, as Node's Buffer.from(x, 'base64'): skips what is not base64
    const bytes = [];
    let bits = 0;
    let count = 0;
    for (const c of text) {
      if (c === '=') break;
      const v = LOOKUP.get(c);
      if (v === undefined) continue;
      bits = (bits << 6) | v;
      count += 6;
      if (count >= 8) {
        count -= 8;
        bytes.push((bits >> count) & 0xff);
      }
    }
    return bytes;
  }

  function normalise(encoding) {
    const e = String(encoding || 'utf8').toLowerCase();
    if (e === 'utf8' || e === 'utf-8') return 'utf8';
    if (e === 'binary' || e === 'latin1') return 'latin1';
    if (e === 'base64' || e === 'base64url' || e === 'hex' || e === 'ascii') return e;
    throw new TypeError('Unknown encoding: ' + encoding);
  }

  function encode(text, encoding) {
    switch (normalise(encoding)) {
      case 'utf8': return utf8Encode(text);
      case 'base64': case 'base64url': return base64Decode(text);
      case 'hex': {
        const bytes = [];
        for (let i = 0; i + 1 < text.length; i += 2) {
          const b = parseInt(text.substr(i, 2), 16);
          if (Number.isNaN(b)) break;
          bytes.push(b);
        }
        return bytes;
      }
      default: return [...text].map((c) => c.charCodeAt(0) & 0xff);
    }
  }

  // ---- Buffer: the part of Node's API handlers use on event bodies ----
  class Buffer extends Uint8Array {
    static from(value, encodingOrOffset, length) {
      if (typeof value === 'string') return new Buffer(encode(value, encodingOrOffset));
      if (value instanceof ArrayBuffer) {
        return new Buffer(value, encodingOrOffset || 0, length === undefined ? value.byteLength - (encodingOrOffset || 0) : length);
      }
      if (value && value.type === 'Buffer' && Array.isArray(value.data)) return new Buffer(value.data);
      if (value && typeof value.length === 'number') return new Buffer(Array.from(value, (b) => b & 0xff));
      throw new TypeError('The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array '
          + 'or an Array-like Object.');
    }
    static alloc(size, fill) {
      const buffer = new Buffer(size);
      if (fill !== undefined) buffer.fill(typeof fill === 'string' ? fill.charCodeAt(0) : fill);
      return buffer;
    }
    static allocUnsafe(size) { return new Buffer(size); }
    static isBuffer(value) { return value instanceof Buffer; }
    static isEncoding(encoding) { try { normalise(encoding); return true; } catch (e) { return false; } }
    static byteLength(value, encoding) {
      return typeof value === 'string' ? encode(value, encoding).length : value.byteLength;
    }
    static concat(list, totalLength) {
      const total = totalLength === undefined ? list.reduce((sum, b) => sum + b.length, 0) : totalLength;
      const out = new Buffer(total);
      let offset = 0;
      for (const b of list) {
        if (offset >= total) break;
        out.set(b.length > total - offset ? b.subarray(0, total - offset) : b, offset);
        offset += b.length;
      }
      return out;
    }
    toString(encoding, start, end) {
      const from = Math.max(0, start || 0);
      const to = Math.min(this.length, end === undefined ? this.length : end);
      if (from >= to) return '';
      switch (normalise(encoding)) {
        case 'utf8': return utf8Decode(this, from, to);
        case 'base64': return base64Encode(this, from, to, false);
        case 'base64url': return base64Encode(this, from, to, true);
        case 'hex': {
          let out = '';
          for (let i = from; i < to; i++) out += (this[i] < 16 ? '0' : '') + this[i].toString(16);
          return out;
        }
        case 'ascii': { let out = ''; for (let i = from; i < to; i++) out += String.fromCharCode(this[i] & 0x7f); return out; }
        default: { let out = ''; for (let i = from; i < to; i++) out += String.fromCharCode(this[i]); return out; }
      }
    }
    toJSON() { return { type: 'Buffer', data: Array.from(this) }; }
    equals(other) { return this.length === other.length && this.every((b, i) => b === other[i]); }
    slice(start, end) { return this.subarray(start, end); } // a view, as Node's
    write(text, offset, encoding) {
      const bytes = encode(text, typeof offset === 'string' ? offset : encoding);
      const at = typeof offset === 'number' ? offset : 0;
      const n = Math.min(bytes.length, this.length - at);
      this.set(bytes.slice(0, n), at);
      return n;
    }
  }
  globalThis.Buffer = Buffer;

  class TextEncoder {
    get encoding() { return 'utf-8'; }
    encode(text = '') { return new Uint8Array(utf8Encode(String(text))); }
  }
  class TextDecoder {
    constructor(label = 'utf-8') {
      if (!/^utf-?8$/i.test(label)) throw new RangeError('gwemu\'s TextDecoder decodes UTF-8 only, not ' + label);
    }
    get encoding() { return 'utf-8'; }
    decode(input) {
      if (input === undefined) return '';
      const bytes = input instanceof ArrayBuffer ? new Uint8Array(input)
          : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
      return utf8Decode(bytes, 0, bytes.length);
    }
  }
  globalThis.TextEncoder = TextEncoder;
  globalThis.TextDecoder = TextDecoder;

  globalThis.btoa = (text) => {
    const s = String(text);
    for (let i = 0; i < s.length; i++) {
      if (s.charCodeAt(i) > 255) throw new Error('Invalid character');
    }
    return base64Encode([...s].map((c) => c.charCodeAt(0)), 0, s.length, false);
  };
  globalThis.atob = (text) => base64Decode(String(text).replace(/[\t\n\f\r ]/g, ''))
      .map((b) => String.fromCharCode(b)).join('');

  // ---- URLSearchParams: form bodies and query strings ----
  const decode = (s) => {
    try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch (e) { return s; }
  };
  const encodeParam = (s) => encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()~]/g,
      (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

  class URLSearchParams {
    constructor(init = '') {
      this._pairs = [];
      if (typeof init === 'string') {
        for (const part of (init.startsWith('?') ? init.slice(1) : init).split('&')) {
          if (part === '') continue;
          const eq = part.indexOf('=');
          this._pairs.push(eq < 0 ? [decode(part), ''] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))]);
        }
      } else if (init && typeof init[Symbol.iterator] === 'function') {
        for (const [k, v] of init) this._pairs.push([String(k), String(v)]);
      } else if (init && typeof init === 'object') {
        for (const k of Object.keys(init)) this._pairs.push([k, String(init[k])]);
      }
    }
    get size() { return this._pairs.length; }
    append(name, value) { this._pairs.push([String(name), String(value)]); }
    delete(name) { this._pairs = this._pairs.filter(([k]) => k !== String(name)); }
    get(name) { const pair = this._pairs.find(([k]) => k === String(name)); return pair ? pair[1] : null; }
    getAll(name) { return this._pairs.filter(([k]) => k === String(name)).map(([, v]) => v); }
    has(name) { return this._pairs.some(([k]) => k === String(name)); }
    set(name, value) {
      const key = String(name);
      const at = this._pairs.findIndex(([k]) => k === key);
      if (at < 0) { this._pairs.push([key, String(value)]); return; }
      this._pairs[at][1] = String(value);
      this._pairs = this._pairs.filter(([k], i) => k !== key || i === at);
    }
    sort() { this._pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)); }
    forEach(fn, self) { for (const [k, v] of this._pairs) fn.call(self, v, k, this); }
    keys() { return this._pairs.map(([k]) => k)[Symbol.iterator](); }
    values() { return this._pairs.map(([, v]) => v)[Symbol.iterator](); }
    entries() { return this._pairs.map(([k, v]) => [k, v])[Symbol.iterator](); }
    [Symbol.iterator]() { return this.entries(); }
    toString() { return this._pairs.map(([k, v]) => encodeParam(k) + '=' + encodeParam(v)).join('&'); }
  }
  globalThis.URLSearchParams = URLSearchParams;
})();
