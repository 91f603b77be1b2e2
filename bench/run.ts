/**
 * `npm run bench`: runs every benchmark listed below (or those named on the command line, e.g.
 * `npm run bench -- pii chain`) one after another in this process, prints each one's figures,
 * and writes them all to bench/results/latest.json. Each bench measures its own bare baseline
 * in the same process and reports ratios, because these machines are shared and noisy:
 * absolute seconds are printed for information, never asserted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type BenchResult = Record<string, number | string>;

const dir = new URL('.', import.meta.url).pathname;
const wanted = process.argv.slice(2);
// Listed by hand (not discovered) so every import is a literal the wall test can check.
const BENCHES: Record<string, () => Promise<{ run?: () => Promise<BenchResult> }>> = {
  capture: () => import('./capture.bench'),
  'chain-verify': () => import('./chain-verify.bench'),
  'export-json': () => import('./export-json.bench'),
  'export-pdf': () => import('./export-pdf.bench'),
  pii: () => import('./pii.bench'),
  'vault-append': () => import('./vault-append.bench'),
  verify: () => import('./verify.bench'),
  'review-scroll': () => import('./review-scroll.bench'),
};

const names = Object.keys(BENCHES).filter((n) => wanted.length === 0 || wanted.some((w) => n.includes(w)));
if (names.length === 0) {
  process.stderr.write(`No benchmark matches ${wanted.join(', ')}. Available: ${Object.keys(BENCHES).join(', ')}\n`);
  process.exit(2);
}

const all: Record<string, BenchResult | { error: string }> = {};
for (const name of names) {
  process.stderr.write(`\n== ${name}\n`);
  try {
    const mod = await BENCHES[name]!();
    if (typeof mod.run !== 'function') throw new Error(`bench/${name}.bench.ts does not export run()`);
    const result = await mod.run();
    all[name] = result;
    const width = Math.max(...Object.keys(result).map((k) => k.length));
    for (const [k, v] of Object.entries(result)) process.stdout.write(`${name}  ${k.padEnd(width)}  ${typeof v === 'number' ? formatNumber(v) : v}\n`);
  } catch (e) {
    all[name] = { error: e instanceof Error ? e.message : String(e) };
    process.stdout.write(`${name}  FAILED: ${all[name].error}\n`);
  }
}

function formatNumber(v: number): string {
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(4);
}

mkdirSync(join(dir, 'results'), { recursive: true });
writeFileSync(join(dir, 'results', 'latest.json'), JSON.stringify({ at: new Date().toISOString(), node: process.version, results: all }, null, 2));
process.stderr.write(`\nwritten: bench/results/latest.json\n`);
