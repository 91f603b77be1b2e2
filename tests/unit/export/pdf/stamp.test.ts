import { describe, expect, it } from 'vitest';
import { findStamps, stampOperators } from '../../../../electron/core/export/pdf/stamp';

describe('Bates stamp in a content stream', () => {
  it('reads back exactly the text it drew, delimiters included', () => {
    const ops = stampOperators('A(B)\\C-00000001', 'F2', 10, 500, 46);
    expect(ops).toContain('/OgmaBates BMC');
    expect(findStamps(`q 1 0 0 1 0 0 cm Q\n${ops}\nBT /F15 10 Tf (other text) Tj ET`)).toEqual(['A(B)\\C-00000001']);
  });

  it('finds every stamp on a page, including one rewritten by a tool as BDC with hex text', () => {
    const content = `${stampOperators('X-01', 'F2', 10, 1, 2)}\n/OgmaBates <</MCID 3>> BDC BT /F2 10 Tf <582D3032> Tj ET EMC`;
    expect(findStamps(content)).toEqual(['X-01', 'X-02']);
  });

  it('ignores text outside the tag, so a page without a stamp has none', () => {
    expect(findStamps('BT /F2 10 Tf (ACME-00000001) Tj ET')).toEqual([]);
  });

  it('unescapes octal and line escapes in literal strings', () => {
    expect(findStamps('/OgmaBates BMC BT (A\\055B\\\n-1) Tj ET EMC')).toEqual(['A-B-1']);
  });
});
