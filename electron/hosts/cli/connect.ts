import { CAPTURE_SLOTS, type CaptureSlot } from '../../core/capture';
import { describeKeyKind } from '../../core/sources';
import { IntegrationsService, type ConnectKeyResult } from '../../services/integrations';
import { WorkspaceService } from '../../services/workspace';
import { parseFlags, UsageError } from './args';
import { scryptFromEnv, secretFrom } from './init';
import { EXIT, type CliCommand } from './types';

/**
 * `ogma connect DIR SLOT --key-env VAR`: checks a vendor key live and seals it in the
 * workspace. The key is read from the environment variable named, never from a flag (flags
 * end up in shell history and process lists).
 */

const KIND_OF_SLOT: Record<CaptureSlot, Parameters<typeof describeKeyKind>[0]> = {
  'anthropic-compliance': 'anthropic-compliance',
  'anthropic-admin': 'anthropic-admin',
  openai: 'openai-admin',
};

export const command: CliCommand = {
  name: 'connect',
  summary: 'Check a vendor key live and seal it in a workspace (Compliance, Admin or OpenAI)',
  usage: [
    'Usage: ogma connect DIR anthropic-compliance|anthropic-admin|openai --key-env VAR [--base-url URL] [--tenant ID] [--json]',
    '',
    '  --key-env VAR   the environment variable that holds the key (the key itself is never a flag)',
    '  --base-url URL  where the vendor is reached (default: the real vendor; the simulator\'s URL for tests)',
    '  --tenant ID     attach the key to this tenant (default: found from what the key sees, or a new one)',
    '  --json          print one JSON document on stdout',
    '',
    'The key is classified first (a key in the wrong slot is explained without any call),',
    'then checked live (a Compliance key must be Enterprise and hold read:compliance_org_data',
    'and read:compliance_user_data), and only then sealed. Connecting a slot again rotates',
    'its key in place; cursors and captured data stay.',
    '',
    'Unlocks as $OGMA_MEMBER (an admin) with $OGMA_PASSPHRASE or a prompt.',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      options: { 'key-env': { type: 'string' }, 'base-url': { type: 'string' }, tenant: { type: 'string' }, json: { type: 'boolean' } },
      allowPositionals: true,
    });
    if (positionals.length !== 2) throw new UsageError('give the workspace folder and the slot: ogma connect DIR anthropic-compliance|anthropic-admin|openai --key-env VAR');
    const [dir, slotName] = positionals as [string, string];
    if (!(CAPTURE_SLOTS as readonly string[]).includes(slotName)) throw new UsageError(`the slot must be one of ${CAPTURE_SLOTS.join(', ')}, not "${slotName}"`);
    const slot = slotName as CaptureSlot;
    const envName = values['key-env'];
    if (!envName) throw new UsageError('name the environment variable that holds the key: --key-env VAR');
    const key = io.env[envName];
    if (key === undefined || key === '') throw new UsageError(`the environment variable ${envName} is not set or empty; put the key in it and try again`);

    const workspace = new WorkspaceService({ scrypt: scryptFromEnv(io.env) });
    try {
      const passphrase = await secretFrom(io, 'OGMA_PASSPHRASE', 'Passphrase: ');
      await workspace.openWorkspace(dir, passphrase, io.env.OGMA_MEMBER || undefined);
      io.err(`checking ${describeKeyKind(KIND_OF_SLOT[slot])} with ${values['base-url'] ?? 'the vendor'}...`);
      const result = await new IntegrationsService(workspace).connectKey({
        slot,
        key,
        ...(values.tenant ? { tenantId: values.tenant } : {}),
        ...(values['base-url'] ? { baseUrl: values['base-url'] } : {}),
      });
      io.out(values.json ? JSON.stringify(result) : humanReport(result));
      return EXIT.OK;
    } finally {
      workspace.closeWorkspace();
    }
  },
};

function humanReport(r: ConnectKeyResult): string {
  const lines = [
    `${r.action === 'rotated' ? 'Rotated' : 'Connected'} ${describeKeyKind(KIND_OF_SLOT[r.slot])} (${r.keyHint}) for tenant "${r.tenantName}" (${r.tenantId})${r.tenantCreated ? ', a new tenant' : ''}; record #${r.recordSeq}.`,
  ];
  if (r.cleanup.length > 0) lines.push(`Tidied the pasted key: ${r.cleanup.join(', ')}.`);
  if (r.checked.orgs) lines.push(`Organisations: ${r.checked.orgs.map((o) => o.name ?? o.uuid).join(', ')}.`);
  if (r.checked.scopesFound) lines.push(`Scopes proven: ${r.checked.scopesFound.join(', ')}.`);
  if (r.checked.scopesMissing?.length) lines.push(`Not held (not needed for content): ${r.checked.scopesMissing.join(', ')}.`);
  if (r.checked.org) lines.push(`Console organisation: ${r.checked.org.name ?? r.checked.org.id}.`);
  if (typeof r.checked.auditLogsNote === 'string') lines.push(r.checked.auditLogsNote);
  lines.push(`Vendor reached at ${r.baseUrl}. Run "ogma pull" to capture.`);
  return lines.join('\n');
}
