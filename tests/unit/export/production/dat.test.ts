import { describe, expect, it } from 'vitest';
import { DAT_NEWLINE, DAT_QUOTE, DAT_SEPARATOR, escapeDatValue, parseDat, writeDat } from '../../../../electron/core/export/production/dat';

const bytesOf = (s: string) => new TextEncoder().encode(s);
const withBom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf(s)]);
const Q = DAT_QUOTE;
const S = DAT_SEPARATOR;

describe('Concordance DAT writer', () => {
  it('starts with a UTF-8 BOM, writes a header row, wraps every value in þ, separates with U+0014 and ends records with CRLF', () => {
    const out = writeDat(['BEGBATES', 'TITLE'], [['ACME-00000001', 'Hello']]);
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(out.subarray(3));
    expect(text).toBe(`${Q}BEGBATES${Q}${S}${Q}TITLE${Q}\r\n${Q}ACME-00000001${Q}${S}${Q}Hello${Q}\r\n`);
  });

  it('uses the standard Concordance characters: þ U+00FE, U+0014, ® U+00AE', () => {
    expect(DAT_QUOTE).toBe('\u00fe');
    expect(DAT_SEPARATOR).toBe('\u0014');
    expect(DAT_NEWLINE).toBe('\u00ae');
  });

  it('writes line breaks inside a value (CRLF, CR, LF) as ®, so a record stays on one line', () => {
    expect(escapeDatValue('a\r\nb\rc\nd')).toBe('a®b®c®d');
    const out = writeDat(['TITLE'], [['line one\nline two']]);
    const text = new TextDecoder().decode(out);
    expect(text.split('\r\n')).toHaveLength(3); // header, record, trailing empty
  });

  it('doubles a þ inside a value, and the parser reads it back as one þ', () => {
    expect(escapeDatValue('þorn')).toBe('þþorn');
    const parsed = parseDat(writeDat(['TITLE', 'X'], [['þorn ends þ', 'þ']]));
    expect(parsed.problems).toEqual([]);
    expect(parsed.records[0]?.values).toEqual({ TITLE: 'þorn ends þ', X: 'þ' });
  });

  it('replaces control characters (U+0014 among them) that would break a reader', () => {
    expect(escapeDatValue(`a${S}b\u0000c\td`)).toBe('a\ufffdb\ufffdc\ufffdd');
  });

  it('round-trips Unicode metadata in any script through parse', () => {
    const values = ['Привет 你好 مرحبا 🚀', 'two\nlines'];
    const parsed = parseDat(writeDat(['A', 'B'], [values]));
    expect(parsed.problems).toEqual([]);
    expect(parsed.records[0]).toEqual({ line: 2, values: { A: values[0], B: values[1] } });
  });

  it('refuses a row that does not match the header (a writer bug, not user input)', () => {
    expect(() => writeDat(['A', 'B'], [['only one']])).toThrow(/2 fields/);
  });
});

describe('Concordance DAT parser', () => {
  it('reports a missing BOM', () => {
    const p = parseDat(bytesOf(`${Q}A${Q}\r\n${Q}1${Q}\r\n`));
    expect(p.problems[0]).toMatchObject({ line: 1, message: expect.stringContaining('byte order mark') });
  });

  it('reports a value not wrapped in þ, at its line', () => {
    const p = parseDat(withBom(`${Q}A${Q}${S}${Q}B${Q}\r\n${Q}1${Q}${S}2\r\n`));
    expect(p.problems).toContainEqual(expect.objectContaining({ line: 2, message: expect.stringContaining('Value 2 is not wrapped') }));
  });

  it('reports a comma instead of the U+0014 separator', () => {
    const p = parseDat(withBom(`${Q}A${Q},${Q}B${Q}\r\n`));
    expect(p.problems[0]?.message).toContain('instead of the field separator');
  });

  it('reports a record with the wrong number of values', () => {
    const p = parseDat(withBom(`${Q}A${Q}${S}${Q}B${Q}\r\n${Q}1${Q}\r\n`));
    expect(p.problems).toContainEqual(expect.objectContaining({ line: 2, message: expect.stringContaining('1 values but the header names 2') }));
  });

  it('reports a bare LF inside a record and a missing final CRLF', () => {
    const p = parseDat(withBom(`${Q}A${Q}\r\n${Q}x\ny${Q}`));
    expect(p.problems.map((x) => x.message).join(' ')).toMatch(/does not end with CRLF/);
    expect(p.problems.map((x) => x.message).join(' ')).toMatch(/bare CR or LF/);
  });

  it('reports invalid UTF-8 and duplicate or lower-case header fields', () => {
    expect(parseDat(new Uint8Array([0xef, 0xbb, 0xbf, 0xff, 0xfe])).problems[0]?.message).toContain('not valid UTF-8');
    const p = parseDat(withBom(`${Q}A${Q}${S}${Q}A${Q}${S}${Q}low${Q}\r\n`));
    expect(p.problems.map((x) => x.field)).toEqual(expect.arrayContaining(['A', 'low']));
  });
});
