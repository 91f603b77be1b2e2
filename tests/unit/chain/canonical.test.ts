import { describe, expect, it } from 'vitest';
import { canonicalize, type JsonValue } from '../../../electron/core/chain/index';
import { OgmaError } from '../../../shared/api/errors';

const fromBits = (hex: string) => Buffer.from(hex, 'hex').readDoubleBE(0);

function rejects(value: unknown): OgmaError {
  try {
    canonicalize(value as JsonValue);
  } catch (e) {
    expect(e).toBeInstanceOf(OgmaError);
    expect((e as OgmaError).code).toBe('VALIDATION_FAILED');
    return e as OgmaError;
  }
  throw new Error('expected canonicalize to refuse the value');
}

describe('canonicalize (RFC 8785 JCS)', () => {
  describe('given IEEE-754 doubles from RFC 8785 Appendix B, when serialised, then they use ECMAScript number formatting', () => {
    const vectors: [string, string][] = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'], // -0
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    it.each(vectors)('bits %s -> %s', (bits, text) => {
      expect(canonicalize(fromBits(bits))).toBe(text);
    });

    it('and the everyday edge cases match too', () => {
      expect(canonicalize(1e21)).toBe('1e+21');
      expect(canonicalize(1e20)).toBe('100000000000000000000');
      expect(canonicalize(1e-7)).toBe('1e-7');
      expect(canonicalize(0.000001)).toBe('0.000001');
      expect(canonicalize(-0)).toBe('0');
      expect(canonicalize(0.1 + 0.2)).toBe('0.30000000000000004');
      expect(canonicalize(4.5)).toBe('4.5');
      expect(canonicalize(-1)).toBe('-1');
    });
  });

  it('given the RFC 8785 §3.2.2 example, when canonicalised, then whitespace, number forms and escapes are normalised', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    ) as JsonValue;
    expect(canonicalize(input)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('given the RFC 8785 §3.2.3 property-sorting example, when canonicalised, then keys sort by UTF-16 code units (not code points)', () => {
    const input = JSON.parse(
      '{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control", "\\u00f6": "Latin Small Letter O With Diaeresis"}',
    ) as JsonValue;
    expect(canonicalize(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis","€":"Euro Sign","\u{1F600}":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('given an astral character and a high BMP character as keys, when sorted, then the surrogate pair (0xD83D...) sorts before U+FB33', () => {
    expect(canonicalize({ '\ufb33': 1, '\u{1F600}': 2 })).toBe('{"\u{1F600}":2,"\ufb33":1}');
  });

  it('given integer-like keys, when sorted, then they sort as strings ("10" before "9"), not as array indexes', () => {
    expect(canonicalize({ 9: 'a', 10: 'b', b: 1, a: 2 })).toBe('{"10":"b","9":"a","a":2,"b":1}');
  });

  it('given every control character, when escaped, then short forms are used where they exist and lowercase \\u00xx otherwise', () => {
    let all = '';
    for (let c = 0; c < 0x20; c++) all += String.fromCharCode(c);
    const out = canonicalize(all);
    expect(out).toBe(
      '"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f"',
    );
  });

  it('given characters JSON may but JCS must not escape, when serialised, then they stay raw (/, DEL, U+2028, non-ASCII)', () => {
    expect(canonicalize('a/b\u007f\u2028\u2029é😀')).toBe('"a/b\u007f\u2028\u2029é😀"');
    expect(canonicalize('"\\')).toBe('"\\"\\\\"');
  });

  it('given nested arrays and objects, when serialised, then there is no whitespace and array order is kept', () => {
    expect(canonicalize({ z: [3, 1, { y: null, x: true }], a: {} })).toBe('{"a":{},"z":[3,1,{"x":true,"y":null}]}');
    expect(canonicalize([])).toBe('[]');
    expect(canonicalize(Object.assign(Object.create(null), { b: 1, a: 2 }) as JsonValue)).toBe('{"a":2,"b":1}');
  });

  describe('given a value JSON cannot represent, when canonicalised, then it is refused with VALIDATION_FAILED', () => {
    it.each([
      ['NaN', Number.NaN],
      ['Infinity', Number.POSITIVE_INFINITY],
      ['-Infinity', Number.NEGATIVE_INFINITY],
      ['undefined', undefined],
      ['a function', () => 1],
      ['a BigInt', 10n],
      ['a symbol', Symbol('s')],
      ['a Date', new Date(0)],
      ['a Map', new Map()],
      ['a class instance', new (class Thing {})()],
      ['a lone high surrogate', 'a\ud800b'],
      ['a lone low surrogate', '\udc00'],
    ])('%s at the top level', (_name, v) => {
      rejects(v);
    });

    it('and nested ones name the field', () => {
      expect(rejects({ body: { n: Number.NaN } }).where?.field).toBe('body.n');
      expect(rejects({ a: [1, undefined] }).where?.field).toBe('a[1]');
      rejects({ a: undefined });
      rejects({ ['\ud800']: 1 });
      // eslint-disable-next-line no-sparse-arrays
      rejects([1, , 3]);
    });

    it('and absurdly deep nesting is refused instead of overflowing the stack', () => {
      let deep: JsonValue = 1;
      for (let i = 0; i < 100; i++) deep = [deep];
      rejects(deep);
      let ok: JsonValue = 1;
      for (let i = 0; i < 60; i++) ok = [ok];
      expect(canonicalize(ok)).toBe('['.repeat(60) + '1' + ']'.repeat(60));
    });
  });

  it('given any JSON text, when parsed and canonicalised twice, then the result is a fixed point', () => {
    const samples = ['{"b":[1,2,{"d":1e400,"c":"x"}],"a":-0.0}'.replace('1e400', '1e300'), '[1.0,2.50,"\\u00e9"]', '{"\\u0000":"\\t"}'];
    for (const s of samples) {
      const once = canonicalize(JSON.parse(s) as JsonValue);
      expect(canonicalize(JSON.parse(once) as JsonValue)).toBe(once);
    }
  });
});
