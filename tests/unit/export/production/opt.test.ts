import { describe, expect, it } from 'vitest';
import { optLine, parseOpt, writeOpt } from '../../../../electron/core/export/production/opt';

const img = 'VOL001\\IMAGES\\0001\\ACME-00000001.pdf';

describe('Opticon OPT writer', () => {
  it('writes seven comma-separated values per page, Y and the page count on the first page only, CRLF line ends', () => {
    const out = new TextDecoder().decode(
      writeOpt([
        { bates: 'ACME-00000001', volume: 'VOL001', imagePath: img, docBreak: true, pageCount: 2 },
        { bates: 'ACME-00000002', volume: 'VOL001', imagePath: img, docBreak: false, pageCount: null },
      ]),
    );
    expect(out).toBe(`ACME-00000001,VOL001,${img},Y,,,2\r\nACME-00000002,VOL001,${img},,,,\r\n`);
  });

  it('refuses a comma or non-ASCII character in a value (it would shift the columns)', () => {
    expect(() => optLine({ bates: 'A,1', volume: 'V', imagePath: 'x', docBreak: true, pageCount: 1 })).toThrow();
    expect(() => optLine({ bates: 'A1', volume: 'V', imagePath: 'ü.pdf', docBreak: true, pageCount: 1 })).toThrow();
  });
});

describe('Opticon OPT parser', () => {
  it('reads back what the writer wrote', () => {
    const lines = [
      { bates: 'ACME-00000001', volume: 'VOL001', imagePath: img, docBreak: true, pageCount: 1 },
      { bates: 'ACME-00000002', volume: 'VOL001', imagePath: img, docBreak: true, pageCount: 1 },
    ];
    const p = parseOpt(writeOpt(lines));
    expect(p.problems).toEqual([]);
    expect(p.lines).toEqual(lines.map((l, i) => ({ ...l, line: i + 1 })));
  });

  it('reports a wrong column count, a bad DocBreak and a first page without PageCount, by line', () => {
    const p = parseOpt(new TextEncoder().encode(`A1,V,x,Y,,\r\nA2,V,x,N,,,\r\nA3,V,x,Y,,,\r\nA4,V,x,,,,3\r\n`));
    expect(p.problems).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringContaining('exactly 7') }),
      expect.objectContaining({ line: 2, field: 'DocBreak' }),
      expect.objectContaining({ line: 3, field: 'PageCount' }),
      expect.objectContaining({ line: 4, field: 'PageCount' }),
    ]);
  });
});
