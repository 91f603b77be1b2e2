import { type PullSummary } from '../../core/capture';
import { CaptureService } from '../../services/capture';
import { EventBus } from '../../services/events';
import { WorkspaceService } from '../../services/workspace';
import { parseFlags } from './args';
import { oneDir, scryptFromEnv, secretFrom } from './init';
import { throttled } from './pull-progress';
import { EXIT, type CliCommand } from './types';

/**
 * `ogma pull DIR`: one pull of every connected tenant (or one), progress on stderr, a
 * summary on stdout. Ctrl+C cancels: what was stored stays, and the pull still ends with
 * its completeness record (status cancelled). Run it again to resume.
 */
export const command: CliCommand = {
  name: 'pull',
  summary: 'Capture from every connected vendor now (incremental, resumable), with progress',
  usage: [
    'Usage: ogma pull DIR [--tenant ID] [--base-url URL] [--json]',
    '',
    '  --tenant ID     pull this tenant only (default: every tenant with a connected key)',
    '  --base-url URL  reach every vendor at URL for this pull (e.g. the simulator)',
    '  --json          print one JSON document on stdout (progress stays on stderr)',
    '',
    'Unlocks as $OGMA_MEMBER with $OGMA_PASSPHRASE or a prompt. Exit status: 0 every pull',
    'complete, 1 a pull was partial, failed or cancelled (see its errors), 2 unusable input.',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      options: { tenant: { type: 'string' }, 'base-url': { type: 'string' }, json: { type: 'boolean' } },
      allowPositionals: true,
    });
    const dir = oneDir(positionals);
    const workspace = new WorkspaceService({ scrypt: scryptFromEnv(io.env) });
    const controller = new AbortController();
    const onSigint = () => {
      io.err('cancelling: the page in flight is dropped, everything stored stays...');
      controller.abort();
    };
    process.once('SIGINT', onSigint);
    try {
      const passphrase = await secretFrom(io, 'OGMA_PASSPHRASE', 'Passphrase: ');
      await workspace.openWorkspace(dir, passphrase, io.env.OGMA_MEMBER || undefined);
      const capture = new CaptureService({ workspace, events: new EventBus() });
      const show = throttled((line) => io.err(line), io.isTTY ? 250 : 1000);
      const summaries = await capture.pullNow({
        ...(values.tenant ? { tenantId: values.tenant } : {}),
        ...(values['base-url'] ? { baseUrl: values['base-url'] } : {}),
        signal: controller.signal,
        onProgress: show,
      });
      if (values.json) io.out(JSON.stringify({ ok: summaries.every((s) => s.status === 'complete'), pulls: summaries }));
      else io.out(summaries.map(humanSummary).join('\n\n'));
      return summaries.every((s) => s.status === 'complete') ? EXIT.OK : EXIT.CHECK_FAILED;
    } finally {
      process.off('SIGINT', onSigint);
      workspace.closeWorkspace();
    }
  },
};

function humanSummary(s: PullSummary): string {
  const c = s.counts;
  const skipped = Object.entries(c.messagesSkipped)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const lines = [
    `Pull ${s.status} for tenant ${s.tenantId} (${s.runId}) in ${(s.durationMs / 1000).toFixed(1)} s; completeness record #${s.recordSeq}.`,
    `  directory: ${c.orgs} organisations, ${c.users} members`,
    `  chats: ${c.chatsSeen} listed, ${c.chatsFetched} read (${c.chatsNew} new), ${c.chatsSoftDeleted} soft-deleted, ${c.chatsGone} gone at the source`,
    `  messages: ${c.messagesCaptured} captured, ${c.messagesSuperseded} edited (new version), ${c.messagesUnchanged} unchanged${skipped ? `; without text: ${skipped}` : ''}`,
    `  evidence: ${c.activities} activities, ${c.usageBuckets} usage and ${c.costBuckets} cost buckets, ${c.auditEvents} audit events`,
    `  requests: ${s.requests.sent} (${s.requests.retried} retried)`,
  ];
  for (const e of s.errors) lines.push(`  ${e.endpoint}: ${e.message}`);
  return lines.join('\n');
}
