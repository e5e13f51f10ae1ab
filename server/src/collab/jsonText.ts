import { isUtf8 } from 'node:buffer';

/** What `jsonTextKind` found. */
export const JsonText = {
  /** Not JSON text that `JSON.parse` of its strict UTF-8 decoding would accept. */
  Invalid: 0,
  /** JSON text whose value is not `null`. */
  Value: 1,
  /** JSON text whose value is `null`. */
  Null: 2,
} as const;
export type JsonText = (typeof JsonText)[keyof typeof JsonText];

// Byte classes, for the scanner below.
const SPACE = 1;
const DIGIT = 2;
const HEX = 4;
const CLASS = new Uint8Array(256);
for (const b of [0x20, 0x09, 0x0a, 0x0d]) CLASS[b] = SPACE; // the only whitespace JSON.parse skips
for (let b = 0x30; b <= 0x39; b++) CLASS[b] = DIGIT | HEX;
for (let b = 0x41; b <= 0x46; b++) CLASS[b] = HEX;
for (let b = 0x61; b <= 0x66; b++) CLASS[b] = HEX;

/** Bytes that may follow a backslash in a string (besides `u`): " \ / b f n r t. */
const SIMPLE_ESCAPE = new Uint8Array(256);
for (const c of '"\\/bfnrt') SIMPLE_ESCAPE[c.charCodeAt(0)] = 1;

/** Nesting deeper than this is refused (`JSON.parse` has no such limit, but no presence needs it). */
export const MAX_JSON_DEPTH = 64;
/** The containers open while scanning, innermost last: 1 for an object, 2 for an array. */
const stack = new Uint8Array(MAX_JSON_DEPTH);

/**
 * Says whether `bytes` is JSON text that a y-protocols client would accept, without decoding it:
 * clients read a presence state with lib0's strict UTF-8 decoder (`fatal: true`, BOM kept) and then
 * `JSON.parse`, so the bytes must be valid UTF-8 and the text valid JSON (RFC 8259 as ECMAScript's
 * `JSON.parse` reads it: whitespace is space, tab, LF and CR only; no leading zeros; strings
 * without raw control characters). Outside strings only ASCII can be valid, so the scanner checks
 * the grammar byte by byte and leaves multi-byte sequences to `isUtf8`.
 *
 * The server relays and stores presence as the bytes it received, and this is what keeps a client
 * from sending others a state they would fail to read. It costs a fraction of `JSON.parse`, which
 * builds every object and interns every key.
 */
export function jsonTextKind(bytes: Uint8Array): JsonText {
  const end = bytes.length;
  let i = skipSpace(bytes, 0, end);
  if (i === end) return JsonText.Invalid;
  const isNull = bytes[i] === 0x6e; // 'n': if the text is valid, its value is the literal null
  let depth = 0;
  for (;;) {
    // Here a value is expected.
    if (i === end) return JsonText.Invalid;
    const b = bytes[i]!;
    if (b === 0x7b || b === 0x5b) {
      // { or [: an empty container closes at once, otherwise the first member or element follows.
      if (depth === MAX_JSON_DEPTH) return JsonText.Invalid;
      const close = b === 0x7b ? 0x7d : 0x5d;
      i = skipSpace(bytes, i + 1, end);
      if (i < end && bytes[i] === close) {
        i += 1;
      } else {
        stack[depth++] = b === 0x7b ? 1 : 2;
        if (b === 0x7b) {
          i = objectKey(bytes, i, end);
          if (i < 0) return JsonText.Invalid;
        }
        continue;
      }
    } else if (b === 0x22) {
      i = string(bytes, i, end);
    } else if (b === 0x2d || CLASS[b]! & DIGIT) {
      i = number(bytes, i, end);
    } else if (b === 0x74) {
      i = literal(bytes, i, end, 'rue');
    } else if (b === 0x66) {
      i = literal(bytes, i, end, 'alse');
    } else if (b === 0x6e) {
      i = literal(bytes, i, end, 'ull');
    } else {
      return JsonText.Invalid;
    }
    if (i < 0) return JsonText.Invalid;
    // A value ended: close containers, or go on to the next member or element.
    for (;;) {
      i = skipSpace(bytes, i, end);
      if (depth === 0) {
        if (i !== end) return JsonText.Invalid;
        if (!isUtf8(bytes)) return JsonText.Invalid;
        return isNull ? JsonText.Null : JsonText.Value;
      }
      if (i === end) return JsonText.Invalid;
      const c = bytes[i]!;
      const inObject = stack[depth - 1] === 1;
      if (c === 0x2c) {
        // ,
        i = skipSpace(bytes, i + 1, end);
        if (inObject) {
          i = objectKey(bytes, i, end);
          if (i < 0) return JsonText.Invalid;
        }
        break;
      }
      if (c !== (inObject ? 0x7d : 0x5d)) return JsonText.Invalid;
      depth -= 1;
      i += 1;
    }
  }
}

