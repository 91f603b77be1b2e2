import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_DIR, type CorpusLine, type Split } from './generate';

/** The committed corpus split, as the bench and the quality gate read it. */
export function readSplit(split: Split): CorpusLine[] {
  return readFileSync(join(FIXTURE_DIR, `${split}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as CorpusLine);
}
