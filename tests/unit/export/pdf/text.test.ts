import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { facesNeeded, type FaceKey } from '../../../../electron/core/export/pdf/fonts';
import { GlyphSet } from '../../../../electron/core/export/pdf/glyphs';
import { TextLayout } from '../../../../electron/core/export/pdf/text';

const ALL: FaceKey[] = ['sans', 'sansBold', 'arabic', 'hebrew', 'cjk', 'emoji'];
const cps = (s: string) => [...s].map((c) => c.codePointAt(0)!);

let shared: ReturnType<typeof make> | null = null;
/** One document with every face (parsing the CJK face takes most of a second), shared by the tests. */
function setup(faces: FaceKey[] = ALL) {
  if (faces !== ALL) return make(faces);
  return (shared ??= make(ALL));
}
function make(faces: FaceKey[]) {
  const doc = new jsPDF({ unit: 'pt', format: 'letter' });
  const glyphs = new GlyphSet(doc, new Set(faces));
  return { doc, glyphs, layout: new TextLayout(doc, glyphs) };
}

describe('fonts per script', () => {
  it('loads only the faces a text needs: Latin alone never pays for the 10 MB CJK face', () => {
    expect([...facesNeeded(cps('Hello, café, Привет, Καλημέρα'))].sort()).toEqual(['sans', 'sansBold']);
    expect([...facesNeeded(cps('中文 مرحبا שלום 😀'))].sort()).toEqual(['arabic', 'cjk', 'emoji', 'hebrew', 'sans', 'sansBold']);
  });

  it('picks the face of each character: Latin/Cyrillic/Greek, Arabic, Hebrew, CJK, emoji', () => {
    const { glyphs } = setup();
    const face = (ch: string) => glyphs.glyph(ch.codePointAt(0)!)?.face;
    expect(['A', 'Ж', 'Ω', 'é'].map(face)).toEqual(['sans', 'sans', 'sans', 'sans']);
    expect(face('م')).toBe('arabic');
    expect(face('ש')).toBe('hebrew');
    expect(['中', 'ひ', 'カ'].map(face)).toEqual(['cjk', 'cjk', 'cjk']);
    expect(['😀', '🚀'].map(face)).toEqual(['emoji', 'emoji']);
    expect(glyphs.glyph(0x200d)).toBeNull(); // a joiner draws nothing
    expect(glyphs.glyph(0xfe0f)).toBeNull(); // nor does a variation selector
  });

  it('draws a character no face has as the replacement glyph, not as garbage', () => {
    const { glyphs } = setup();
    const missing = glyphs.glyph(0x10fffd)!; // a private-use plane-16 character
    expect(missing.face).toBe('sans');
    expect(missing.bytes).toBe(glyphs.glyph(0xfffd)!.bytes);
  });
});

describe('lines: shaping, bidi, runs', () => {
  it('shapes Arabic into joined presentation forms and lays it out right to left', () => {
    const { layout, glyphs } = setup();
    const [line] = layout.wrap('سلام', 10, 500);
    expect(line!.rtl).toBe(true);
    // seen initial, the lam-alef ligature in its final form, meem isolated (alef does not join forward)
    expect(cps(line!.text)).toEqual([0xfeb3, 0xfefc, 0xfee1]);
    const runs = layout.runs(line!.text, true, 10);
    expect(runs).toHaveLength(1);
    const order = cps(line!.text).reverse().map((c) => glyphs.glyph(c)!.bytes).join('');
    expect(runs[0]!.bytes).toBe(order); // drawn left to right: the last letter first
  });

  it('keeps numbers and Latin words left to right inside a Hebrew paragraph', () => {
    const { layout, glyphs } = setup();
    const [line] = layout.wrap('שלום abc 12', 10, 500);
    const visual = layout.runs(line!.text, line!.rtl, 10);
    const sans = glyphs.glyph(0x61)!.fontId;
    const hebrew = glyphs.glyph(0x5e9)!.fontId;
    expect(visual.map((r) => r.fontId)).toEqual([sans, hebrew]);
    expect(visual[0]!.bytes).toBe([...'abc 12 '].map((c) => glyphs.glyph(c.codePointAt(0)!)!.bytes).join(''));
  });

  it('splits a mixed line into one run per font, in display order', () => {
    const { layout, glyphs } = setup();
    const runs = layout.runs('Hi 中文 😀', false, 10);
    expect(runs.map((r) => r.fontId)).toEqual([glyphs.glyph(0x48)!.fontId, glyphs.glyph(0x4e2d)!.fontId, glyphs.glyph(0x20)!.fontId, glyphs.glyph(0x1f600)!.fontId]);
  });

  it('keeps an emoji whole inside a right-to-left line (no swapped surrogate halves)', () => {
    const { layout, glyphs } = setup();
    const runs = layout.runs('שלום 😀', true, 10);
    expect(runs[0]!.fontId).toBe(glyphs.glyph(0x1f600)!.fontId);
    expect(runs[0]!.bytes).toBe(glyphs.glyph(0x1f600)!.bytes);
  });

  it('wraps at spaces within the width, breaks CJK between characters, and cuts an over-long word', () => {
    const { layout, glyphs } = setup();
    const lines = layout.wrap('alpha beta gamma delta epsilon zeta eta theta', 10, 80);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(glyphs.width(l.text, 10)).toBeLessThanOrEqual(80);
    expect(lines.map((l) => l.text).join(' ')).toBe('alpha beta gamma delta epsilon zeta eta theta');
    const cjk = layout.wrap('中文测试这是一段很长的中文没有空格', 10, 50);
    expect(cjk.length).toBeGreaterThan(2);
    expect(cjk.map((l) => l.text).join('')).toBe('中文测试这是一段很长的中文没有空格');
    const hash = layout.wrap('x'.repeat(200), 10, 100);
    expect(hash.length).toBeGreaterThan(1);
    for (const l of hash) expect(glyphs.width(l.text, 10)).toBeLessThanOrEqual(100);
  });

  it('starts a new line at each newline and keeps empty lines', () => {
    const { layout } = setup(['sans', 'sansBold']);
    expect(layout.wrap('one\n\nthree', 10, 500).map((l) => l.text)).toEqual(['one', '', 'three']);
  });
});
