import type { Rng } from '../random/prng';
import { CORPUS, EMOJI } from './corpus';
import { NEGATIVE_KINDS, PII_KINDS, makeNegative, makePii, ticket, type NegativeKind, type PiiKind } from './pii';
import { PEOPLE, type Lang } from './names';

/** A span of generated text that the ground truth reports (for PII-masking tests). */
export interface TextMark<K extends string = string> {
  kind: K;
  value: string;
}

export interface GeneratedText {
  text: string;
  pii: TextMark<PiiKind>[];
  negatives: TextMark<NegativeKind>[];
}

const PII_SET = new Set<string>(PII_KINDS);
const NEG_SET = new Set<string>(NEGATIVE_KINDS);

/** Fills `{slot}`s in a template. Unknown slots are left as written. */
export function renderTemplate(template: string, r: Rng, lang: Lang): GeneratedText {
  const pii: TextMark<PiiKind>[] = [];
  const negatives: TextMark<NegativeKind>[] = [];
  const text = template.replace(/\{([a-z0-9_]+)\}/g, (whole, slot: string) => {
    if (PII_SET.has(slot)) {
      const value = makePii(slot as PiiKind, r);
      pii.push({ kind: slot as PiiKind, value });
      return value;
    }
    if (NEG_SET.has(slot)) {
      const value = makeNegative(slot as NegativeKind, r);
      negatives.push({ kind: slot as NegativeKind, value });
      return value;
    }
    if (slot === 'name') return r.pick(PEOPLE[r.chance(0.7) ? lang : 'en'])[0];
    if (slot === 'emoji') return r.pick(EMOJI);
    if (slot === 'ticket') return ticket(r);
    return whole;
  });
  return { text, pii, negatives };
}

function joinTexts(parts: GeneratedText[], sep: string): GeneratedText {
  return {
    text: parts.map((p) => p.text).join(sep),
    pii: parts.flatMap((p) => p.pii),
    negatives: parts.flatMap((p) => p.negatives),
  };
}

export function userText(r: Rng, lang: Lang): GeneratedText {
  const parts = [renderTemplate(r.pick(CORPUS[lang].user), r, lang)];
  if (r.chance(0.15)) parts.push(renderTemplate(r.pick(CORPUS[lang === 'en' ? 'de' : 'en'].user), r, lang));
  return joinTexts(parts, '\n\n');
}

export function assistantText(r: Rng, lang: Lang): GeneratedText {
  const n = r.range(1, 3);
  const parts: GeneratedText[] = [];
  for (let i = 0; i < n; i++) parts.push(renderTemplate(r.pick(CORPUS[lang].assistant), r, lang));
  return joinTexts(parts, '\n\n');
}

export function fileNote(r: Rng, lang: Lang): GeneratedText {
  return renderTemplate(r.pick(CORPUS[lang].fileNotes), r, lang);
}

export function chatTitle(r: Rng, lang: Lang): string {
  return r.pick(CORPUS[lang].titles);
}

/** Plain text for file bodies and tool output: several rendered lines. */
export function documentText(r: Rng, lang: Lang, lines: number): GeneratedText {
  const parts: GeneratedText[] = [];
  for (let i = 0; i < lines; i++) parts.push(renderTemplate(r.pick(r.chance(0.5) ? CORPUS[lang].user : CORPUS[lang].assistant), r, lang));
  return joinTexts(parts, '\n');
}