function skipSpace(bytes: Uint8Array, i: number, end: number): number {
  while (i < end && CLASS[bytes[i]!]! & SPACE) i++;
  return i;
}

/** At a member's key: reads `"key" :` and returns the index of the value, or -1. */
function objectKey(bytes: Uint8Array, i: number, end: number): number {
  if (i >= end || bytes[i] !== 0x22) return -1;
  i = string(bytes, i, end);
  if (i < 0) return -1;
  i = skipSpace(bytes, i, end);
  if (i >= end || bytes[i] !== 0x3a) return -1;
  return skipSpace(bytes, i + 1, end);
}

/** At an opening quote: returns the index after the closing one, or -1. */
function string(bytes: Uint8Array, i: number, end: number): number {
  i += 1;
  while (i < end) {
    const b = bytes[i]!;
    if (b === 0x22) return i + 1;
    if (b < 0x20) return -1;
    if (b === 0x5c) {
      if (i + 1 >= end) return -1;
      const e = bytes[i + 1]!;
      if (SIMPLE_ESCAPE[e]) {
        i += 2;
      } else if (e === 0x75) {
        if (i + 6 > end) return -1;
        for (let k = i + 2; k < i + 6; k++) if (!(CLASS[bytes[k]!]! & HEX)) return -1;
        i += 6;
      } else {
        return -1;
      }
    } else {
      i += 1;
    }
  }
  return -1;
}

/** At a minus sign or a digit: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`; the index after it, or -1. */
function number(bytes: Uint8Array, i: number, end: number): number {
  if (bytes[i] === 0x2d) i += 1;
  if (i >= end) return -1;
  if (bytes[i] === 0x30) {
    i += 1;
  } else if (CLASS[bytes[i]!]! & DIGIT) {
    while (i < end && CLASS[bytes[i]!]! & DIGIT) i++;
  } else {
    return -1;
  }
  if (i < end && bytes[i] === 0x2e) {
    i += 1;
    const start = i;
    while (i < end && CLASS[bytes[i]!]! & DIGIT) i++;
    if (i === start) return -1;
  }
  if (i < end && (bytes[i] === 0x65 || bytes[i] === 0x45)) {
    i += 1;
    if (i < end && (bytes[i] === 0x2b || bytes[i] === 0x2d)) i += 1;
    const start = i;
    while (i < end && CLASS[bytes[i]!]! & DIGIT) i++;
    if (i === start) return -1;
  }
  return i;
}

/** After the first letter of `true`, `false` or `null` (already matched): the rest must follow; the index after it, or -1. */
function literal(bytes: Uint8Array, i: number, end: number, rest: string): number {
  if (i + 1 + rest.length > end) return -1;
  for (let k = 0; k < rest.length; k++) if (bytes[i + 1 + k] !== rest.charCodeAt(k)) return -1;
  return i + 1 + rest.length;
}
