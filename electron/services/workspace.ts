import { OgmaError } from '../../shared/api/errors';
import { captureErasure } from '../core/capture';
import { Logger, maskSecrets, type LogSink } from '../core/log';
import {
  DEFAULT_SCRYPT,
  Vault,
  WORKSPACE_TENANT,
  describeDeleted,
  type Clock,
  type DeletedContent,
  type KeychainProtector,
  type Member,
  type RandomSource,
  type Role,
  type ScryptParams,
  type VerifyReport,
} from '../core/vault';

/**
 * The workspace use cases: create, open, members, verification, deletion and reading
 * content. Role checks live here, so the Electron host, the browser host and the CLI all
 * get them: a viewer who tries to delete or reveal is refused with FORBIDDEN, and the
 * refusal itself is recorded in the workspace log.
 */

export interface WorkspaceServiceDeps {
  clock?: Clock;
  random?: RandomSource;
  /** scrypt cost for new keyslots (tests pass a small N). */
  scrypt?: ScryptParams;
  /** The OS keychain as the Electron host provides it; absent in the CLI and tests. */
  keychain?: KeychainProtector;
  /** Masks a message's text for display (the PII service plugs in here); default masks key-shaped strings. */
  maskText?: (text: string) => string;
  logSink?: LogSink;
}

export interface WorkspaceSummary {
  workspaceId: string;
  name: string;
  dir: string;
  member: { id: string; name: string; role: Role };
}

export type MessageView =
  | { status: 'ok'; tenantId: string; messageId: string; text: string; masked: boolean }
  | (DeletedContent & { tenantId: string; messageId: string; label: string });

/** What revealMessage returns: the view, and for a reveal that happened, the pii_revealed record. */
export type RevealView = MessageView & { recordSeq?: number; kinds?: string[] | null };

export interface RevealOptions {
  /** Names the kinds of personal data in the text (the PII engine plugs in); recorded with the reveal. */
  kindsOf?: (text: string) => readonly string[];
}

export interface DeletionResult {
  kind: 'chat_deleted' | 'subject_erased' | 'tenant_shredded';
  recordSeq: number;
  messages: number;
}

/** Where a stepwise verification is: log `index` of `of`, and records verified so far across all of them. */
export interface VerifyStepProgress {
  tenantId: string;
  index: number;
  of: number;
  done: number;
  /** Records of all the logs together, when known (full runs of readable logs). */
  total: number | null;
  phase: 'records' | 'content';
}

export type GuardedAction = 'delete_chat' | 'erase_subject' | 'shred_tenant' | 'reveal_message' | 'add_member';

export class WorkspaceService {
  private open: Vault | null = null;
  private readonly log: Logger;

  constructor(private readonly deps: WorkspaceServiceDeps = {}) {
    this.log = new Logger(deps.logSink ?? { write: () => {} }, { scope: 'workspace', ...(deps.clock ? { clock: deps.clock } : {}) });
  }

  /** Erasure and shredding also clear what the capture tables hold about the subject or tenant. */
  private get vaultDeps() {
    return { ...(this.deps.clock ? { clock: this.deps.clock } : {}), ...(this.deps.random ? { random: this.deps.random } : {}), erasers: [captureErasure] };
  }

  // --- lifecycle ---------------------------------------------------------------------

  async createWorkspace(input: { dir: string; name: string; memberName: string; passphrase: string; useKeychain?: boolean }): Promise<WorkspaceSummary> {
    this.closeWorkspace();
    const vault = await Vault.create(
      {
        dir: input.dir,
        name: input.name,
        admin: { name: input.memberName, passphrase: input.passphrase },
        kdf: this.deps.scrypt ?? DEFAULT_SCRYPT,
        ...(input.useKeychain ? { keychain: this.requireKeychain() } : {}),
      },
      this.vaultDeps,
    );
    this.open = vault;
    this.log.info('workspace created', { workspaceId: vault.workspaceId, member: vault.member.name });
    return this.summary();
  }

  /** Opens with a member's passphrase; without a name, whichever member's slot the passphrase opens. */
  async openWorkspace(dir: string, passphrase: string, memberName?: string): Promise<WorkspaceSummary> {
    const vault = await Vault.open(dir, { passphrase, ...(memberName !== undefined ? { memberName } : {}) }, this.vaultDeps);
    this.closeWorkspace();
    this.open = vault;
    this.log.info('workspace opened', { workspaceId: vault.workspaceId, member: vault.member.name });
    return this.summary();
  }

