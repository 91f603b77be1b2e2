import { OgmaError, isOgmaError } from '../../shared/api/errors';
import type { ParsedReq, ResIn } from '../../shared/api/contract';
import type { ChatRowDto, MaskedTextDto, TranscriptMessageDto } from '../../shared/api/review-schemas';
import { maskText, type MaskResult } from '../core/pii';
import { WORKSPACE_TENANT, describeDeleted, type Vault } from '../core/vault';
import { ChatReadModel, chatFacets, transcriptCount, transcriptRows, type ChatFacts, type ChatFilter, type ChatKey, type TranscriptRow } from '../core/vault/review-chats';
import { maskedEmail, maskedText } from './review-mask';
import type { WorkspaceService } from './workspace';

/**
 * The content side of offline review: the chat table, its filter values, a transcript,
 * and the logged reveal. Every text that came from a conversation (message, title) and
 * every email leaves here masked; the plaintext of one message goes out only through
 * reveal(), after WorkspaceService recorded it.
 */

/** A chat's title as captured (plaintext), or null. See ReviewServiceDeps.chatTitle. */
export type ChatTitleSource = (vault: Vault, tenantId: string, chatId: string) => string | null;

/** `<id>~vN` is version N of an edited message; the first capture is version 1. */
export function versionOf(messageId: string): number {
  const m = /~v(\d+)$/.exec(messageId);
  return m ? Number(m[1]) : 1;
}

/** NOT_FOUND (field tenantId) for a tenant the workspace does not have; the workspace's own log holds no content. */
export function requireTenant(vault: Vault, tenantId: string | undefined, opts: { content?: boolean } = {}): void {
  if (tenantId === undefined) return;
  if (opts.content && tenantId === WORKSPACE_TENANT) throw new OgmaError('NOT_FOUND', 'The workspace log holds no content; choose a connected organisation.', { field: 'tenantId' });
  try {
    vault.tenants.get(tenantId);
  } catch (e) {
    if (isOgmaError(e) && e.code === 'NOT_FOUND') throw new OgmaError('NOT_FOUND', e.message, { field: 'tenantId' });
    throw e;
  }
}

function deletionDto(d: ChatFacts['deleted']) {
  return d ? { ...d, label: describeDeleted({ status: 'deleted', ...d }) } : null;
}

export class ReviewContent {
  constructor(
    private readonly workspace: WorkspaceService,
    private readonly chatTitle: ChatTitleSource,
  ) {}

  private get vault(): Vault {
    return this.workspace.vault;
  }

  private requireTenant(tenantId: string | undefined): void {
    requireTenant(this.vault, tenantId, { content: true });
  }

  private title(key: ChatKey): MaskedTextDto | null {
    const t = this.chatTitle(this.vault, key.tenantId, key.chatId);
    return t === null || t === '' ? null : maskedText(t);
  }

  private row(f: ChatFacts): ChatRowDto {
    return {
      tenantId: f.tenantId,
      chatId: f.chatId,
      org: { id: f.orgId, name: f.orgName },
      user: { id: f.userId, name: f.userName, email: maskedEmail(f.userEmail) },
      title: this.title(f),
      project: f.project,
      model: f.model,
      createdAt: f.createdAt,
      updatedAt: f.updatedAt,
      messages: f.messages,
      flags: { softDeleted: f.softDeleted, goneAtSource: f.goneAtSource, hasSuperseded: f.hasSuperseded, deleted: deletionDto(f.deleted) },
    };
  }

  chats(req: ParsedReq<'content.chats'>): ResIn<'content.chats'> {
    this.requireTenant(req.tenantId);
    const model = new ChatReadModel(this.vault.db);
    const filter: ChatFilter = {
      tenantId: req.tenantId,
      orgIds: req.orgIds,
      userIds: req.userIds,
      projectIds: req.projectIds,
      models: req.models,
      created: req.created,
      updated: req.updated,
      flags: req.flags,
    };
    const { by, dir } = req.sort;
    if (req.title === undefined && by !== 'title') {
      const total = model.count(filter);
      const keys = model.page(filter, { by, dir }, req.offset, req.limit);
      return { total, offset: req.offset, rows: this.rows(model, keys) };
    }
    // Titles are sealed: filtering or sorting on them reads (and masks) every candidate's
    // title here, and matches the MASKED title, so the filter is no oracle for what a mask hides.
    let candidates = model.keys(filter).map((k) => ({ k, title: this.title(k) }));
    if (req.title !== undefined) {
      const want = req.title.toLocaleLowerCase();
      candidates = candidates.filter((c) => c.title !== null && c.title.text.toLocaleLowerCase().includes(want));
    }
    const sign = dir === 'asc' ? 1 : -1;
    const byKey = (a: ChatKey, b: ChatKey) => a.tenantId.localeCompare(b.tenantId) || a.chatId.localeCompare(b.chatId);
    if (by === 'title') {
      candidates.sort((a, b) => {
        if (a.title === null || b.title === null) return a.title === b.title ? sign * byKey(a.k, b.k) : a.title === null ? 1 : -1;
        return sign * (a.title.text.localeCompare(b.title.text) || byKey(a.k, b.k));
      });
      const page = candidates.slice(req.offset, req.offset + req.limit).map((c) => c.k);
      return { total: candidates.length, offset: req.offset, rows: this.rows(model, page) };
    }
    // A title filter with another sort: order the survivors by that column in SQL.
    const keep = new Set(candidates.map((c) => `${c.k.tenantId}\u0000${c.k.chatId}`));
    const ordered = model.page(filter, { by, dir }, 0, Number.MAX_SAFE_INTEGER).filter((k) => keep.has(`${k.tenantId}\u0000${k.chatId}`));
    return { total: ordered.length, offset: req.offset, rows: this.rows(model, ordered.slice(req.offset, req.offset + req.limit)) };
  }

