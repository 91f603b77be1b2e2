import { jsPDF } from 'jspdf';
import type { GlyphSet, Weight } from './glyphs';

/**
 * Text layout for the Bates PDF: Arabic shaping, line breaking, the Unicode bidi
 * algorithm, and per-run font choice. The order matters and follows UAX #9: shape and
 * break lines in logical order, then reorder each line for display.
 *
 * Shaping maps Arabic letters to their contextual presentation forms (isolated, initial,
 * medial, final, and the lam-alef ligatures), which the Noto Sans Arabic face carries as
 * separate glyphs; jsPDF embeds TrueType without OpenType layout, so this is what makes
 * the letters join. jsPDF's own shaper and bidi engine (public on jsPDF.API and
 * jsPDF.__bidiEngine__) do the work.
 */

const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;
const ARABIC_CHAR = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]/u;
const STRONG = /[\p{L}]/u;
/** Where a line may break inside a word: between ideographs, kana and hangul syllables. */
const CJK_CHAR = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|[\u{20000}-\u{3134f}]/u;

interface BidiEngine {
  doBidiReorder(text: string): string;
}
type BidiEngineCtor = new (options: Record<string, boolean>) => BidiEngine;

export interface Run {
  fontId: string;
  /** Literal-string body of the run's glyph ids. */
  bytes: string;
  /** Width in points. */
  width: number;
}

export class TextLayout {
  private readonly ltr: BidiEngine;
  private readonly rtl: BidiEngine;
  private readonly shapeArabic: (s: string) => string;

  constructor(
    doc: jsPDF,
    readonly glyphs: GlyphSet,
  ) {
    const Engine = (jsPDF as unknown as { __bidiEngine__: BidiEngineCtor }).__bidiEngine__;
    this.ltr = new Engine({ isInputVisual: false, isOutputVisual: true, isInputRtl: false, isOutputRtl: false, isSymmetricSwapping: true });
    this.rtl = new Engine({ isInputVisual: false, isOutputVisual: true, isInputRtl: true, isOutputRtl: false, isSymmetricSwapping: true });
    const api = doc as unknown as { processArabic(s: string): string };
    this.shapeArabic = (s) => api.processArabic(s);
  }

  /** True when a paragraph's first strong character is right-to-left (UAX #9 rules P2-P3). */
  static isRtlParagraph(text: string): boolean {
    for (const ch of text) {
      if (RTL_CHAR.test(ch)) return true;
      if (STRONG.test(ch)) return false;
    }
    return false;
  }

  /**
   * Breaks text into lines no wider than `maxWidth` points. Each paragraph (split on
   * newlines) starts a new line; the lines come back in logical order, shaped, with their
   * paragraph's direction.
   */
  wrap(text: string, size: number, maxWidth: number, weight: Weight = 'regular'): { text: string; rtl: boolean }[] {
    const out: { text: string; rtl: boolean }[] = [];
    for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
      const para = clean(raw);
      const rtl = TextLayout.isRtlParagraph(para);
      const shaped = ARABIC_CHAR.test(para) ? this.shapeArabic(para) : para;
      for (const line of this.breakLines(shaped, size, maxWidth, weight)) out.push({ text: line, rtl });
    }
    return out;
  }

  private breakLines(text: string, size: number, maxWidth: number, weight: Weight): string[] {
    if (text === '') return [''];
    const lines: string[] = [];
    let line = '';
    let lineWidth = 0;
    for (const token of tokens(text)) {
      const w = this.glyphs.width(token, size, weight);
      if (lineWidth + w <= maxWidth) {
        line += token;
        lineWidth += w;
        continue;
      }
      if (line.trim() !== '') {
        lines.push(line.trimEnd());
        line = '';
        lineWidth = 0;
      }
      if (/^\s+$/.test(token)) continue; // a break swallows the spaces at it
      if (w <= maxWidth) {
        line = token;
        lineWidth = w;
        continue;
      }
      // A word wider than the line (a URL, a hash): cut it wherever it reaches the edge.
      for (const ch of token) {
        const cw = this.glyphs.width(ch, size, weight);
        if (lineWidth + cw > maxWidth && line !== '') {
          lines.push(line);
          line = '';
          lineWidth = 0;
        }
        line += ch;
        lineWidth += cw;
      }
    }
    if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd());
    return lines;
  }

  /** One display line as runs of one font each, left to right, in display order. */
  runs(line: string, rtl: boolean, size: number, weight: Weight = 'regular'): Run[] {
    const visual = RTL_CHAR.test(line) || rtl ? this.reorder(line, rtl) : line;
    const runs: Run[] = [];
    let current: Run | null = null;
    for (const ch of visual) {
      const g = this.glyphs.glyph(ch.codePointAt(0)!, weight);
      if (!g) continue;
      const w = (g.advance * size) / 1000;
      if (current && current.fontId === g.fontId) {
        current.bytes += g.bytes;
        current.width += w;
      } else {
        current = { fontId: g.fontId, bytes: g.bytes, width: w };
        runs.push(current);
      }
    }
    return runs;
  }

  /**
   * Logical to visual order. The bidi engine works on UTF-16 code units, so characters
   * beyond the BMP (emoji) would have their surrogate halves swapped inside a right-to-left
   * run; they stand in as private-use characters for the reordering and are put back after.
   */
  private reorder(line: string, rtl: boolean): string {
    const stash: string[] = [];
    const safe = line.replace(/[\u{10000}-\u{10ffff}\ue000-\uf8ff]/gu, (ch) => {
      stash.push(ch);
      return String.fromCharCode(0xe000 + stash.length - 1);
    });
    if (stash.length > 0x1900) return line; // more than the private-use area holds: leave the line logical
    const visual = (rtl ? this.rtl : this.ltr).doBidiReorder(safe);
    return stash.length === 0 ? visual : visual.replace(/[\ue000-\uf8ff]/g, (ch) => stash[ch.charCodeAt(0) - 0xe000] ?? ch);
  }
}

/** Tabs as spaces, other control characters dropped (they have no glyph and would show as boxes). */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\t/g, '    ').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

/** Words with their trailing spaces, and single CJK characters (each one a break opportunity). */
function* tokens(text: string): Generator<string> {
  let word = '';
  for (const ch of text) {
    if (CJK_CHAR.test(ch)) {
      if (word) yield word;
      word = '';
      yield ch;
    } else if (ch === ' ') {
      word += ch;
      yield word;
      word = '';
    } else {
      word += ch;
    }
  }
  if (word) yield word;
}