  async openWithKeychain(dir: string, memberName: string): Promise<WorkspaceSummary> {
    const vault = await Vault.open(dir, { keychain: this.requireKeychain(), memberName }, this.vaultDeps);
    this.closeWorkspace();
    this.open = vault;
    return this.summary();
  }

  closeWorkspace(): void {
    this.open?.close();
    this.open = null;
  }

  summary(): WorkspaceSummary {
    const v = this.vault;
    return { workspaceId: v.workspaceId, name: v.name(), dir: v.dir, member: { id: v.member.id, name: v.member.name, role: v.member.role } };
  }

  /** The open vault, for the services that build on it (capture, export). */
  get vault(): Vault {
    if (!this.open) throw new OgmaError('NOT_OPEN', 'No workspace is open. Open or create one first.');
    return this.open;
  }

  /** One atomic unit of work (e.g. a page of captured messages, its records and its cursor). */
  transaction<T>(fn: (vault: Vault) => T): T {
    const v = this.vault;
    return v.transaction(() => fn(v));
  }

  // --- members -----------------------------------------------------------------------

  async addMember(input: { name: string; role: Role; passphrase: string }): Promise<Member> {
    this.requireAdmin('add_member', input.name);
    const m = await this.vault.addMember(input);
    this.log.info('member added', { name: m.name, role: m.role });
    return m;
  }

  listMembers(): Member[] {
    return this.vault.members.list();
  }

  /** Adds an OS-keychain keyslot for the current member; the passphrase slot stays as recovery. */
  async enableKeychain(): Promise<void> {
    await this.vault.addKeychainSlot(this.requireKeychain());
  }

  // --- verification ------------------------------------------------------------------

