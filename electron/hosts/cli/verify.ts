import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { VerifyReport } from '../../../shared/api/export-schemas';
import { describeWhere } from '../../core/verify';
import { verifyExportFile } from '../../services/verify';
import { parseFlags, UsageError } from './args';
import { EXIT, type CliCommand, type ExitCode } from './types';

/**
 * `ogma verify FILE [--json]`: verifies an export someone sent (JSON bundle, Bates PDF or
 * production ZIP) with nothing but the file. No workspace, no passphrase.
 */
export const command: CliCommand = {
  name: 'verify',
  summary: 'Verify an export file (JSON bundle, PDF or production ZIP) offline',
  usage: [
    'Usage: ogma verify FILE [--json]',
    '',
    'Checks every message against its recorded commitment, every record against the',
    'signed checkpoint (inclusion proofs), the checkpoint signatures and consistency, the',
    "export's own signature, and the Bates map and files manifest where present.",
    '',
    '  --json  print the report as one JSON document on stdout',
    '',
    'The report lists the signing key fingerprint(s): compare them with the producing party',
    'through a separate channel (phone, letter); a bundle re-signed with another key shows',
    'a different fingerprint.',
    '',
    'Exit status: 0 verified, 1 not verified (every failure is listed with where it is),',
    '2 unreadable (not an export, damaged beyond reading, or the file cannot be read).',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { options: { json: { type: 'boolean' } }, allowPositionals: true });
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'name the export file to verify (FILE)' : `expected one file, got ${positionals.length}`);
    const file = positionals[0]!;
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      if (values.json) io.out(JSON.stringify({ verdict: 'unreadable', format: 'unknown', summary: `Cannot read ${file}: ${why}.`, fingerprints: [], counts: { messages: 0, verified: 0, verifiedTextMasked: 0, failed: 0 }, checks: [], failures: [{ code: 'unreadable', message: `Cannot read ${file}: ${why}.`, where: { file } }] }));
      else io.err(`UNREADABLE: cannot read ${file} (${why}).`);
      return EXIT.USAGE;
    }
    const report = await verifyExportFile({ path: file });
    if (values.json) io.out(JSON.stringify(report));
    else io.out(humanReport(basename(file), report));
    return exitFor(report);
  },
};

export function exitFor(r: VerifyReport): ExitCode {
  return r.verdict === 'verified' ? EXIT.OK : r.verdict === 'not_verified' ? EXIT.CHECK_FAILED : EXIT.USAGE;
}

const FORMAT_NAMES: Record<VerifyReport['format'], string> = { json: 'JSON bundle', pdf: 'Bates PDF', production: 'production volume', unknown: 'unknown format' };

export function humanReport(name: string, r: VerifyReport): string {
  const verdict = r.verdict === 'verified' ? 'VERIFIED' : r.verdict === 'not_verified' ? 'NOT VERIFIED' : 'UNREADABLE';
  const lines = [`${verdict}: ${name} (${FORMAT_NAMES[r.format]})`, `  ${r.summary}`];
  if (r.verdict !== 'unreadable') {
    const c = r.counts;
    lines.push(`  messages: ${c.messages}; text verified ${c.verified}; record verified, text masked ${c.verifiedTextMasked}; failed ${c.failed}`);
  }
  if (r.fingerprints.length > 0) {
    lines.push('  signing keys (compare these fingerprints with the producing party out of band):');
    for (const f of r.fingerprints) lines.push(`    ${f.tenantId}  ${f.fingerprint}`);
  }
  if (r.checks.length > 0) {
    lines.push('  checks:');
    for (const k of r.checks) lines.push(`    ${k.ok ? 'ok  ' : 'FAIL'}  ${k.name}${k.detail ? `: ${k.detail}` : ''}`);
  }
  if (r.failures.length > 0 && r.verdict !== 'unreadable') {
    lines.push('  failures:');
    for (const f of r.failures) lines.push(`    ${f.code}${describeWhere(f.where)}: ${f.message}`);
  }
  return lines.join('\n');
}
