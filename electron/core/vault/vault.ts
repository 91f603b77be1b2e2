import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { OgmaError, isOgmaError } from '../../../shared/api/errors';
import { LeafHashPool, type RecordType } from '../chain';
import { keyExportSigner, type ExportSigner } from '../verify/signature';
import { BlobStore } from './blobs';
import { BackgroundCheckpointer, START_WAL_BYTES } from './checkpointer';
import { ChainStore, type AppendedRecord, type RecordBody, type StoredCheckpoint } from './chainstore';
import { ContentStore, type CaptureMessageInput, type CapturedMessage, type DeletedContent, type MessageText } from './content';
import { systemClock, WORKSPACE_TENANT, newId, stamp, type Clock, type VaultContext } from './context';
import { CredentialStore } from './credentials';
import { DEFAULT_SCRYPT, randomKey, systemRandom, wipe, type RandomSource, type ScryptParams } from './crypto';
import { databaseKey, openDatabase, sqliteProblem, type Db, sql } from './db';
import { Deletions, type Deleted } from './deletion';
import type { SubjectDataEraser } from './erasure';
import { emptyHeads, readHeads, writeHeads, type HeadsFile } from './heads';
import { KeyRing } from './keys';
import {
  keyslotsExist,
  makeKeychainSlot,
  makePassphraseSlot,
  readKeyslots,
  unlockWithKeychain,
  unlockWithPassphrase,
  writeKeyslots,
  type KeychainProtector,
  type Keyslot,
  type Role,
} from './keyslots';
import { WORKSPACE_FORMAT, WORKSPACE_VERSION, readManifest, workspacePaths, writeJsonDurable, type Manifest } from './layout';
import { checkMemberName, MemberStore, type Member } from './members';
import { applyMigrations } from './migrations';
import { SearchIndex } from './search';
import { TenantStore, type TenantInfo } from './tenants';
import { verifyTenant, type TenantVerdict, type VerifyOptions } from './verify';

/**
 * An open case workspace: the folder, its unlocked key hierarchy and its stores. Core
 * only: it knows no roles beyond recording who acted (services check roles).
 */

export interface VaultDeps {
  clock?: Clock;
  random?: RandomSource;
  /** Erase what other modules' tables hold about a data subject or tenant (erasure.ts); WorkspaceService passes capture's. */
  erasers?: readonly SubjectDataEraser[];
}

export type Unlock = { passphrase: string; memberName?: string } | { keychain: KeychainProtector; memberName: string };

export interface CreateVaultInput {
  dir: string;
  name: string;
  admin: { name: string; passphrase: string };
  kdf?: ScryptParams;
  /** Adds an OS-keychain keyslot for the admin besides the passphrase slot. */
  keychain?: KeychainProtector;
}

export interface WorkspaceProblem {
  code: 'head_missing' | 'database_damaged';
  message: string;
  path: string;
}

export interface VerifyReport {
  ok: boolean;
  mode: 'full' | 'incremental';
  tenants: TenantVerdict[];
  workspace: WorkspaceProblem[];
}

/** Orphan blobs younger than this may belong to another process's transaction in flight. */
const SWEEP_MIN_AGE_MS = 10 * 60 * 1000;

export class Vault {
  readonly chain: ChainStore;
  readonly tenants: TenantStore;
  readonly content: ContentStore;
  readonly credentials: CredentialStore;
  readonly search: SearchIndex;
  readonly members: MemberStore;
  private readonly deletions: Deletions;
  private heads: HeadsFile | null;
  /** fileId() of heads.json as this handle last wrote it (see publishHeads). */
  private headsFileId: string | null = null;
  private closed = false;
  /** WAL checkpoints off the writer's thread, once the workspace writes enough to need it (checkpointer.ts). */
  private checkpointer: BackgroundCheckpointer | null = null;
  private checkpointerTried = false;
  private deleting = false;

