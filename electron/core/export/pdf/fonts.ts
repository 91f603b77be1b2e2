import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCharMap, type CharMap } from './cmap';

/**
 * The fonts a Bates PDF may embed, all Noto (SIL Open Font License 1.1), shipped in
 * resources/fonts/ so a fresh clone renders every script without the network or system
 * fonts (see docs/export-pdf.md for where each file comes from).
 *
 * `family` is the PostScript name jsPDF writes as /BaseFont.
 *
 * Order is the fallback chain: for each character the first face that has a glyph wins,
 * so Latin punctuation inside Arabic text comes from Noto Sans, and an emoji, which no
 * text face has, falls through to Noto Emoji.
 */
export const FACES = [
  { key: 'sans', file: 'NotoSans-Regular.ttf', family: 'NotoSans-Regular', style: 'normal' },
  { key: 'sansBold', file: 'NotoSans-Bold.ttf', family: 'NotoSans-Bold', style: 'normal' },
  { key: 'arabic', file: 'NotoSansArabic-Regular.ttf', family: 'NotoSansArabic-Regular', style: 'normal' },
  { key: 'hebrew', file: 'NotoSansHebrew-Regular.ttf', family: 'NotoSansHebrew-Regular', style: 'normal' },
  { key: 'cjk', file: 'NotoSansSC-Regular.ttf', family: 'NotoSansSC-Regular', style: 'normal' },
  { key: 'emoji', file: 'NotoEmoji-Regular.ttf', family: 'NotoEmoji-Regular', style: 'normal' },
] as const;

export type FaceKey = (typeof FACES)[number]['key'];
/** Faces tried, in order, for regular and for bold text (there is bold only for Latin/Cyrillic/Greek). */
export const REGULAR_CHAIN: readonly FaceKey[] = ['sans', 'arabic', 'hebrew', 'cjk', 'emoji'];
export const BOLD_CHAIN: readonly FaceKey[] = ['sansBold', 'arabic', 'hebrew', 'cjk', 'emoji'];

export interface FontFile {
  key: FaceKey;
  /** The TTF as a binary string (one char per byte), the form jsPDF takes without base64. */
  binary: string;
  cmap: CharMap;
}

const loaded = new Map<FaceKey, FontFile>();
let fontsDir: string | null = null;

/**
 * Where resources/fonts is: OGMA_FONTS_DIR when set, next to the source tree (tests, CLI
 * through tsx), next to the bundled main (dist-electron/../resources/fonts), or in a
 * packaged app's resources folder.
 */
export function findFontsDir(): string {
  if (fontsDir !== null) return fontsDir;
  const here = fileURLToPath(new URL('.', import.meta.url));
  const candidates = [
    process.env.OGMA_FONTS_DIR,
    join(here, '..', '..', '..', '..', 'resources', 'fonts'),
    join(here, '..', 'resources', 'fonts'),
    (process as { resourcesPath?: string }).resourcesPath ? join((process as { resourcesPath?: string }).resourcesPath!, 'fonts') : undefined,
  ].filter((c): c is string => typeof c === 'string' && c.length > 0);
  for (const dir of candidates) {
    if (existsSync(join(dir, FACES[0].file))) return (fontsDir = dir);
  }
  throw new Error(`The PDF fonts were not found (looked in ${candidates.join(', ')}). Reinstall the app, or point OGMA_FONTS_DIR at a folder holding ${FACES[0].file}.`);
}

/** Reads a face once per process; later documents reuse the bytes and the character map. */
export function loadFace(key: FaceKey): FontFile {
  const have = loaded.get(key);
  if (have) return have;
  const face = FACES.find((f) => f.key === key)!;
  const bytes = readFileSync(join(findFontsDir(), face.file));
  const file: FontFile = { key, binary: bytes.toString('latin1'), cmap: readCharMap(bytes) };
  loaded.set(key, file);
  return file;
}

/**
 * The faces a set of code points needs, beyond the Latin ones that are always loaded: a
 * face is loaded (and its parse paid for) only when an earlier face in the chain lacks a
 * character it has. The CJK face is 10 MB; most exports never touch it.
 */
export function facesNeeded(codePoints: Iterable<number>): Set<FaceKey> {
  const need = new Set<FaceKey>(['sans', 'sansBold']);
  const optional = REGULAR_CHAIN.filter((k) => k !== 'sans');
  const sans = loadFace('sans').cmap;
  for (const cp of codePoints) {
    if (cp < 0x80 || sans.has(cp) || isIgnorable(cp)) continue;
    for (const k of optional) {
      if (loadFaceCmapOnly(k).has(cp)) {
        need.add(k);
        break;
      }
    }
  }
  return need;
}

function loadFaceCmapOnly(key: FaceKey): CharMap {
  return loadFace(key).cmap;
}

/** Characters that have no glyph of their own: joiners, variation selectors, bidi controls. */
export function isIgnorable(cp: number): boolean {
  return (
    cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfeff ||
    (cp >= 0x200e && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef) || cp === 0x00ad ||
    // Skin-tone modifiers: a monochrome face cannot show the tone, and alone they draw a swatch.
    (cp >= 0x1f3fb && cp <= 0x1f3ff)
  );
}
