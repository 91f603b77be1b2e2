#!/usr/bin/env node
// `npm test`: typecheck, build, unit + integration tests (vitest), end-to-end tests (Playwright in
// Debian Chromium through the browser host). Ends with one plain line "tests: N passed, M failed"
// so CI can read the outcome whatever runner produced it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, 'test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const only = process.argv.slice(2); // e.g. `npm test -- unit` or `npm test -- e2e`
const wants = (stage) => only.length === 0 || only.includes(stage);

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function run(title, cmd, args, env = {}) {
  process.stderr.write(`\n== ${title}: ${cmd} ${args.join(' ')}\n`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  process.stderr.write(`== ${title}: exit ${r.status ?? r.signal} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return r.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

if (wants('typecheck')) {
  if (run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])) passed += 1;
  else {
    failed += 1;
    failures.push('typecheck');
  }
}

if (wants('e2e') && !run('build', 'node', ['scripts/build.mjs'])) {
  failed += 1;
  failures.push('build');
}

if (wants('unit')) {
  const out = join(reports, 'vitest.json');
  run('unit + integration (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  const j = readJson(out);
  if (!j) {
    failed += 1;
    failures.push('vitest produced no report');
  } else {
    passed += j.numPassedTests;
    failed += j.numFailedTests + (j.numFailedTestSuites ?? 0) - countSuitesWithFailedTests(j);
    skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
    for (const s of j.testResults ?? []) {
      for (const t of s.assertionResults ?? []) if (t.status === 'failed') failures.push(`${s.name}: ${t.fullName}`);
      if (s.status === 'failed' && !(s.assertionResults ?? []).some((t) => t.status === 'failed')) failures.push(`${s.name}: ${s.message ?? 'suite failed to run'}`);
    }
  }
}

function countSuitesWithFailedTests(j) {
  return (j.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).some((t) => t.status === 'failed')).length;
}

if (wants('e2e')) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    process.stderr.write(`\nChromium not found at ${chromium}. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH).\n`);
    failed += 1;
    failures.push('e2e: chromium missing');
  } else {
    const out = join(reports, 'playwright.json');
    run('end-to-end (Playwright, Chromium)', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
    const j = readJson(out);
    if (!j) {
      failed += 1;
      failures.push('playwright produced no report');
    } else {
      passed += j.stats?.expected ?? 0;
      failed += (j.stats?.unexpected ?? 0) + (j.stats?.flaky ?? 0);
      skipped += j.stats?.skipped ?? 0;
      if ((j.errors ?? []).length) {
        failed += 1;
        failures.push(`playwright: ${j.errors[0].message?.split('\n')[0]}`);
      }
      const walk = (suite) => {
        for (const spec of suite.specs ?? []) for (const t of spec.tests ?? []) if (t.status === 'unexpected' || t.status === 'flaky') failures.push(`e2e ${spec.file}: ${spec.title}`);
        for (const s of suite.suites ?? []) walk(s);
      };
      for (const s of j.suites ?? []) walk(s);
    }
  }
}

if (failures.length) process.stderr.write(`\nFailed:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(failed === 0 ? 0 : 1);
