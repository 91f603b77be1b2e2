/**
 * Scores a detector against the labelled corpus. Shared by the quality-gate test and the
 * bench, so both report the same numbers.
 *
 * - A labelled span is found when predictions of its kind cover every letter and digit of
 *   it (punctuation such as a leading '+' or brackets may be left out): nothing of the
 *   value leaks. `maskedAny` relaxes the kind: covered by predictions of any label.
 * - A prediction is a true positive when it overlaps a labelled span of its kind.
 * - A negative is hit when any prediction with a kind overlaps it.
 */
import { PII_KINDS, type PiiKind } from '../../electron/core/pii/kinds';
import type { CorpusLine } from './corpus/generate';

export interface Prediction {
  start: number;
  end: number;
  /** null: a label with no counterpart among our kinds (redact-pii's DIGITS, URL, ...). */
  kind: PiiKind | null;
}

export interface KindScore {
  gold: number;
  found: number;
  predicted: number;
  truePositives: number;
  precision: number;
  recall: number;
  f2: number;
}

export interface Miss {
  line: string;
  kind: string;
  variant?: string;
  text: string;
}

export interface Score {
  perKind: Record<PiiKind, KindScore>;
  overall: KindScore;
  /** Labelled spans covered by predictions of any label. */
  maskedAny: number;
  /** Same kind and the exact same offsets. */
  exactBoundaries: number;
  negatives: number;
  negativeHits: number;
  misses: Miss[];
  falsePositives: Miss[];
  negativeHitList: Miss[];
}

export function f2(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (5 * precision * recall) / (4 * precision + recall);
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122) || c > 127;
}

function covered(text: string, start: number, end: number, preds: readonly Prediction[]): boolean {
  for (let i = start; i < end; i++) {
    if (!isAlnum(text.charCodeAt(i))) continue;
    if (!preds.some((p) => p.start <= i && i < p.end)) return false;
  }
  return true;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function kindScore(gold: number, found: number, predicted: number, tp: number): KindScore {
  const precision = predicted === 0 ? (gold === 0 ? 1 : 0) : tp / predicted;
  const recall = gold === 0 ? 1 : found / gold;
  return { gold, found, predicted, truePositives: tp, precision, recall, f2: f2(precision, recall) };
}

export function scoreCorpus(lines: readonly CorpusLine[], predict: (text: string) => Prediction[]): Score {
  const g: Record<string, number> = {};
  const f: Record<string, number> = {};
  const p: Record<string, number> = {};
  const tp: Record<string, number> = {};
  let maskedAny = 0;
  let exact = 0;
  let negatives = 0;
  let negativeHits = 0;
  const misses: Miss[] = [];
  const falsePositives: Miss[] = [];
  const negativeHitList: Miss[] = [];
  for (const line of lines) {
    const preds = predict(line.text);
    for (const s of line.spans) {
      g[s.kind] = (g[s.kind] ?? 0) + 1;
      const same = preds.filter((x) => x.kind === s.kind && overlaps(x, s));
      if (covered(line.text, s.start, s.end, same)) f[s.kind] = (f[s.kind] ?? 0) + 1;
      else misses.push({ line: line.id, kind: s.kind, variant: s.variant, text: line.text.slice(s.start, s.end) });
      if (covered(line.text, s.start, s.end, preds.filter((x) => overlaps(x, s)))) maskedAny++;
      if (same.some((x) => x.start === s.start && x.end === s.end)) exact++;
    }
    for (const x of preds) {
      if (x.kind === null) continue;
      p[x.kind] = (p[x.kind] ?? 0) + 1;
      if (line.spans.some((s) => s.kind === x.kind && overlaps(x, s))) tp[x.kind] = (tp[x.kind] ?? 0) + 1;
      else falsePositives.push({ line: line.id, kind: x.kind, text: line.text.slice(x.start, x.end) });
    }
    for (const n of line.negatives) {
      negatives++;
      const hit = preds.find((x) => x.kind !== null && overlaps(x, n));
      if (hit) {
        negativeHits++;
        negativeHitList.push({ line: line.id, kind: `${n.kind} as ${hit.kind}`, text: line.text.slice(n.start, n.end) });
      }
    }
  }
  const perKind = Object.fromEntries(PII_KINDS.map((k) => [k, kindScore(g[k] ?? 0, f[k] ?? 0, p[k] ?? 0, tp[k] ?? 0)])) as Record<PiiKind, KindScore>;
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  const goldTotal = sum(g);
  return {
    perKind,
    overall: kindScore(goldTotal, sum(f), sum(p), sum(tp)),
    maskedAny: goldTotal === 0 ? 1 : maskedAny / goldTotal,
    exactBoundaries: goldTotal === 0 ? 1 : exact / goldTotal,
    negatives,
    negativeHits,
    misses,
    falsePositives,
    negativeHitList,
  };
}
