import { OgmaError } from '../../../shared/api/errors';
import { maskText } from '../pii';
import type { Vault } from '../vault';
import type { MessageRow } from '../vault/content';
import type { BundleDocument, BundleMessage } from '../verify/schema';
import type { ResolvedScope } from './scope';

/**
 * Document assembly: the scoped messages read from the vault (each text checked against
 * its commitment on the way out), masked unless a reveal was granted, with the evidence a
 * recipient needs per message: the salt (only next to unmasked text) and the chain record.
 * Proofs are added later (proofs.ts), once the checkpoint they lead to is final.
 */

export interface AssembleOptions {
  /** Export unmasked text (the service has checked the role and will record the reveal). */
  reveal: boolean;
  /** A chat's title as captured, or null (titles are not captured yet). Masked unless revealed. */
  chatTitle?: (tenantId: string, chatId: string) => string | null;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface Assembled {
  /** In export order; message proofs are empty until proofs.ts fills them. */
  documents: BundleDocument[];
  /** PII kinds found per tenant (what a reveal exposes, for its record). */
  kindsByTenant: Map<string, Set<string>>;
  masked: number;
}

/** How often (in messages) assembly yields to the event loop, reports progress and checks for cancel. */
const YIELD_EVERY = 500;

export function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new OgmaError('CANCELLED', 'The export was cancelled; nothing was written and nothing was recorded.');
}

export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function assembleDocuments(vault: Vault, scope: ResolvedScope, opts: AssembleOptions): Promise<Assembled> {
  const db = vault.db;
  const total = scope.chats.reduce((n, c) => n + c.messages.length, 0);
  const orgName = db.prepare('SELECT name FROM capture_orgs WHERE tenant_id = ? AND uuid = ?').pluck();
  const user = db.prepare('SELECT full_name AS name, email FROM capture_users WHERE tenant_id = ? AND id = ? ORDER BY full_name IS NULL, email IS NULL LIMIT 1');
  const chatRow = db.prepare('SELECT created_at AS createdAt, gone_at_source AS gone FROM capture_chats WHERE tenant_id = ? AND id = ?');
  const vaultChat = db.prepare('SELECT created_at AS createdAt, gone_at_source AS gone FROM chats WHERE tenant_id = ? AND id = ?');
  // Prepared once: a statement per message would cost more than the row it reads.
  const chatRows = db.prepare('SELECT * FROM messages WHERE tenant_id = ? AND chat_id = ?');
  const recordBytes = db.prepare('SELECT bytes FROM chain_records WHERE tenant_id = ? AND seq = ?').pluck();
  const kindsByTenant = new Map<string, Set<string>>();
  const documents: BundleDocument[] = [];
  let done = 0;
  let masked = 0;
  for (const chat of scope.chats) {
    const kinds = kindsByTenant.get(chat.tenantId) ?? new Set<string>();
    kindsByTenant.set(chat.tenantId, kinds);
    const messages: BundleMessage[] = [];
    let userId = '';
    let orgId = '';
    const rows = new Map((chatRows.all(chat.tenantId, chat.chatId) as MessageRow[]).map((r) => [r.id, r]));
    for (const s of chat.messages) {
      if (done % YIELD_EVERY === 0) {
        opts.onProgress?.(done, total);
        await yieldToLoop();
        checkCancelled(opts.signal);
      }
      done++;
      const row = rows.get(s.messageId) ?? vault.content.requireRow(s.tenantId, s.messageId);
      if (row.record_seq === null) throw new OgmaError('TAMPERED', `Message "${s.messageId}" names no capture record; run "ogma verify-chain".`, { messageId: s.messageId });
      const stored = recordBytes.get(s.tenantId, row.record_seq) as Buffer | undefined;
      if (!stored) throw new OgmaError('TAMPERED', `The capture record #${row.record_seq} of message "${s.messageId}" is missing; run "ogma verify-chain".`, { messageId: s.messageId, seq: row.record_seq });
      const record = stored.toString('utf8');
      const rec = JSON.parse(record) as { at: string; type: string; body: Record<string, string | null> };
      const body = rec.body;
      if (rec.type !== 'message_captured' || body.messageId !== s.messageId || body.commitment !== row.commitment) {
        throw new OgmaError('TAMPERED', `Record #${row.record_seq} is not the capture of message "${s.messageId}"; run "ogma verify-chain".`, { messageId: s.messageId, seq: row.record_seq });
      }
      const text = vault.content.openText(row);
      const found = maskText(text);
      for (const k of found.kinds) kinds.add(k);
      const isMasked = !opts.reveal && found.masked !== text;
      if (isMasked) masked++;
      const salt = isMasked ? null : vault.content.messageSalt(s.tenantId, s.messageId);
      if (salt !== null && !(salt instanceof Uint8Array)) throw new OgmaError('DELETED', `Message "${s.messageId}" was deleted while the export ran; start it again.`, { messageId: s.messageId });
      if (messages.length > 0 && ((body.userId ?? '') !== userId || (body.orgId ?? '') !== orgId)) {
        // A chat is one user's (its owner's) in every capture; a document names one user and org.
        throw new OgmaError('VALIDATION_FAILED', `Chat "${chat.chatId}" holds messages of more than one user or organisation, which one export document cannot show; export by custodian (--user) instead.`, {
          field: 'scope',
          messageId: s.messageId,
        });
      }
      userId = body.userId ?? '';
      orgId = body.orgId ?? '';
      messages.push({
        id: s.messageId,
        chatId: chat.chatId,
        role: body.role ?? '',
        model: body.model ?? null,
        createdAt: body.createdAt ?? rec.at,
        text: isMasked ? found.masked : text,
        masked: isMasked,
        maskedKinds: isMasked ? [...found.kinds] : [],
        salt: salt === null ? null : Buffer.from(salt).toString('hex'),
        commitment: row.commitment!,
        recordSeq: row.record_seq,
        record,
        proof: [],
      });
    }
    const facts = (chatRow.get(chat.tenantId, chat.chatId) ?? vaultChat.get(chat.tenantId, chat.chatId)) as { createdAt: string | null; gone: number } | undefined;
    const who = user.get(chat.tenantId, userId) as { name: string | null; email: string | null } | undefined;
    const title = opts.chatTitle?.(chat.tenantId, chat.chatId) ?? null;
    documents.push({
      tenantId: chat.tenantId,
      orgId,
      orgName: orgId ? ((orgName.get(chat.tenantId, orgId) as string | null | undefined) ?? null) : null,
      chatId: chat.chatId,
      title: title === null ? null : opts.reveal ? title : maskText(title).masked,
      custodian: custodianOf(userId, who, opts.reveal),
      userId,
      createdAt: facts?.createdAt ?? messages[0]?.createdAt ?? '',
      deletedAtSource: facts?.gone === 1,
      messages,
    });
  }
  opts.onProgress?.(done, total);
  return { documents, kindsByTenant, masked };
}

/** The custodian as people know them: the name, and the email only when PII is revealed. */
function custodianOf(userId: string, who: { name: string | null; email: string | null } | undefined, reveal: boolean): string {
  const name = who?.name ? (reveal ? who.name : maskText(who.name).masked) : null;
  if (reveal && who?.email) return name ? `${name} <${who.email}>` : who.email;
  return name ?? userId;
}
