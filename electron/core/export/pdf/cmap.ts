/**
 * Reads a TrueType font's character map (code point -> glyph id). jsPDF has its own cmap
 * reader, but it keys glyphs by UTF-16 code unit and reads only the BMP subtable, so it
 * cannot find an emoji (U+1F600 is two code units). This one reads format 12 (full
 * Unicode) when the font has it and format 4 (BMP) otherwise.
 */

export type CharMap = ReadonlyMap<number, number>;

export function readCharMap(font: Uint8Array): CharMap {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const cmapOffset = tableOffset(view, 'cmap');
  if (cmapOffset === null) throw new Error('The font has no cmap table: it cannot map characters to glyphs.');
  const count = view.getUint16(cmapOffset + 2);
  let best: { offset: number; format: number; rank: number } | null = null;
  for (let i = 0; i < count; i++) {
    const rec = cmapOffset + 4 + i * 8;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const offset = cmapOffset + view.getUint32(rec + 4);
    const format = view.getUint16(offset);
    // Windows full Unicode (3,10) or Unicode full (0,4/0,6) beat BMP-only subtables.
    const rank = format === 12 && ((platform === 3 && encoding === 10) || platform === 0) ? 2 : format === 4 && (platform === 3 || platform === 0) ? 1 : 0;
    if (rank > 0 && (best === null || rank > best.rank)) best = { offset, format, rank };
  }
  if (best === null) throw new Error('The font has no Unicode cmap subtable (format 4 or 12).');
  return best.format === 12 ? readFormat12(view, best.offset) : readFormat4(view, best.offset);
}

function tableOffset(view: DataView, tag: string): number | null {
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    let t = '';
    for (let k = 0; k < 4; k++) t += String.fromCharCode(view.getUint8(rec + k));
    if (t === tag) return view.getUint32(rec + 8);
  }
  return null;
}

function readFormat12(view: DataView, offset: number): CharMap {
  const map = new Map<number, number>();
  const groups = view.getUint32(offset + 12);
  for (let g = 0; g < groups; g++) {
    const at = offset + 16 + g * 12;
    const start = view.getUint32(at);
    const end = view.getUint32(at + 4);
    const glyph = view.getUint32(at + 8);
    for (let c = start; c <= end; c++) map.set(c, glyph + (c - start));
  }
  return map;
}

function readFormat4(view: DataView, offset: number): CharMap {
  const map = new Map<number, number>();
  const segX2 = view.getUint16(offset + 6);
  const ends = offset + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  for (let s = 0; s < segX2; s += 2) {
    const end = view.getUint16(ends + s);
    const start = view.getUint16(starts + s);
    const delta = view.getInt16(deltas + s);
    const ro = view.getUint16(rangeOffsets + s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (ro === 0) glyph = (c + delta) & 0xffff;
      else {
        const at = rangeOffsets + s + ro + (c - start) * 2;
        glyph = view.getUint16(at);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) map.set(c, glyph);
    }
  }
  return map;
}
