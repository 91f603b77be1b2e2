/**
 * Builds the PII evaluation corpus: tests/fixtures/pii/{tune,test}.jsonl, committed as
 * data. Deterministic: the same script gives byte-identical files (seeded sfc32 from the
 * simulator, one generator per line keyed by split, template and line number).
 *
 *   npx tsx bench/pii/corpus/generate.ts          # rewrites the two files and prints counts
 *
 * Each line: {id, template, lang, genre, text, spans: [{start, end, kind, variant}],
 * negatives: [{start, end, kind}]}. Offsets are UTF-16 code units into `text`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Rng } from '../../../electron/core/sim/random/prng';
import { PEOPLE, type Lang } from '../../../electron/core/sim/data/names';
import type { PiiKind } from '../../../electron/core/pii/kinds';
import { negative, NEGATIVE_KINDS, type NegativeKind } from './negatives';
import type { Template } from './template';
import { TEST_TEMPLATES } from './templates-test';
import { TUNE_TEMPLATES } from './templates-tune';
import * as values from './values';
import { HELD_OUT_SLOTS } from './values-held-out';

export type Split = 'tune' | 'test';

export interface CorpusSpan {
  start: number;
  end: number;
  kind: PiiKind;
  variant: string;
}
export interface CorpusNegative {
  start: number;
  end: number;
  kind: NegativeKind;
}
export interface CorpusLine {
  id: string;
  template: string;
  lang: string;
  genre: string;
  text: string;
  spans: CorpusSpan[];
  negatives: CorpusNegative[];
}

export const FIXTURE_DIR = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'pii');
export const LINES_PER_TEMPLATE = 30;
const SEED = 'ogma-pii-corpus-v1';

const POSITIVE_SLOTS: Record<string, (r: Rng) => values.Value> = {
  email: values.email,
  phone: values.phone,
  phone_ctx: values.phoneWithContext,
  ssn: values.ssn,
  ssn_ctx: values.ssnBare,
  card: values.card,
  api_key: values.apiKey,
  anthropic: values.anthropicKey,
  openai: values.openaiKey,
  aws_id: values.awsAccessKeyId,
  aws_secret: values.awsSecretKey,
  github: values.githubToken,
  slack: values.slackToken,
  stripe: values.stripeKey,
  secret: values.secret,
  jwt: values.jwt,
  webhook: values.slackWebhook,
  private_key: values.privateKey,
  ipv4: values.ipv4,
  ipv6: values.ipv6,
  ip: values.ip,
  pii: values.anyPii,
};

const EXTRA_NAMES: Record<string, readonly string[]> = {
  ko: ['김민준', '이서연', '박지훈'],
  hi: ['राहुल शर्मा', 'प्रिया पटेल', 'अमित कुमार'],
  th: ['สมชาย ใจดี', 'สุดา แก้วมณี'],
  pt: ['João Silva', 'Ana Souza', 'Luís Pereira'],
  it: ['Giulia Rossi', 'Marco Bianchi', 'Chiara Esposito'],
};
const COMPANIES = ['Acme Corp', 'Globex GmbH', 'Initech SARL', 'Umbrella KK', 'Hooli Ltd'];

function personName(r: Rng, lang: string): string {
  const extra = EXTRA_NAMES[lang];
  if (extra) return r.pick(extra);
  const people = PEOPLE[lang as Lang] ?? PEOPLE.en;
  return r.pick(people)[0];
}

const SLOT = /\{(\w+)(?::(\w+))?\}/g;

export function fillTemplate(t: Template, r: Rng, id: string, slots: Record<string, (r: Rng) => values.Value> = POSITIVE_SLOTS): CorpusLine {
  const spans: CorpusSpan[] = [];
  const negatives: CorpusNegative[] = [];
  let text = '';
  let last = 0;
  for (const m of t.text.matchAll(SLOT)) {
    text += t.text.slice(last, m.index);
    last = m.index + m[0].length;
    const [, slot, arg] = m as unknown as [string, string, string | undefined];
    const start = text.length;
    if (slot === 'neg') {
      if (arg !== undefined && !(NEGATIVE_KINDS as readonly string[]).includes(arg)) throw new Error(`${t.id}: unknown negative kind ${arg}`);
      const n = negative(r, arg as NegativeKind | undefined);
      text += n.text;
      negatives.push({ start, end: text.length, kind: n.kind });
    } else if (slot === 'name') {
      text += personName(r, t.lang);
    } else if (slot === 'company') {
      text += r.pick(COMPANIES);
    } else if (slot === 'n') {
      text += String(r.range(1, 99));
    } else {
      const make = slots[slot];
      if (!make) throw new Error(`${t.id}: unknown slot {${slot}}`);
      const v = make(r);
      text += v.text;
      spans.push({ start, end: text.length, kind: v.kind, variant: v.variant });
    }
  }
  text += t.text.slice(last);
  return { id, template: t.id, lang: t.lang, genre: t.genre, text, spans, negatives };
}

export function templatesOf(split: Split): readonly Template[] {
  return split === 'tune' ? TUNE_TEMPLATES : TEST_TEMPLATES;
}

export function generateSplit(split: Split): CorpusLine[] {
  const lines: CorpusLine[] = [];
  const slots = split === 'test' ? { ...POSITIVE_SLOTS, ...HELD_OUT_SLOTS } : POSITIVE_SLOTS;
  for (const t of templatesOf(split)) {
    for (let i = 0; i < LINES_PER_TEMPLATE; i++) {
      lines.push(fillTemplate(t, new Rng(`${SEED}|${split}|${t.id}|${i}`), `${split}-${String(lines.length + 1).padStart(5, '0')}`, slots));
    }
  }
  return lines;
}

export function toJsonl(lines: readonly CorpusLine[]): string {
  return lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const it of items) out[key(it)] = (out[key(it)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort());
}

function main(): void {
  mkdirSync(FIXTURE_DIR, { recursive: true });
  for (const split of ['tune', 'test'] as const) {
    const lines = generateSplit(split);
    const file = join(FIXTURE_DIR, `${split}.jsonl`);
    mkdirSync(dirname(file), { recursive: true });
    const body = toJsonl(lines);
    writeFileSync(file, body);
    const spans = lines.flatMap((l) => l.spans);
    const negs = lines.flatMap((l) => l.negatives);
    console.log(
      JSON.stringify({ split, file, bytes: body.length, lines: lines.length, templates: templatesOf(split).length, spans: spans.length, spansByKind: countBy(spans, (s) => s.kind), negatives: negs.length, negativesByKind: countBy(negs, (n) => n.kind) }, null, 1),
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
