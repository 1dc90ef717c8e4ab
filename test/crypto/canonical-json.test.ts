import { describe, expect, it } from 'vitest';

import { canonicalJson, canonicalJsonBytes } from '../../src/crypto/canonical-json.js';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts members by UTF-16 code units (RFC 8785 §3.2.3 example)', () => {
    // The RFC's sorting example: property names as UTF-16 code units, not as code points.
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // Parsing the output back would reorder "1" first (JS integer keys), so compare the text.
    const expected =
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control",' +
      '"\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign",' +
      '"\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}';
    expect(canonicalJson(input)).toBe(expected);
  });

  it('formats numbers as ECMAScript does (RFC 8785 §3.2.2.3, Appendix B)', () => {
    // The RFC's first value has more digits than a double holds; pass it as the RFC writes it.
    const rfcValue = Number('333333333.33333329');
    const input = { numbers: [rfcValue, 1e30, 4.5, 2e-3, 0.000001, 1e-7, -0, 1e21] };
    expect(canonicalJson(input)).toBe(
      '{"numbers":[333333333.3333333,1e+30,4.5,0.002,0.000001,1e-7,0,1e+21]}',
    );
  });

  it('escapes strings minimally (RFC 8785 §3.2.2.2 example)', () => {
    const input = { string: '\u20ac$\u000F\u000aA\'\u0042\u0022\u005c\\"/' };
    expect(canonicalJson(input)).toBe('{"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('keeps Cyrillic and Kazakh letters unescaped, as UTF-8 bytes', () => {
    const record = { lastName: 'Әбілқайырова', firstName: 'Айгүл', v: 1 };
    const text = '{"firstName":"Айгүл","lastName":"Әбілқайырова","v":1}';
    expect(canonicalJson(record)).toBe(text);
    expect(canonicalJsonBytes(record)).toEqual(new Uint8Array(Buffer.from(text, 'utf8')));
  });

  it('ignores insertion order and whitespace of the source', () => {
    const a = JSON.parse('{ "b": [1, {"y": 2, "x": 1}], "a": null }');
    const b = { a: null, b: [1, { x: 1, y: 2 }] };
    expect(canonicalJson(a)).toBe('{"a":null,"b":[1,{"x":1,"y":2}]}');
    expect(canonicalJsonBytes(a)).toEqual(canonicalJsonBytes(b));
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a lone surrogate', { name: '\ud800' }],
    ['undefined', undefined],
  ])('refuses %s with code canonical_json_unsupported', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(
      expect.objectContaining({ code: 'canonical_json_unsupported' }),
    );
  });

  it('refuses cycles', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/canonical JSON: Circular reference/);
  });
});