  private constructor(
    private readonly ctx: VaultContext,
    readonly manifest: Manifest,
    private readonly masterKey: Buffer,
    /** Who opened the workspace: the actor of everything done through this handle. */
    public member: Member,
    heads: HeadsFile | null,
    erasers: readonly SubjectDataEraser[] = [],
  ) {
    this.heads = heads;
    this.chain = new ChainStore(ctx);
    this.search = new SearchIndex(ctx.db);
    this.tenants = new TenantStore(ctx, this.chain);
    this.content = new ContentStore(ctx, this.tenants, this.chain, this.search);
    this.credentials = new CredentialStore(ctx, this.tenants, this.chain);
    this.members = new MemberStore(ctx, this.chain);
    this.deletions = new Deletions(ctx, this.tenants, this.chain, this.search, erasers);
  }

  get workspaceId(): string {
    return this.ctx.workspaceId;
  }
  get dir(): string {
    return this.ctx.paths.dir;
  }
  /** For the deletion/verify tests and the bundle exporter; never hand it to a host. */
  get db(): Db {
    return this.ctx.db;
  }

  // --- lifecycle ---------------------------------------------------------------------

  static async create(input: CreateVaultInput, deps: VaultDeps = {}): Promise<Vault> {
    const clock = deps.clock ?? systemClock;
    const random = deps.random ?? systemRandom;
    const kdf = input.kdf ?? DEFAULT_SCRYPT;
    checkMemberName(input.admin.name);
    if (!input.name?.trim()) throw new OgmaError('VALIDATION_FAILED', 'A workspace needs a name (the case name).', { field: 'name' });
    const dir = input.dir;
    const existed = existsSync(dir);
    if (existed && readdirSync(dir).length > 0) throw new OgmaError('ALREADY_EXISTS', `${dir} already exists and is not empty; choose a new folder for the workspace.`, { path: dir });
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const paths = workspacePaths(dir);
    const masterKey = randomKey(random);
    let db: Db | null = null;
    try {
      const workspaceId = newId('ws', random);
      const now = stamp(clock);
      const manifest: Manifest = { format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, workspaceId, createdAt: now, kdf: { name: 'scrypt', ...kdf } };
      const admin = { memberId: newId('m', random, 8), memberName: input.admin.name, role: 'admin' as Role };
      const slots: Keyslot[] = [await makePassphraseSlot(workspaceId, admin, masterKey, input.admin.passphrase, kdf, now, random)];
      if (input.keychain) slots.push(await makeKeychainSlot(workspaceId, admin, masterKey, input.keychain, now, random));
      writeJsonDurable(paths.manifest, manifest);
      writeKeyslots(dir, { version: 1, slots });
      mkdirSync(paths.blobs, { mode: 0o700 });
      const dbKey = databaseKey(masterKey);
      try {
        db = openDatabase(paths.db, dbKey, { create: true });
      } finally {
        wipe(dbKey);
      }
      applyMigrations(db, now);
      const ctx: VaultContext = { workspaceId, paths, db, keys: new KeyRing(masterKey, workspaceId, db, random), blobs: new BlobStore(paths.blobs), clock, random };
      const placeholder: Member = { id: admin.memberId, name: admin.memberName, role: 'admin', addedAt: now, addedBy: null };
      const vault = new Vault(ctx, manifest, masterKey, placeholder, emptyHeads(workspaceId), deps.erasers);
      vault.transaction(() => {
        const meta = db!.prepare('INSERT INTO workspace_meta (key, value) VALUES (?, ?)');
        meta.run('name', input.name);
        meta.run('workspace_id', workspaceId);
        meta.run('created_at', now);
        vault.tenants.create({ id: WORKSPACE_TENANT, vendor: 'ogma', name: input.name }, admin.memberName, { workspaceId });
        vault.member = vault.members.insert({ id: admin.memberId, name: admin.memberName, role: 'admin' }, null);
      });
      return vault;
    } catch (e) {
      db?.close();
      wipe(masterKey);
      // Leave nothing half-made behind.
      if (existed) for (const f of readdirSync(dir)) rmSync(join(dir, f), { recursive: true, force: true });
      else rmSync(dir, { recursive: true, force: true });
      throw e;
    }
  }

