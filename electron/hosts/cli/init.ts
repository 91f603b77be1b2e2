import { basename } from 'node:path';
import { OgmaError } from '../../../shared/api/errors';
import { DEFAULT_SCRYPT, readKeyslots, type ScryptParams } from '../../core/vault';
import { WorkspaceService } from '../../services/workspace';
import { parseFlags, UsageError } from './args';
import { EXIT, type CliCommand, type CliIO } from './types';

/**
 * `ogma init DIR`: creates an encrypted case workspace with its first admin.
 * Also home to the small helpers the workspace verbs share (passphrases from the
 * environment or a no-echo prompt, the scrypt cost override, the acting member).
 */

/** OGMA_SCRYPT_N lowers (or raises) the keyslot KDF cost, e.g. for tests; a power of two. */
export function scryptFromEnv(env: CliIO['env']): ScryptParams {
  const n = env.OGMA_SCRYPT_N;
  if (n === undefined || n === '') return DEFAULT_SCRYPT;
  if (!/^\d+$/.test(n)) throw new UsageError(`OGMA_SCRYPT_N must be a power of two, not "${n}"`);
  return { ...DEFAULT_SCRYPT, N: Number(n) };
}

/** A secret from an environment variable, else asked for without echo (twice when it is new). */
export async function secretFrom(io: CliIO, envName: string, question: string, confirm = false): Promise<string> {
  const fromEnv = io.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const first = await io.promptSecret(question);
  if (confirm) {
    const again = await io.promptSecret('Type it again: ');
    if (again !== first) throw new OgmaError('VALIDATION_FAILED', 'The two passphrases differ; nothing was changed.', { field: 'passphrase' });
  }
  return first;
}

/** The member acting: OGMA_MEMBER, else the workspace's first admin. */
export function actingMember(dir: string, env: CliIO['env']): string {
  const named = env.OGMA_MEMBER;
  if (named) return named;
  const admin = readKeyslots(dir).slots.find((s) => s.role === 'admin');
  if (!admin) throw new OgmaError('NOT_FOUND', 'This workspace has no admin keyslot; set OGMA_MEMBER to the member who acts.', { field: 'memberName' });
  return admin.memberName;
}

export function oneDir(positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'name the workspace folder (DIR)' : `expected one folder, got ${positionals.length}: ${positionals.join(' ')}`);
  return positionals[0]!;
}

export const command: CliCommand = {
  name: 'init',
  summary: 'Create an encrypted case workspace folder with its first admin',
  usage: [
    'Usage: ogma init DIR [--name MEMBER] [--case NAME]',
    '',
    'Creates DIR (it must not exist, or be empty) as an encrypted case workspace.',
    '',
    '  --name MEMBER  the first admin (default: $OGMA_MEMBER, else "admin")',
    '  --case NAME    the case name shown in the app (default: the folder name)',
    '',
    'The passphrase comes from $OGMA_PASSPHRASE, else it is asked for twice without echo.',
    'It is the only way in: there is no recovery without it or another member.',
    '$OGMA_SCRYPT_N sets the passphrase KDF cost (a power of two; default 131072).',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { options: { name: { type: 'string' }, case: { type: 'string' } }, allowPositionals: true });
    const dir = oneDir(positionals);
    const memberName = values.name ?? io.env.OGMA_MEMBER ?? 'admin';
    const caseName = values.case ?? basename(dir).replace(/\.ogma$/i, '');
    const passphrase = await secretFrom(io, 'OGMA_PASSPHRASE', `Passphrase for ${memberName}: `, true);
    const service = new WorkspaceService({ scrypt: scryptFromEnv(io.env) });
    try {
      const ws = await service.createWorkspace({ dir, name: caseName, memberName, passphrase });
      io.out(`Created workspace "${ws.name}" (${ws.workspaceId}) in ${dir}; its first admin is member "${ws.member.name}".`);
      return EXIT.OK;
    } finally {
      service.closeWorkspace();
    }
  },
};
