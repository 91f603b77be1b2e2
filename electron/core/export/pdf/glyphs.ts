import type { jsPDF } from 'jspdf';
import { BOLD_CHAIN, FACES, isIgnorable, loadFace, REGULAR_CHAIN, type FaceKey } from './fonts';

/**
 * Turns characters into glyphs of the faces registered in one jsPDF document, and
 * records each glyph it hands out so jsPDF embeds it (jsPDF subsets every embedded font
 * to the glyphs listed as used, and writes their widths and the ToUnicode map from them).
 *
 * Text is written as raw content-stream operators with 2-byte glyph ids (Identity-H), not
 * through jsPDF's text(): that path shapes Arabic and reorders bidi text on every call by
 * itself, cannot reach glyphs beyond the BMP, and costs several times more per line.
 */

/** jsPDF's parsed TrueType font (the parts used here). */
interface TtfMetadata {
  widthOfGlyph(gid: number): number;
  glyIdsUsed: number[];
  toUnicode: Record<number, number>;
  Unicode: { widths: (number | number[])[] };
}
interface JsPdfFont {
  id: string;
  metadata: TtfMetadata;
}

export interface Glyph {
  face: FaceKey;
  /** The face's resource name in the PDF, e.g. 'F15'. */
  fontId: string;
  /** Advance in thousandths of an em. */
  advance: number;
  /** The glyph id as a 2-byte PDF literal-string body, escaped. */
  bytes: string;
}

export type Weight = 'regular' | 'bold';

const REPLACEMENT = 0xfffd;

export class GlyphSet {
  private readonly fonts = new Map<FaceKey, JsPdfFont>();
  private readonly cache: Record<Weight, Map<number, Glyph | null>> = { regular: new Map(), bold: new Map() };
  private readonly usedGids = new Map<FaceKey, Set<number>>();

  constructor(doc: jsPDF, faces: Set<FaceKey>) {
    const internal = (doc as unknown as { internal: { getFont(family: string, style: string): JsPdfFont } }).internal;
    for (const face of FACES) {
      if (!faces.has(face.key)) continue;
      const file = loadFace(face.key);
      // A binary string starting with the TrueType magic is taken as is (no base64 round trip).
      doc.addFileToVFS(face.file, file.binary);
      doc.addFont(face.file, face.family, face.style, 'normal', 'Identity-H');
      this.fonts.set(face.key, internal.getFont(face.family, face.style));
      this.usedGids.set(face.key, new Set());
    }
  }

  /** Which faces this document embeds. */
  get faces(): FaceKey[] {
    return [...this.fonts.keys()];
  }

  /** The glyph for a code point, or null for a character drawn as nothing (joiners, selectors). */
  glyph(cp: number, weight: Weight = 'regular'): Glyph | null {
    const cache = this.cache[weight];
    const have = cache.get(cp);
    if (have !== undefined) return have;
    const made = isIgnorable(cp) ? null : this.find(cp, weight) ?? this.find(REPLACEMENT, weight) ?? this.find(0x3f, weight);
    cache.set(cp, made);
    return made;
  }

  /** Width of a string in points at a font size. */
  width(text: string, size: number, weight: Weight = 'regular'): number {
    let w = 0;
    for (const ch of text) {
      const g = this.glyph(ch.codePointAt(0)!, weight);
      if (g) w += g.advance;
    }
    return (w * size) / 1000;
  }

  private find(cp: number, weight: Weight): Glyph | null {
    for (const key of weight === 'bold' ? BOLD_CHAIN : REGULAR_CHAIN) {
      const font = this.fonts.get(key);
      if (!font) continue;
      const gid = loadFace(key).cmap.get(cp);
      if (gid === undefined || gid === 0) continue;
      this.markUsed(key, font, gid, cp);
      return { face: key, fontId: font.id, advance: font.metadata.widthOfGlyph(gid), bytes: escapeByte(gid >> 8) + escapeByte(gid & 0xff) };
    }
    return null;
  }

  private markUsed(key: FaceKey, font: JsPdfFont, gid: number, cp: number): void {
    const used = this.usedGids.get(key)!;
    if (used.has(gid)) return;
    used.add(gid);
    const md = font.metadata;
    md.glyIdsUsed.push(gid);
    // jsPDF writes ToUnicode entries as 4 hex digits; a code point beyond the BMP would be
    // cut to a wrong character, so copy-paste gives U+FFFD for it rather than a lie.
    md.toUnicode[gid] = cp > 0xffff ? REPLACEMENT : cp;
    md.Unicode.widths.push(gid, [Math.round(md.widthOfGlyph(gid))]);
  }
}

/** One byte of a PDF literal string: the delimiters and backslash escaped, CR escaped (a raw CR would be read as LF). */
export function escapeByte(b: number): string {
  if (b === 0x28) return '\\(';
  if (b === 0x29) return '\\)';
  if (b === 0x5c) return '\\\\';
  if (b === 0x0d) return '\\r';
  return String.fromCharCode(b);
}
