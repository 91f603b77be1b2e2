import { ExportRequest, type ExportResult } from '../../../shared/api/export-schemas';
import { ExportService, type ExportProgress } from '../../services/export';
import { WorkspaceService } from '../../services/workspace';
import { parseFlags, UsageError } from './args';
import { oneDir, scryptFromEnv, secretFrom } from './init';
import { EXIT, type CliCommand } from './types';

/**
 * `ogma export DIR --format json|pdf|production --out PATH [scope flags]`: one export
 * through the same service as the app, progress on stderr, Ctrl+C cancels (nothing is
 * written, nothing recorded).
 */
export const command: CliCommand = {
  name: 'export',
  summary: 'Export chats as a signed JSON bundle, Bates PDF or production ZIP that verifies offline',
  usage: [
    'Usage: ogma export DIR --format json|pdf|production --out PATH [--chat ID]... [--user ID]',
    '         [--org ID] [--tenant ID] [--from DATE] [--to DATE] [--query TEXT] [--selection NAME]',
    '         [--bates-prefix P] [--bates-start N] [--bates-digits N] [--reveal-pii --reason TEXT] [--json]',
    '',
    '  --format F        json (the signed bundle), pdf (Bates-numbered, bundle attached) or production (ZIP)',
    '  --out PATH        the file to write; it must not exist (exports never overwrite)',
    '  --chat ID         export this chat (repeat for more); with --selection NAME the chats form a saved selection',
    '  --user ID         only chats of this custodian (vendor user id)',
    '  --org ID          only this organisation; --tenant ID only this connected tenant',
    '  --from/--to DATE  only messages created in this range (YYYY-MM-DD = whole UTC day, or RFC 3339)',
    '  --query TEXT      only chats with a message matching TEXT (full-text search)',
    '  --bates-prefix P  Bates prefix for pdf/production: ASCII, ending in a non-digit (default OGMA-)',
    '  --bates-start N   first Bates number (default 1); --bates-digits N zero padding (default 8)',
    '  --reveal-pii      admin only: export unmasked text; needs --reason, which is recorded',
    '  --json            print the result as one JSON document on stdout',
    '',
    'PII is masked by default. Unlocks as $OGMA_MEMBER with $OGMA_PASSPHRASE or a prompt.',
    'Every export is recorded (export_created) with its scope, format, Bates range and hash.',
    'Exit status: 0 written, 1 nothing in scope or the workspace failed a check (TAMPERED),',
    '2 usage error, refused (a viewer asking for --reveal-pii), or the workspace cannot be opened.',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        chat: { type: 'string', multiple: true },
        user: { type: 'string' },
        org: { type: 'string' },
        tenant: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        query: { type: 'string' },
        selection: { type: 'string' },
        'bates-prefix': { type: 'string' },
        'bates-start': { type: 'string' },
        'bates-digits': { type: 'string' },
        'reveal-pii': { type: 'boolean' },
        reason: { type: 'string' },
        json: { type: 'boolean' },
      },
      allowPositionals: true,
    });
    const dir = oneDir(positionals);
    if (!values.format) throw new UsageError('say which format: --format json, pdf or production');
    if (!values.out) throw new UsageError('say where to write the export: --out PATH');
    if (values['reveal-pii'] && !values.reason) throw new UsageError('--reveal-pii needs --reason TEXT (the reason is recorded)');
    if (values.reason && !values['reveal-pii']) throw new UsageError('--reason is only used with --reveal-pii');
    if (values.selection && !values.chat) throw new UsageError('--selection NAME names the chats given with --chat');
    const chats = (values.chat ?? []).map((chatId) => ({ chatId }));
    const batesGiven = values['bates-prefix'] !== undefined || values['bates-start'] !== undefined || values['bates-digits'] !== undefined;
    const raw = {
      format: values.format,
      outPath: values.out,
      scope: {
        ...(chats.length && !values.selection ? { chats } : {}),
        ...(values.selection ? { selection: { name: values.selection, chats } } : {}),
        ...(values.user ? { userId: values.user } : {}),
        ...(values.org ? { orgId: values.org } : {}),
        ...(values.tenant ? { tenantId: values.tenant } : {}),
        ...(values.from ? { from: values.from } : {}),
        ...(values.to ? { to: values.to } : {}),
        ...(values.query ? { query: values.query } : {}),
      },
      ...(batesGiven
        ? {
            bates: {
              prefix: values['bates-prefix'] ?? 'OGMA-',
              ...(values['bates-start'] !== undefined ? { start: integerFlag(values['bates-start'], '--bates-start') } : {}),
              ...(values['bates-digits'] !== undefined ? { digits: integerFlag(values['bates-digits'], '--bates-digits') } : {}),
            },
          }
        : {}),
      ...(values['reveal-pii'] ? { revealPii: { reason: values.reason } } : {}),
    };
    const parsed = ExportRequest.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new UsageError(`${flagOf(issue.path.map(String))}: ${issue.message}`);
    }

    const workspace = new WorkspaceService({ scrypt: scryptFromEnv(io.env) });
    const controller = new AbortController();
    const onSigint = () => {
      io.err('cancelling: nothing will be written or recorded...');
      controller.abort();
    };
    process.once('SIGINT', onSigint);
    try {
      const passphrase = await secretFrom(io, 'OGMA_PASSPHRASE', 'Passphrase: ');
      await workspace.openWorkspace(dir, passphrase, io.env.OGMA_MEMBER || undefined);
      const service = new ExportService({ workspace });
      let lastAt = 0;
      let lastPhase = '';
      const show = (p: ExportProgress) => {
        const now = Date.now();
        if (p.phase === lastPhase && now - lastAt < (io.isTTY ? 250 : 1000)) return;
        lastAt = now;
        lastPhase = p.phase;
        io.err(`export: ${p.phase}${p.total ? ` ${p.done}/${p.total}` : ''}`);
      };
      const result = await service.create(parsed.data, { onProgress: show, signal: controller.signal });
      if (values.json) io.out(JSON.stringify({ ok: true, ...result }));
      else io.out(humanResult(result));
      return EXIT.OK;
    } finally {
      process.off('SIGINT', onSigint);
      workspace.closeWorkspace();
    }
  },
};

