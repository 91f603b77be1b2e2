import type { VerifyReport } from '../../core/vault';
import { WorkspaceService } from '../../services/workspace';
import { parseFlags } from './args';
import { oneDir, scryptFromEnv, secretFrom } from './init';
import { EXIT, type CliCommand } from './types';

/**
 * `ogma verify-chain DIR [--json]`: verifies every log of a workspace (records, links,
 * Merkle roots, signed checkpoints, the signed heads file) and what they attest (blobs,
 * commitments, deletions). Exit 0 intact, 1 tampered, 2 unreadable or not unlocked.
 * Damage found while opening (a TAMPERED error) is turned into exit 1 and, with --json,
 * an {ok:false, error} document by the CLI entry, like every verb's errors.
 */
export const command: CliCommand = {
  name: 'verify-chain',
  summary: 'Verify a workspace: every log, checkpoint, content file and deletion',
  usage: [
    'Usage: ogma verify-chain DIR [--json] [--incremental] [--tenant ID]',
    '',
    '  --json         print one JSON document on stdout (progress stays on stderr)',
    '  --incremental  continue from the last successful verification instead of record 0',
    '  --tenant ID    verify one tenant\'s log only',
    '',
    'Unlocks as $OGMA_MEMBER (default: whichever member the passphrase opens) with',
    '$OGMA_PASSPHRASE or a prompt. Any member, viewer or admin, may verify.',
    '',
    'Exit status: 0 intact, 1 tampered (the first bad record is named), 2 unreadable.',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      options: { json: { type: 'boolean' }, incremental: { type: 'boolean' }, tenant: { type: 'string' } },
      allowPositionals: true,
    });
    const dir = oneDir(positionals);
    const json = values.json === true;
    const service = new WorkspaceService({ scrypt: scryptFromEnv(io.env) });
    try {
      const passphrase = await secretFrom(io, 'OGMA_PASSPHRASE', 'Passphrase: ');
      await service.openWorkspace(dir, passphrase, io.env.OGMA_MEMBER || undefined);
      let last = 0;
      const report = service.verifyChain({
        mode: values.incremental ? 'incremental' : 'full',
        ...(values.tenant ? { tenantId: values.tenant } : {}),
        onProgress: (p) => {
          const now = Date.now();
          if (now - last > 500) {
            last = now;
            io.err(`verifying ${p.tenantId}: ${p.done} ${p.phase === 'records' ? 'records' : 'messages'}`);
          }
        },
      });
      const ws = service.summary();
      if (json) io.out(JSON.stringify({ workspaceId: ws.workspaceId, ...report }));
      else io.out(humanReport(report));
      return report.ok ? EXIT.OK : EXIT.CHECK_FAILED;
    } finally {
      service.closeWorkspace();
    }
  },
};

function humanReport(r: VerifyReport): string {
  const lines: string[] = [];
  for (const t of r.tenants) {
    if (t.ok) {
      lines.push(`ok      ${t.tenantId}: ${t.size} records, ${t.checkpointsVerified} checkpoints, ${t.messagesChecked} messages checked`);
    } else {
      const p = t.problem!;
      lines.push(`TAMPERED ${t.tenantId}: record #${p.seq}: ${p.message}`);
      lines.push(`         affects: ${p.affects}`);
      if (p.path) lines.push(`         file: ${p.path}`);
    }
  }
  for (const w of r.workspace) lines.push(`TAMPERED ${w.path}: ${w.message}`);
  lines.push(r.ok ? 'Workspace intact.' : 'Workspace TAMPERED: see above for the first bad record of each log.');
  return lines.join('\n');
}