  /**
   * Opens a workspace folder. Nothing is written until the keyslot has unwrapped the
   * master key, so a wrong passphrase leaves the folder exactly as it was.
   */
  static async open(dir: string, unlock: Unlock, deps: VaultDeps = {}): Promise<Vault> {
    const clock = deps.clock ?? systemClock;
    const random = deps.random ?? systemRandom;
    const manifest = readManifest(dir);
    if (!keyslotsExist(dir)) throw new OgmaError('UNREADABLE', `${dir} has no keyslots.json; without it the workspace cannot be unlocked. Restore it from a copy.`, { path: 'keyslots.json' });
    const slots = readKeyslots(dir);
    const unlocked =
      'passphrase' in unlock
        ? await unlockWithPassphrase(manifest.workspaceId, slots, unlock.passphrase, unlock.memberName)
        : await unlockWithKeychain(manifest.workspaceId, slots, unlock.keychain, unlock.memberName);
    const paths = workspacePaths(dir);
    if (!existsSync(paths.db)) {
      wipe(unlocked.masterKey);
      throw new OgmaError('UNREADABLE', `${dir} has no vault.db; the workspace is incomplete. Restore it from a copy.`, { path: 'vault.db' });
    }
    let db: Db | null = null;
    try {
      const dbKey = databaseKey(unlocked.masterKey);
      try {
        db = openDatabase(paths.db, dbKey, { create: false });
      } finally {
        wipe(dbKey);
      }
      applyMigrations(db, stamp(clock));
      const ctx: VaultContext = {
        workspaceId: manifest.workspaceId,
        paths,
        db,
        keys: new KeyRing(unlocked.masterKey, manifest.workspaceId, db, random),
        blobs: new BlobStore(paths.blobs),
        clock,
        random,
      };
      const members = new MemberStore(ctx, new ChainStore(ctx));
      const member = members.get(unlocked.slot.memberId);
      if (!member) {
        throw new OgmaError('NOT_FOUND', `Member "${unlocked.slot.memberName}" has a keyslot but no member record: adding them was interrupted. Ask an admin to add "${unlocked.slot.memberName}" again.`, {
          field: 'memberName',
        });
      }
      if (member.name !== unlocked.slot.memberName || member.role !== unlocked.slot.role) {
        throw new OgmaError('TAMPERED', `The keyslot of "${unlocked.slot.memberName}" does not match the member record (name or role differ).`, { path: 'keyslots.json' });
      }
      const vault = new Vault(ctx, manifest, unlocked.masterKey, member, readHeads(paths.heads, manifest.workspaceId), deps.erasers);
      vault.reconcileHeads();
      vault.sweepBlobs(SWEEP_MIN_AGE_MS);
      return vault;
    } catch (e) {
      db?.close();
      wipe(unlocked.masterKey);
      throw isOgmaError(e) ? e : sqliteProblem(e, 'opening the workspace');
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    // The helper's connection closes first, so the writer's close is the last one and checkpoints as before.
    this.checkpointer?.close();
    this.ctx.keys.close();
    wipe(this.masterKey);
    this.ctx.db.close();
  }

  private live(): void {
    if (this.closed) throw new OgmaError('NOT_OPEN', 'The workspace was closed; open it again.');
  }

  // --- transactions and the log ------------------------------------------------------

  /**
   * Runs `fn` atomically (nested calls become savepoints). Before the outermost commit
   * every tenant that gained records gets a signed checkpoint; after it, heads.json is
   * updated. `fn` must be synchronous: fetch first, then write one page in here.
   * Sealed texts are written (and fsynced) just before the commit; if `fn` throws, none
   * reach the disk, and a crash after writing them but before the commit leaves orphans
   * that are swept later.
   */
  transaction<T>(fn: () => T): T {
    this.live();
    const outermost = !this.ctx.db.inTransaction;
    const heads = outermost ? null : this.chain.snapshot();
    let result: T;
    try {
      const tx = this.ctx.db.transaction(() => {
        const r = fn();
        if (outermost) {
          this.chain.sealPending();
          this.content.flushPending();
        }
        return r;
      });
      if (outermost) {
        this.checkpointer?.beforeTransaction();
        this.chain.beginTransaction();
        this.content.resetTransactionCache();
      }
      // IMMEDIATE: take the write lock up front, so another process's writer makes us wait (busy_timeout) instead of failing mid-way.
      result = outermost ? tx.immediate() : tx();
    } catch (e) {
      if (heads) {
        this.chain.restore(heads);
      } else {
        this.content.discardPending();
        this.chain.invalidate();
      }
      this.ctx.keys.forgetUncommitted();
      this.content.resetTransactionCache();
      throw isOgmaError(e) ? e : sqliteProblem(e, 'writing to the workspace');
    }
    if (outermost) {
      this.content.resetTransactionCache();
      this.publishHeads(this.chain.takeCommitted());
      this.afterCommit();
    }
    return result;
  }

  /** Hands WAL checkpoints to the helper thread once the log has grown past START_WAL_BYTES. */
  private afterCommit(): void {
    if (!this.checkpointer) {
      if (this.checkpointerTried || this.deleting) return;
      let walBytes = 0;
      try {
        walBytes = statSync(`${this.ctx.paths.db}-wal`).size;
      } catch {
        return;
      }
      if (walBytes < START_WAL_BYTES) return;
      this.checkpointerTried = true;
      const dbKey = databaseKey(this.masterKey);
      try {
        this.checkpointer = BackgroundCheckpointer.start(this.ctx.db, this.ctx.paths.db, dbKey);
      } finally {
        wipe(dbKey);
      }
      return;
    }
    this.checkpointer.afterCommit();
    if (this.checkpointer.failed) this.checkpointer = null;
  }

  private publishHeads(cps: StoredCheckpoint[]): void {
    if (cps.length === 0 || !this.heads) return;
    try {
      // Re-read first: another process on this workspace may have moved other heads forward.
      // Unless the file is still the one this handle wrote last (same inode, size and mtime:
      // every writer replaces it by rename), then what is in memory is what is on disk.
      const path = this.ctx.paths.heads;
      const unchanged = this.headsFileId !== null && fileId(path) === this.headsFileId;
      const current = unchanged ? this.heads : (readHeads(path, this.workspaceId) ?? this.heads);
      this.headsFileId = null;
      this.heads = writeHeads(path, current, cps);
      this.headsFileId = fileId(path);
    } catch (e) {
      throw new OgmaError('UNAVAILABLE', `The change was saved, but heads.json could not be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Free disk space; the next change will write it.`, {
        path: 'heads.json',
      });
    }
  }

  /**
   * On open: heads.json may lag the database by the transaction in flight at a crash
   * (then it is brought forward); it must never be ahead of it. A head the database does
   * not hold, or a missing heads.json, means committed data was lost or the file removed:
   * appends are refused so the evidence stays as found, and verification reports it.
   */
  private reconcileHeads(): void {
    const tenants = this.tenants.list();
    if (!this.heads) {
      for (const t of tenants) this.chain.block(t.id, 'heads.json (the newest signed head of every log) is missing');
      return;
    }
    const catchUp: StoredCheckpoint[] = [];
    for (const t of tenants) {
      const head = this.heads.heads[t.id];
      if (head) {
        const held = sql(this.db, 'SELECT 1 FROM checkpoints WHERE tenant_id = ? AND size = ? AND note = ?').get(t.id, head.size, head.note);
        if (!held) {
          this.chain.block(t.id, `the newest signed head of tenant "${t.id}" in heads.json (size ${head.size}) is not in the database (committed transactions were lost)`);
          continue;
        }
      }
      const latest = this.chain.latestCheckpoint(t.id);
      if (latest && (!head || latest.size > head.size)) catchUp.push(latest);
      if (t.shredded) this.chain.close(t.id, new OgmaError('DELETED', `Tenant "${t.id}" was shredded on ${t.shredded.at.slice(0, 10)} by ${t.shredded.by}, record #${t.shredded.recordSeq}; its log is closed.`));
    }
    this.publishHeads(catchUp);
  }

  /** Appends one record in its own transaction (or the caller's, when inside one). */
  appendRecord(tenantId: string, type: RecordType, body: RecordBody, actor: string = this.member.name): AppendedRecord {
    return this.transaction(() => this.chain.append(tenantId, type, body, actor));
  }

  /** Signs and stores a checkpoint now (transactions already end with one when they appended). */
  checkpoint(tenantId: string): StoredCheckpoint {
    return this.transaction(() => this.chain.checkpoint(tenantId));
  }

  /**
   * Signs exports for the tenant: only the export-signature message over a digest (a domain
   * tag no checkpoint can carry), so the private key itself never leaves the vault.
   */
  exportSigner(tenantId: string): ExportSigner {
    this.live();
    return keyExportSigner(this.ctx.keys.signer(tenantId));
  }

  // --- members -----------------------------------------------------------------------

  /** Adds a member with a passphrase keyslot. The keyslot is written first; a crash before the member record leaves a slot that cannot open anything. */
  async addMember(input: { name: string; role: Role; passphrase: string }): Promise<Member> {
    this.live();
    checkMemberName(input.name);
    if (input.role !== 'admin' && input.role !== 'viewer') throw new OgmaError('VALIDATION_FAILED', `Role must be "admin" or "viewer", not "${String(input.role)}".`, { field: 'role' });
    if (this.members.byName(input.name)) throw new OgmaError('ALREADY_EXISTS', `A member named "${input.name}" already exists.`, { field: 'name' });
    const owner = { memberId: newId('m', this.ctx.random, 8), memberName: input.name, role: input.role };
    const slot = await makePassphraseSlot(this.workspaceId, owner, this.masterKey, input.passphrase, this.manifest.kdf, stamp(this.ctx.clock), this.ctx.random);
    const file = readKeyslots(this.dir);
    // A slot of the same name without a member row is a leftover of an interrupted add.
    const kept = file.slots.filter((s) => s.memberName !== input.name || this.members.get(s.memberId) !== null);
    writeKeyslots(this.dir, { version: 1, slots: [...kept, slot] });
    return this.transaction(() => this.members.insert({ id: owner.memberId, name: owner.memberName, role: owner.role }, this.member.name));
  }

  /** Lets the opening member unlock with the OS keychain too (the passphrase slot stays as recovery). */
  async addKeychainSlot(protector: KeychainProtector): Promise<void> {
    this.live();
    const owner = { memberId: this.member.id, memberName: this.member.name, role: this.member.role };
    const slot = await makeKeychainSlot(this.workspaceId, owner, this.masterKey, protector, stamp(this.ctx.clock), this.ctx.random);
    const file = readKeyslots(this.dir);
    writeKeyslots(this.dir, { version: 1, slots: [...file.slots.filter((s) => !(s.kind === 'keychain' && s.memberId === owner.memberId)), slot] });
  }

  name(): string {
    const row = sql(this.db, `SELECT value FROM workspace_meta WHERE key = 'name'`).get() as { value: string } | undefined;
    return row?.value ?? '';
  }

  // --- content -----------------------------------------------------------------------

  captureMessage(input: CaptureMessageInput, actor: string = this.member.name): CapturedMessage {
    return this.transaction(() => this.content.captureMessage(input, actor));
  }

  getMessageText(tenantId: string, messageId: string): MessageText | DeletedContent {
    this.live();
    return this.content.getMessageText(tenantId, messageId);
  }

  /** Live messages whose text matches every word of `query`. */
  searchMessages(query: string, opts: { tenantId?: string; limit?: number } = {}): { tenantId: string; messageId: string; chatId: string }[] {
    this.live();
    const limit = Math.min(Math.max(opts.limit ?? 50, 1), 1000);
    const rowids = this.search.match(query, limit * 2);
    if (rowids.length === 0) return [];
    const get = sql(this.db, 'SELECT tenant_id AS tenantId, id AS messageId, chat_id AS chatId FROM messages WHERE rowid = ? AND deleted_at IS NULL');
    const out: { tenantId: string; messageId: string; chatId: string }[] = [];
    for (const r of rowids) {
      const m = get.get(r) as { tenantId: string; messageId: string; chatId: string } | undefined;
      if (m && (opts.tenantId === undefined || m.tenantId === opts.tenantId)) out.push(m);
      if (out.length >= limit) break;
    }
    return out;
  }

  // --- deletion ----------------------------------------------------------------------

  deleteChat(tenantId: string, chatId: string, actor: string = this.member.name): Omit<Deleted, 'afterCommit'> {
    return this.runDeletion(() => this.deletions.deleteChat(tenantId, chatId, actor));
  }

  eraseSubject(tenantId: string, userId: string, actor: string = this.member.name): Omit<Deleted, 'afterCommit'> {
    return this.runDeletion(() => this.deletions.eraseSubject(tenantId, userId, actor));
  }

  shredTenant(tenantId: string, actor: string = this.member.name): Omit<Deleted, 'afterCommit'> {
    return this.runDeletion(() => this.deletions.shredTenant(tenantId, actor));
  }

  private runDeletion(fn: () => Deleted): Omit<Deleted, 'afterCommit'> {
    if (this.db.inTransaction) throw new OgmaError('INTERNAL', 'Deletions run in their own transaction, so files are removed only after the deletion committed.');
    // The deletion's own TRUNCATE checkpoint must not meet the helper's.
    this.checkpointer?.pause();
    this.deleting = true;
    try {
      const d = this.transaction(fn);
      d.afterCommit();
      return { kind: d.kind, recordSeq: d.recordSeq, messages: d.messages };
    } finally {
      this.deleting = false;
      this.checkpointer?.resume();
    }
  }

  // --- verification ------------------------------------------------------------------

  verify(opts: VerifyOptions & { tenantId?: string }): VerifyReport {
    this.live();
    const workspace: WorkspaceProblem[] = [];
    if (!this.heads) {
      workspace.push({ code: 'head_missing', message: 'heads.json is missing: the newest signed head of each log is gone, so removal of the newest records cannot be ruled out. Restore it from a copy of the workspace.', path: 'heads.json' });
    }
    let tenants: TenantInfo[];
    try {
      tenants = opts.tenantId ? [this.tenants.get(opts.tenantId)] : this.tenants.list();
    } catch (e) {
      if (isOgmaError(e) && e.code === 'NOT_FOUND') throw e;
      const err = sqliteProblem(e, 'listing tenants');
      return { ok: false, mode: opts.mode, tenants: [], workspace: [...workspace, { code: 'database_damaged', message: err.message, path: 'vault.db' }] };
    }
    // Worker threads for large logs, started on first need and stopped after this run; none when they cannot start.
    let pool: LeafHashPool | null | undefined;
    const workers = () => {
      if (pool === undefined) {
        try {
          pool = new LeafHashPool();
        } catch {
          pool = null;
        }
      }
      return pool;
    };
    let verdicts: TenantVerdict[];
    try {
      verdicts = tenants.map((t) => verifyTenant(this.ctx, this.chain, this.content, t, this.heads, opts, workers));
    } finally {
      pool?.close();
    }
    if (opts.mode === 'full') {
      // Pages no record read (indexes, other tables) are checked here; a flipped byte in any used page fails its HMAC.
      try {
        const rows = this.db.pragma('quick_check') as { quick_check: string }[];
        const bad = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
        if (bad.length > 0) workspace.push({ code: 'database_damaged', message: `The database's structure check failed: ${bad.slice(0, 3).join('; ')}.`, path: 'vault.db' });
      } catch (e) {
        workspace.push({ code: 'database_damaged', message: sqliteProblem(e, 'checking every page').message, path: 'vault.db' });
      }
    }
    return { ok: workspace.length === 0 && verdicts.every((v) => v.ok), mode: opts.mode, tenants: verdicts, workspace };
  }

  // --- housekeeping ------------------------------------------------------------------

  /**
   * Removes blob files no live message refers to: files of committed deletions whose
   * removal a crash interrupted (always), and files of transactions that rolled back or
   * crashed before commit (only once older than `minAgeMs`, so another process's
   * transaction in flight keeps its new files).
   */
  sweepBlobs(minAgeMs = 0): number {
    try {
      const live = new Set(sql(this.db, 'SELECT blob_path FROM messages WHERE deleted_at IS NULL AND blob_path IS NOT NULL', { pluck: true }).all() as string[]);
      const deleted = new Set(sql(this.db, 'SELECT DISTINCT blob_path FROM messages WHERE deleted_at IS NOT NULL AND blob_path IS NOT NULL', { pluck: true }).all() as string[]);
      const cutoff = Date.now() - minAgeMs;
      const young = (rel: string) => statSync(join(this.ctx.paths.blobs, ...rel.split('/'))).mtimeMs > cutoff;
      return this.ctx.blobs.sweep((rel) => live.has(rel) || (!deleted.has(rel) && young(rel)));
    } catch {
      return 0; // a damaged database is verification's to report, not the sweeper's
    }
  }
}

/** Identity of a file's current version: inode, size and mtime (ns); null when it cannot be read. */
function fileId(path: string): string | null {
  try {
    const st = statSync(path, { bigint: true });
    return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}`;
  } catch {
    return null;
  }
}