  private rows(model: ChatReadModel, keys: readonly ChatKey[]): ChatRowDto[] {
    return keys.map((k) => model.facts(k)).filter((f): f is ChatFacts => f !== null).map((f) => this.row(f));
  }

  facets(req: ParsedReq<'content.facets'>): ResIn<'content.facets'> {
    this.requireTenant(req.tenantId);
    // Facets scan every chat (seconds over 100,000) and every filter panel asks for them; any
    // write to the vault's connection moves total_changes(), so an unchanged count means
    // unchanged facets. The cache belongs to one open vault: a new vault starts empty.
    const changes = this.vault.db.prepare('SELECT total_changes()').pluck().get() as number;
    const key = req.tenantId ?? '';
    const hit = this.facetCache.get(key);
    if (hit && hit.vault === this.vault && hit.changes === changes) return hit.value;
    const value = this.computeFacets(req.tenantId);
    if (this.facetCache.size > 16) this.facetCache.clear();
    this.facetCache.set(key, { vault: this.vault, changes, value });
    return value;
  }

  private readonly facetCache = new Map<string, { vault: Vault; changes: number; value: ResIn<'content.facets'> }>();

  private computeFacets(tenantId: string | undefined): ResIn<'content.facets'> {
    const req = { tenantId };
    const f = chatFacets(this.vault.db, req.tenantId);
    const tenants = this.vault.tenants
      .list()
      .filter((t) => t.id !== WORKSPACE_TENANT && (req.tenantId === undefined || t.id === req.tenantId))
      .map((t) => ({ id: t.id, name: t.name, shredded: t.shredded !== null }));
    return { ...f, tenants, users: f.users.map((u) => ({ ...u, email: maskedEmail(u.email) })) };
  }

  transcript(req: ParsedReq<'content.transcript'>): ResIn<'content.transcript'> {
    this.requireTenant(req.tenantId);
    const model = new ChatReadModel(this.vault.db);
    const facts = model.facts({ tenantId: req.tenantId, chatId: req.chatId });
    if (!facts) throw new OgmaError('NOT_FOUND', `No chat "${req.chatId}" was captured for this organisation.`, { field: 'chatId' });
    const db = this.vault.db;
    const rows = transcriptRows(db, req.tenantId, req.chatId, req.offset, req.limit);
    return {
      chat: this.row(facts),
      total: transcriptCount(db, req.tenantId, req.chatId),
      offset: req.offset,
      messages: rows.map((r) => this.message(req.tenantId, r)),
    };
  }

  private message(tenantId: string, r: TranscriptRow): TranscriptMessageDto {
    const superseded = r.superseded_by ? { byMessageId: r.superseded_by, version: versionOf(r.superseded_by), label: `superseded by v${versionOf(r.superseded_by)}` } : null;
    const base = {
      messageId: r.id,
      version: versionOf(r.id),
      role: r.role,
      createdAt: r.created_at,
      capturedAt: r.captured_at,
      model: r.model,
      superseded,
      recordSeq: r.record_seq,
      commitment: r.commitment,
    };
    try {
      const got = this.vault.getMessageText(tenantId, r.id);
      if (got.status === 'deleted') {
        return { ...base, status: 'deleted', text: null, deleted: { reason: got.reason, at: got.at, by: got.by, recordSeq: got.recordSeq, label: describeDeleted(got) }, problem: null };
      }
      return { ...base, status: superseded ? 'superseded' : 'ok', text: maskedText(got.text), deleted: null, problem: null };
    } catch (e) {
      // One damaged message must not hide the rest of the conversation: it is shown as unreadable, with why.
      if (isOgmaError(e) && (e.code === 'TAMPERED' || e.code === 'UNREADABLE')) {
        return { ...base, status: 'unreadable', text: null, deleted: null, problem: { code: e.code, message: e.message } };
      }
      throw e;
    }
  }

  /**
   * The unmasked text of one message, for an admin with a reason. WorkspaceService checks
   * the role (a viewer's attempt is recorded and refused) and appends pii_revealed with
   * the kinds found BEFORE this returns; the text never exists outside this call otherwise.
   */
  reveal(req: ParsedReq<'content.reveal'>): ResIn<'content.reveal'> {
    this.requireTenant(req.tenantId);
    let found: MaskResult | null = null;
    const view = this.workspace.revealMessage(req.tenantId, req.messageId, req.reason, {
      kindsOf: (text) => {
        found = maskText(text);
        return found.kinds;
      },
    });
    if (view.status === 'deleted') {
      return { status: 'deleted', tenantId: req.tenantId, messageId: req.messageId, deleted: { reason: view.reason, at: view.at, by: view.by, recordSeq: view.recordSeq, label: view.label } };
    }
    const r = found as MaskResult | null;
    if (view.recordSeq === undefined || !r) throw new OgmaError('INTERNAL', 'The reveal was not recorded, so the text is withheld.');
    return {
      status: 'ok',
      tenantId: req.tenantId,
      messageId: req.messageId,
      text: view.text,
      spans: r.spans.map((s) => ({ start: s.source.start, end: s.source.end, kind: s.kind, label: s.label })),
      kinds: r.kinds,
      recordSeq: view.recordSeq,
    };
  }
}