  verifyChain(opts: { tenantId?: string; mode?: 'full' | 'incremental'; onProgress?: (p: { tenantId: string; done: number; phase: 'records' | 'content' }) => void } = {}): VerifyReport {
    return this.vault.verify({ mode: opts.mode ?? 'full', ...(opts.tenantId ? { tenantId: opts.tenantId } : {}), ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) });
  }

  /**
   * The same verification as verifyChain, one log at a time with a turn of the event loop
   * before each, so the process that answers the UI can deliver progress and answer other
   * calls while a workspace with several logs is checked. Each log is verified by the same
   * vault.verify (records, links, Merkle roots, signed checkpoints, heads.json, content); the
   * report is those verdicts together, with the workspace-wide findings once.
   */
  async verifyChainInSteps(opts: { tenantId?: string; mode?: 'full' | 'incremental'; onProgress?: (p: VerifyStepProgress) => void; yieldToLoop?: () => Promise<void> } = {}): Promise<VerifyReport> {
    const mode = opts.mode ?? 'full';
    const pause = opts.yieldToLoop ?? (() => new Promise<void>((resolve) => setImmediate(resolve)));
    const v = this.vault;
    let ids: string[];
    try {
      ids = opts.tenantId ? [v.tenants.get(opts.tenantId).id] : v.tenants.list().map((t) => t.id);
    } catch (e) {
      // An unknown tenant is the caller's mistake; a log list that cannot be read is a finding, which the one-shot run reports.
      if (e instanceof OgmaError && e.code === 'NOT_FOUND') throw e;
      return v.verify({ mode, ...(opts.tenantId ? { tenantId: opts.tenantId } : {}) });
    }
    const sizes = ids.map((id) => {
      try {
        return v.chain.head(id).size;
      } catch {
        return null; // a damaged log: its own verification says why
      }
    });
    // An incremental run checks only what was appended since the last one: its amount is not known up front.
    const total = mode === 'full' && sizes.every((s) => s !== null) ? sizes.reduce<number>((n, s) => n + s!, 0) : null;
    const tenants: VerifyReport['tenants'] = [];
    const workspace: VerifyReport['workspace'] = [];
    let before = 0;
    for (const [i, tenantId] of ids.entries()) {
      opts.onProgress?.({ tenantId, index: i, of: ids.length, done: before, total, phase: 'records' });
      await pause();
      if (this.open !== v) throw new OgmaError('NOT_OPEN', 'The workspace was closed while its chain was being verified; open it and verify again.');
      const part = v.verify({
        mode,
        tenantId,
        onProgress: (p) => opts.onProgress?.({ tenantId, index: i, of: ids.length, done: p.phase === 'records' ? before + p.done : before, total, phase: p.phase }),
      });
      tenants.push(...part.tenants);
      for (const w of part.workspace) if (!workspace.some((x) => x.code === w.code && x.path === w.path && x.message === w.message)) workspace.push(w);
      before += part.tenants.reduce((n, t) => n + t.size - t.fromSeq, 0);
    }
    return { ok: workspace.length === 0 && tenants.every((t) => t.ok), mode, tenants, workspace };
  }

  // --- deletion (admin only) -----------------------------------------------------------

  deleteChat(tenantId: string, chatId: string): DeletionResult {
    this.requireAdmin('delete_chat', `${tenantId}/${chatId}`);
    const r = this.vault.deleteChat(tenantId, chatId);
    this.log.info('chat deleted', { tenantId, recordSeq: r.recordSeq });
    return r;
  }

  eraseSubject(tenantId: string, userId: string): DeletionResult {
    this.requireAdmin('erase_subject', `${tenantId}/${userId}`);
    const r = this.vault.eraseSubject(tenantId, userId);
    this.log.info('subject erased', { tenantId, recordSeq: r.recordSeq });
    return r;
  }

  shredTenant(tenantId: string): DeletionResult {
    this.requireAdmin('shred_tenant', tenantId);
    const r = this.vault.shredTenant(tenantId);
    this.log.info('tenant shredded', { tenantId, recordSeq: r.recordSeq });
    return r;
  }

  // --- content -----------------------------------------------------------------------

  /** A message as any member may see it: masked text, or how it was deleted. */
  getMessage(tenantId: string, messageId: string): MessageView {
    const r = this.vault.getMessageText(tenantId, messageId);
    if (r.status === 'deleted') return { ...r, tenantId, messageId, label: describeDeleted(r) };
    const mask = this.deps.maskText ?? maskSecrets;
    return { status: 'ok', tenantId, messageId, text: mask(r.text), masked: true };
  }

  /**
   * The unmasked text, for an admin, with the reason recorded (pii_revealed) before it is
   * returned. The record names the member, the message (and its capture record), the
   * reason and, when `kindsOf` is given, the kinds of personal data the text holds; its
   * transaction ends with a signed checkpoint, so the reveal is evidence at once.
   */
  revealMessage(tenantId: string, messageId: string, reason: string, opts: RevealOptions = {}): RevealView {
    this.requireAdmin('reveal_message', `${tenantId}/${messageId}`);
    if (!reason?.trim()) throw new OgmaError('VALIDATION_FAILED', 'Say why the unmasked text is needed; the reason is recorded.', { field: 'reason' });
    const v = this.vault;
    const r = v.getMessageText(tenantId, messageId);
    if (r.status === 'deleted') return { ...r, tenantId, messageId, label: describeDeleted(r) };
    const row = v.content.requireRow(tenantId, messageId);
    const kinds = opts.kindsOf ? [...opts.kindsOf(r.text)] : null;
    const rec = v.appendRecord(tenantId, 'pii_revealed', {
      messageId,
      chatId: row.chat_id,
      messageRecord: row.record_seq,
      reason: reason.trim(),
      member: v.member.name,
      memberId: v.member.id,
      kinds,
    });
    this.log.info('message revealed', { tenantId, recordSeq: rec.seq });
    return { status: 'ok', tenantId, messageId, text: r.text, masked: false, recordSeq: rec.seq, kinds };
  }

  searchMessages(query: string, opts: { tenantId?: string; limit?: number } = {}) {
    return this.vault.searchMessages(query, opts);
  }

  // --- roles -------------------------------------------------------------------------

  /** Throws FORBIDDEN (and records the refusal) unless the current member may do `action`. */
  authorize(action: GuardedAction, target: string): void {
    this.requireAdmin(action, target);
  }

  private requireAdmin(action: GuardedAction, target: string): void {
    const v = this.vault;
    if (v.member.role === 'admin') return;
    // The refusal is evidence too. (reveal_refused is the log's refusal type; `action` says what was refused.)
    v.appendRecord(WORKSPACE_TENANT, 'reveal_refused', { action, target, member: v.member.name, role: v.member.role });
    this.log.warn('refused', { action, member: v.member.name });
    throw new OgmaError('FORBIDDEN', `Member "${v.member.name}" is a viewer; only an admin may ${action.replace('_', ' ')}. The attempt was recorded.`);
  }

  private requireKeychain(): KeychainProtector {
    if (!this.deps.keychain) throw new OgmaError('UNAVAILABLE', 'The OS keychain is not available in this host; use the passphrase.');
    return this.deps.keychain;
  }
}
