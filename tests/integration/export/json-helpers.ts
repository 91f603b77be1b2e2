import { join } from 'node:path';
import { ExportService } from '../../../electron/services/export';
import { WorkspaceService } from '../../../electron/services/workspace';
import { ADMIN, KDF, VIEWER, steppingClock, tempDir } from '../../unit/vault/fixtures';

/**
 * A real workspace seeded through the vault's capture path (sealed text, message_captured
 * records, signed checkpoints), and the export service over it. Every seventh message
 * holds an email and every eleventh a card number, so default exports mask some.
 */

export { ADMIN, VIEWER };

export interface ExportWorld {
  ws: WorkspaceService;
  exports: ExportService;
  dir: string;
  tenantId: string;
  messageIds: string[];
  out: (name: string) => string;
}

export function messageText(i: number): string {
  if (i % 7 === 3) return `Please write to person${i}@example.com about invoice ${i}.`;
  if (i % 11 === 5) return `Charge card 4111 1111 1111 1111 for order ${i}, thanks.`;
  if (i % 13 === 1) return `Привет, 你好, مرحبا, שלום — message ${i} 🎉`;
  return `Message ${i} about the quarterly numbers for region ${i % 9}.`;
}

export async function exportWorld(opts: { messages: number; chats?: number; users?: number; viewer?: boolean; pageSize?: number }): Promise<ExportWorld> {
  const ws = new WorkspaceService({ scrypt: KDF, clock: steppingClock() });
  const base = tempDir('export');
  const dir = join(base, 'case.ogma');
  await ws.createWorkspace({ dir, name: 'Export case', memberName: ADMIN.name, passphrase: ADMIN.passphrase });
  if (opts.viewer) await ws.addMember({ name: VIEWER.name, role: 'viewer', passphrase: VIEWER.passphrase });
  const v = ws.vault;
  const tenantId = v.transaction(() => v.tenants.create({ vendor: 'anthropic', name: 'Acme Corp', orgId: 'org_acme' }, ADMIN.name)).id;
  const chats = opts.chats ?? Math.max(1, Math.ceil(opts.messages / 20));
  const users = opts.users ?? 3;
  const page = opts.pageSize ?? 2000;
  const ids: string[] = [];
  for (let start = 0; start < opts.messages; start += page) {
    v.transaction(() => {
      for (let i = start; i < Math.min(opts.messages, start + page); i++) {
        const chat = i % chats;
        const id = `msg_${String(i).padStart(6, '0')}`;
        v.content.captureMessage(
          {
            tenantId,
            chatId: `chat_${String(chat).padStart(4, '0')}`,
            messageId: id,
            userId: `user_${chat % users}`,
            orgId: 'org_acme',
            role: i % 2 ? 'assistant' : 'user',
            model: i % 2 ? 'claude-sonnet-4' : null,
            createdAt: new Date(Date.parse('2026-03-01T00:00:00.000Z') + i * 60_000).toISOString(),
            text: messageText(i),
          },
          ADMIN.name,
        );
        ids.push(id);
      }
    });
  }
  const exports = new ExportService({ workspace: ws, clock: () => new Date('2026-11-23T12:00:00.000Z') });
  return { ws, exports, dir, tenantId, messageIds: ids, out: (name) => join(base, name) };
}
