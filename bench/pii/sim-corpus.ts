/**
 * A second, independent check: chat text from the vendor simulator
 * (electron/core/sim/data), written by another engineer for the simulator's own ground
 * truth, never used to tune the engine. Its marks name values, not offsets; each value
 * is located in its text in order. Its kinds map onto ours.
 */
import { Rng } from '../../electron/core/sim/random/prng';
import { LANGS } from '../../electron/core/sim/data/names';
import { assistantText, documentText, userText, type GeneratedText } from '../../electron/core/sim/data/text';
import type { PiiKind as SimKind } from '../../electron/core/sim/data/pii';
import type { PiiKind } from '../../electron/core/pii/kinds';
import type { CorpusLine } from './corpus/generate';
import type { NegativeKind } from './corpus/negatives';

const KIND: Record<SimKind, PiiKind> = {
  email: 'email',
  phone_intl: 'phone',
  phone_national: 'phone',
  ssn: 'ssn',
  card: 'card',
  anthropic_key: 'api_key',
  openai_key: 'api_key',
  aws_access_key: 'api_key',
  aws_secret_key: 'secret',
  github_token: 'api_key',
  slack_token: 'api_key',
  stripe_key: 'api_key',
  jwt: 'secret',
  ipv4: 'ipv4',
  ipv6: 'ipv6',
};

function toLine(id: string, g: GeneratedText): CorpusLine {
  const spans: CorpusLine['spans'] = [];
  const negatives: CorpusLine['negatives'] = [];
  // Marks come in text order per template part; search forward, restarting for each part's marks if needed.
  let from = 0;
  for (const m of g.pii) {
    let at = g.text.indexOf(m.value, from);
    if (at < 0) at = g.text.indexOf(m.value);
    if (at < 0) continue;
    spans.push({ start: at, end: at + m.value.length, kind: KIND[m.kind], variant: `sim:${m.kind}` });
    from = at + m.value.length;
  }
  for (const n of g.negatives) {
    const at = g.text.indexOf(n.value);
    if (at >= 0) negatives.push({ start: at, end: at + n.value.length, kind: n.kind as unknown as NegativeKind });
  }
  return { id, template: 'sim', lang: '', genre: 'chat', text: g.text, spans, negatives };
}

/** `count` simulator messages (user turns, assistant turns, documents), deterministic. */
export function simulatorLines(count: number): CorpusLine[] {
  const lines: CorpusLine[] = [];
  for (let i = 0; i < count; i++) {
    const r = new Rng(`ogma-pii-bench-sim|${i}`);
    const lang = LANGS[i % LANGS.length]!;
    const g = i % 3 === 0 ? userText(r, lang) : i % 3 === 1 ? assistantText(r, lang) : documentText(r, lang, 3);
    lines.push(toLine(`sim-${i}`, g));
  }
  return lines;
}
