import { ROLES, type Role } from '../../core/vault';
import { WorkspaceService } from '../../services/workspace';
import { parseFlags, UsageError } from './args';
import { actingMember, oneDir, scryptFromEnv, secretFrom } from './init';
import { EXIT, type CliCommand } from './types';

/** `ogma member add DIR --name N --role admin|viewer`: an admin gives someone a keyslot. */
export const command: CliCommand = {
  name: 'member add',
  summary: 'Give a new member (admin or viewer) their own passphrase to a workspace',
  usage: [
    'Usage: ogma member add DIR --name NAME --role admin|viewer',
    '',
    'The acting admin is $OGMA_MEMBER (default: the first admin), unlocking with',
    '$OGMA_PASSPHRASE or a prompt. The new member\'s passphrase comes from',
    '$OGMA_NEW_PASSPHRASE, else it is asked for twice without echo.',
    '',
    'A viewer can read (masked) and verify; only an admin can delete, erase, shred,',
    'reveal or add members. The addition is recorded in the workspace log.',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { options: { name: { type: 'string' }, role: { type: 'string' } }, allowPositionals: true });
    const dir = oneDir(positionals);
    if (!values.name) throw new UsageError('--name is required');
    if (!values.role || !(ROLES as readonly string[]).includes(values.role)) throw new UsageError('--role must be admin or viewer');
    const actor = actingMember(dir, io.env);
    const passphrase = await secretFrom(io, 'OGMA_PASSPHRASE', `Passphrase for ${actor}: `);
    const service = new WorkspaceService({ scrypt: scryptFromEnv(io.env) });
    try {
      await service.openWorkspace(dir, passphrase, actor);
      // Refused (and recorded) before anyone types a new passphrase.
      service.authorize('add_member', values.name);
      const newPassphrase = await secretFrom(io, 'OGMA_NEW_PASSPHRASE', `Passphrase for ${values.name}: `, true);
      const m = await service.addMember({ name: values.name, role: values.role as Role, passphrase: newPassphrase });
      io.out(`Added ${m.name} as ${m.role}.`);
      return EXIT.OK;
    } finally {
      service.closeWorkspace();
    }
  },
};
