/**
 * Tuning aid: scores the engine on a split and lists what it missed, what it flagged
 * wrongly and which negatives it hit. Tune on the tune split only.
 *
 *   npx tsx bench/pii/evaluate.ts            # tune split
 *   npx tsx bench/pii/evaluate.ts test       # the test split, for the final figures only
 */
import { detectPii } from '../../electron/core/pii/index';
import { readSplit } from './corpus/read';
import { scoreCorpus } from './score';

const split = process.argv[2] === 'test' ? 'test' : 'tune';
const score = scoreCorpus(readSplit(split), (t) => detectPii(t));
const show = (label: string, list: { line: string; kind: string; variant?: string; text: string }[]) => {
  console.log(`\n${label}: ${list.length}`);
  for (const m of list.slice(0, 60)) console.log(`  ${m.line} ${m.kind}${m.variant ? `/${m.variant}` : ''}: ${JSON.stringify(m.text.length > 120 ? m.text.slice(0, 120) + '…' : m.text)}`);
};
console.log(`split ${split}`);
for (const [k, s] of Object.entries(score.perKind)) console.log(`${k.padEnd(12)} gold ${String(s.gold).padStart(5)}  P ${s.precision.toFixed(4)}  R ${s.recall.toFixed(4)}  F2 ${s.f2.toFixed(4)}`);
console.log(`overall      P ${score.overall.precision.toFixed(4)}  R ${score.overall.recall.toFixed(4)}  F2 ${score.overall.f2.toFixed(4)}  exact ${score.exactBoundaries.toFixed(4)}  negative hits ${score.negativeHits}/${score.negatives}`);
show('missed', score.misses);
show('false positives', score.falsePositives);
show('negatives hit', score.negativeHitList);
