import { describe, expect, it } from 'vitest';
import { snippetSegments } from '../../../../renderer/review/search/snippetSegments';

const view = (segs: ReturnType<typeof snippetSegments>) => segs.map((s) => (s.kind === 'pii' ? `<${s.pii}:${s.text}>` : s.hit ? `[${s.text}]` : s.text)).join('');

describe('search snippet segments', () => {
  it('marks the backend highlights and draws masks as chips, keeping every character once', () => {
    const text = 'Email: [EMAIL], email me';
    const segs = snippetSegments(text, [{ start: 0, end: 5 }, { start: 16, end: 21 }], [{ start: 7, end: 14, kind: 'email', label: '[EMAIL]' }]);
    expect(view(segs)).toBe('[Email]: <email:[EMAIL]>, [email] me');
    expect(segs.map((s) => s.text).join('')).toBe(text);
  });

  it('never highlights inside or across a mask, and ignores offsets outside the text or running backwards', () => {
    const text = 'card [CARD ••••4242] ok';
    const spans = [{ start: 5, end: 20, kind: 'card' as const, label: '[CARD ••••4242]' }];
    const segs = snippetSegments(text, [{ start: 15, end: 19 }, { start: 3, end: 8 }, { start: 21, end: 99 }, { start: 4, end: 2 }, { start: 0, end: 4 }], spans);
    expect(view(segs)).toBe('[card] <card:[CARD ••••4242]> ok');
    expect(segs.map((s) => s.text).join('')).toBe(text);
  });

  it('handles overlapping highlights by keeping the first', () => {
    const segs = snippetSegments('alpha beta', [{ start: 0, end: 5 }, { start: 2, end: 8 }, { start: 6, end: 10 }], []);
    expect(view(segs)).toBe('[alpha] [beta]');
  });
});
