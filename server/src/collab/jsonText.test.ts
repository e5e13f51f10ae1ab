import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../test/random.ts';
import { JsonText, MAX_JSON_DEPTH, jsonTextKind } from './jsonText.ts';

/** What a y-protocols client makes of the bytes: lib0's strict decoder, then JSON.parse. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
function clientReads(bytes: Uint8Array): JsonText {
  try {
    return JSON.parse(strictUtf8.decode(bytes)) === null ? JsonText.Null : JsonText.Value;
  } catch {
    return JsonText.Invalid;
  }
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('jsonTextKind', () => {
  it.each([
    ['null', JsonText.Null],
    [' \t\r\nnull\n', JsonText.Null],
    ['{"user":{"name":"Amina","color":"#30bced"},"cursor":{"anchor":3,"head":7}}', JsonText.Value],
    ['{"cursor":null}', JsonText.Value],
    ['[]', JsonText.Value],
    ['{}', JsonText.Value],
    ['[ 1 , -0.5e+3 , 0 , 2E7 , true , false , null , "a\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9" ]', JsonText.Value],
    ['"Île-de-France ✓ 北京 😀"', JsonText.Value],
    ['{"a":1,"a":2}', JsonText.Value],
    ['', JsonText.Invalid],
    ['   ', JsonText.Invalid],
    ['nul', JsonText.Invalid],
    ['nulll', JsonText.Invalid],
    ['undefined', JsonText.Invalid],
    ['{"a":1,}', JsonText.Invalid],
    ['[1,]', JsonText.Invalid],
    ['[,1]', JsonText.Invalid],
    ['{a:1}', JsonText.Invalid],
    ["{'a':1}", JsonText.Invalid],
    ['{"a" 1}', JsonText.Invalid],
    ['{"a":}', JsonText.Invalid],
    ['01', JsonText.Invalid],
    ['-', JsonText.Invalid],
    ['1.', JsonText.Invalid],
    ['.5', JsonText.Invalid],
    ['1e', JsonText.Invalid],
    ['+1', JsonText.Invalid],
    ['"\\x41"', JsonText.Invalid],
    ['"\\u12G4"', JsonText.Invalid],
    ['"\\u123"', JsonText.Invalid],
    ['"tab\there"', JsonText.Invalid],
    ['"unterminated', JsonText.Invalid],
    ['[1]]', JsonText.Invalid],
    ['{"a":[1}', JsonText.Invalid],
    ['1 2', JsonText.Invalid],
    ['\u00a0null', JsonText.Invalid],
    ['\ufeffnull', JsonText.Invalid],
  ])('%j is %s', (text, expected) => {
    const bytes = utf8(text);
    expect(clientReads(bytes)).toBe(expected);
    expect(jsonTextKind(bytes)).toBe(expected);
  });

  it('refuses bytes that are not UTF-8, inside strings or out', () => {
    for (const bytes of [Uint8Array.of(0x22, 0xc3, 0x22), Uint8Array.of(0x22, 0xed, 0xa0, 0x80, 0x22), Uint8Array.of(0x22, 0xff, 0x22), Uint8Array.of(0x80)]) {
      expect(clientReads(bytes)).toBe(JsonText.Invalid);
      expect(jsonTextKind(bytes)).toBe(JsonText.Invalid);
    }
  });

  it(`accepts nesting up to ${MAX_JSON_DEPTH} deep and refuses deeper`, () => {
    expect(jsonTextKind(utf8('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)))).toBe(JsonText.Value);
    expect(jsonTextKind(utf8('{"a":'.repeat(MAX_JSON_DEPTH) + '1' + '}'.repeat(MAX_JSON_DEPTH)))).toBe(JsonText.Value);
    expect(jsonTextKind(utf8('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1)))).toBe(JsonText.Invalid);
  });

  it('agrees with JSON.parse on 60,000 mutations of real presence states', () => {
    const next = mulberry32(20261129);
    const seeds = [
      '{"user":{"name":"Amina","color":"#30bced"},"cursor":{"anchor":{"type":{"client":1,"clock":2},"tname":null,"item":{"client":3,"clock":4},"assoc":0},"head":-1.5e3}}',
      '[true,false,null,0,-0,12.5E-2,"\\u00e9\\n",[],{},"é✓😀"]',
      'null',
    ];
    // Bytes that matter to the grammar, and a few that do not.
    const pick = [...utf8('{}[],:"\\ \t\n\r0123456789+-.eEtrufalsnbux'), 0x00, 0x1f, 0x7f, 0x80, 0xc3, 0xa9, 0xff];
    let disagreements = 0;
    let valid = 0;
    for (let n = 0; n < 60_000; n++) {
      const bytes = [...utf8(seeds[n % seeds.length]!)];
      const edits = 1 + Math.floor(next() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(next() * (bytes.length + 1));
        const op = next();
        const b = pick[Math.floor(next() * pick.length)]!;
        if (op < 0.34) bytes.splice(at, 1);
        else if (op < 0.67) bytes.splice(at, 0, b);
        else bytes[Math.min(at, bytes.length - 1)] = b;
      }
      const input = Uint8Array.from(bytes);
      const expected = clientReads(input);
      if (expected !== JsonText.Invalid) valid += 1;
      if (jsonTextKind(input) !== expected) {
        disagreements += 1;
        if (disagreements < 5) expect({ input: Buffer.from(input).toString('latin1'), got: jsonTextKind(input) }).toEqual({ input: Buffer.from(input).toString('latin1'), got: expected });
      }
    }
    expect(disagreements).toBe(0);
    // The mutations must reach both sides of the line for the comparison to mean anything.
    expect(valid).toBeGreaterThan(3_000);
    expect(valid).toBeLessThan(57_000);
  });
});