function integerFlag(v: string, flag: string): number {
  if (!/^\d{1,12}$/.test(v)) throw new UsageError(`${flag} must be a whole number, not "${v}"`);
  return Number(v);
}

function flagOf(path: string[]): string {
  const p = path.join('.');
  const map: Record<string, string> = {
    format: '--format',
    outPath: '--out',
    'scope.from': '--from',
    'scope.to': '--to',
    'scope.query': '--query',
    'scope.userId': '--user',
    'scope.orgId': '--org',
    'scope.tenantId': '--tenant',
    'bates.prefix': '--bates-prefix',
    'bates.start': '--bates-start',
    'bates.digits': '--bates-digits',
    'revealPii.reason': '--reason',
  };
  return map[p] ?? (p.startsWith('scope.chats') || p.startsWith('scope.selection') ? '--chat' : p || 'export');
}

function humanResult(r: ExportResult): string {
  const c = r.counts;
  return [
    `Exported ${c.messages} messages in ${c.documents} documents to ${r.path} (${r.format}, ${r.bytes} bytes).`,
    `  masked: ${c.masked} messages${c.skippedDeleted ? `; skipped (deleted content): ${c.skippedDeleted}` : ''}`,
    ...(r.bates ? [`  Bates: ${r.bates.first} to ${r.bates.last}`] : []),
    `  file SHA-256:   ${r.fileSha256}`,
    `  bundle SHA-256: ${r.bundleSha256}`,
    `  recorded: ${r.records.map((x) => `export_created #${x.seq} (${x.tenantId})`).join(', ')}`,
    '  signing keys (give these fingerprints to the recipient through a separate channel):',
    ...r.fingerprints.map((f) => `    ${f.tenantId}  ${f.fingerprint}`),
    `Check it with: ogma verify ${r.path}`,
  ].join('\n');
}
