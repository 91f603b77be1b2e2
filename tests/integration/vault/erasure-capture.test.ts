import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERASED_BODY } from '../../../electron/core/capture';
import type { GroundTruth, OrgTruth, UserTruth } from '../../../electron/core/sim';
import type { WorkspaceService } from '../../../electron/services/workspace';
import { allFiles, copyWorkspace, databaseKeyOf } from '../../unit/vault/fixtures';
import { cleanup, connect, control, countingFetch, newWorkspace, pull, recordsOf, startSim, type Sim, connectAllKeys } from '../capture/helpers';
import { decryptDatabaseFile, decryptWalFile } from './sqlcipher-pages';

/**
 * Erasure after a real capture from the simulator (Compliance, Admin and OpenAI keys):
 * erasing one member must leave none of their email address, full name, IP addresses or
 * message texts in any byte of the workspace folder read with every key it still holds
 * (each page of vault.db and each WAL frame decrypted, every remaining blob opened, every
 * file's raw bytes), while another member's are all still there and the chain verifies.
 * The same scan before erasure finds every one of them (the method sees what is there).
 * Shredding the tenant must leave none of any member's.
 *
 * Where the truth comes from: the simulator's ground truth (members, chats, texts) and its
 * world (the Activity Feed's actors with their IP addresses, the OpenAI audit log's
 * sessions). A needle may legitimately remain in one place only: the opened text of another
 * member's message that mentions it (their content, sealed under their key).
 */

interface Person {
  user: UserTruth;
  texts: string[];
  chatIds: string[];
  ips: string[];
}

let sim: Sim;
let ws: WorkspaceService;
let tenantId: string;
let dbKey: Buffer;
let erased: Person;
let kept: Person;
let people: Person[];

function personOf(truth: GroundTruth, user: UserTruth): Person {
  const t = truth.tenants.find((x) => x.plan === 'enterprise')!;
  const chats = (t.orgs ?? []).flatMap((o: OrgTruth) => o.chats).filter((c) => c.userId === user.id);
  const world = sim.world.tenants.find((x) => x.key === t.key)!;
  const ips = new Set<string>();
  for (let i = 0; i < world.activities.length; i++) {
    const a = world.activities.at(i);
    const actor = a.actor as { ip_address?: string; user_id?: string; email_address?: string; unauthenticated_email_address?: string };
    if ((a.actorUserId === user.id || actor.unauthenticated_email_address === user.email) && actor.ip_address) ips.add(actor.ip_address);
  }
  for (const e of world.openai?.auditEvents ?? []) {
    const ip = (e.actor as { session?: { ip_address?: string } } | null)?.session?.ip_address;
    if (e.actorEmail === user.email && ip) ips.add(ip);
  }
  return {
    user,
    chatIds: chats.map((c) => c.id),
    texts: chats.flatMap((c) => (c.messages ?? []).filter((m) => m.hasText && m.text).map((m) => m.text!)),
    ips: [...ips],
  };
}

interface Scan {
  decrypted: Buffer;
  raw: Map<string, Buffer>;
  blobTexts: string[];
}

function scanFolder(folder: string): Scan {
  const raw = allFiles(folder);
  const db = raw.get('vault.db')!;
  const pages = decryptDatabaseFile(db, dbKey);
  expect(pages.badHmac, 'every database page authenticates under the key').toEqual([]);
  const parts = [pages.plaintext];
  const wal = raw.get('vault.db-wal');
  if (wal && wal.length > 0) {
    const frames = decryptWalFile(wal, db, dbKey);
    expect(frames.badHmac).toEqual([]);
    parts.push(frames.plaintext);
  }
  const v = ws.vault;
  const blobTexts: string[] = [];
  for (const row of v.db.prepare('SELECT * FROM messages WHERE blob_path IS NOT NULL').all() as Parameters<typeof v.content.openText>[0][]) {
    if (existsSync(join(folder, 'blobs', row.blob_path!))) blobTexts.push(v.content.openText(row));
  }
  return { decrypted: Buffer.concat(parts), raw, blobTexts };
}

/** Where `needle` is: decrypted pages and frames, raw files (both case-sensitively and, for email addresses, lowercased), opened blobs. */
function where(scan: Scan, needle: string): string[] {
  const forms = [...new Set([needle, needle.toLowerCase()])].map((f) => Buffer.from(f));
  const out: string[] = [];
  if (forms.some((f) => scan.decrypted.includes(f))) out.push('decrypted vault.db/WAL');
  for (const [path, bytes] of scan.raw) if (forms.some((f) => bytes.includes(f))) out.push(path);
  if (scan.blobTexts.some((t) => t.includes(needle))) out.push('an opened blob');
  return out;
}

/** The needles of a person: what must be gone after their erasure (an IP address only as a JSON string, so 10.0.0.1 is not found inside 10.0.0.12). */
function needles(p: Person): { what: string; needle: string }[] {
  return [
    { what: 'email', needle: p.user.email },
    { what: 'name', needle: p.user.fullName },
    ...p.ips.map((ip) => ({ what: 'ip', needle: JSON.stringify(ip) })),
    ...p.texts.map((t, i) => ({ what: `text ${i}`, needle: t })),
  ];
}

/** After erasure: nowhere, except in the opened text of someone else's message that mentions it. */
function expectGone(scan: Scan, p: Person, others: Person[]): void {
  for (const { what, needle } of needles(p)) {
    const mentionedByOthers = others.some((o) => o.texts.some((t) => t.includes(needle)));
    const found = where(scan, needle).filter((w) => !(mentionedByOthers && w === 'an opened blob'));
    expect(found, `${p.user.id} ${what} (${needle.slice(0, 40)})`).toEqual([]);
  }
}

function expectPresent(scan: Scan, p: Person): void {
  for (const { what, needle } of needles(p)) expect(where(scan, needle), `${p.user.id} ${what} (${needle.slice(0, 40)})`).not.toEqual([]);
}

beforeAll(async () => {
  sim = await startSim({ seed: 'ogma-erasure' });
  ws = await newWorkspace();
  tenantId = await connectAllKeys(ws, sim);
  expect((await pull(ws, tenantId)).status).toBe('complete');
  dbKey = await databaseKeyOf(ws.vault.dir);
  const truth = (await control(sim, 'GET', '/truth?detail=text')) as GroundTruth;
  const t = truth.tenants.find((x) => x.plan === 'enterprise')!;
  const users = (t.orgs ?? []).flatMap((o) => o.users);
  people = users.map((u) => personOf(truth, u));
  // Members with captured text, IP addresses and a name and email no one else has; prefer one the OpenAI audit log knows by email too.
  const openaiEmails = new Set((sim.world.tenants.find((x) => x.key === t.key)!.openai?.auditEvents ?? []).map((e) => e.actorEmail));
  const unique = (p: Person) => users.filter((u) => u.fullName === p.user.fullName || u.email === p.user.email).length === 1;
  const candidates = people.filter((p) => p.texts.length > 0 && p.ips.length > 0 && unique(p));
  expect(candidates.length).toBeGreaterThanOrEqual(2);
  erased = candidates.find((p) => openaiEmails.has(p.user.email)) ?? candidates[0]!;
  kept = candidates.find((p) => p !== erased)!;
  // The erased member is known to the OpenAI audit log by email (so the cross-vendor path is exercised) and has IP addresses of their own.
  expect(openaiEmails.has(erased.user.email)).toBe(true);
});
afterAll(async () => {
  ws?.closeWorkspace();
  await sim?.close();
  cleanup();
});

describe('erasing a data subject after a real capture', () => {
  it('given the captured workspace, then the scan finds both members email, name, IP addresses and texts', () => {
    const scan = scanFolder(copyWorkspace(ws.vault.dir));
    expectPresent(scan, erased);
    expectPresent(scan, kept);
  });

  it('when one member is erased, then no byte of the folder holds their email, name, IP addresses or texts, the other member is intact and the chain verifies', () => {
    const activityDigests = new Map(recordsOf(ws, tenantId, 'activity_captured').map((r) => [r.body.activityId as string, r.body.digest as string]));
    const r = ws.eraseSubject(tenantId, erased.user.id);
    expect(r.kind).toBe('subject_erased');
    const scan = scanFolder(copyWorkspace(ws.vault.dir));
    expectGone(scan, erased, people.filter((p) => p !== erased));
    expectPresent(scan, kept);
    expect(ws.verifyChain({ mode: 'full' }).ok).toBe(true);

    const db = ws.vault.db;
    // The directory forgets them; their chats keep ids and counts, flagged by the erasure record.
    expect(db.prepare('SELECT count(*) FROM capture_users WHERE tenant_id = ? AND id = ?').pluck().get(tenantId, erased.user.id)).toBe(0);
    const chats = db.prepare('SELECT id, created_at, updated_at, erased_seq FROM capture_chats WHERE tenant_id = ? AND user_id = ?').all(tenantId, erased.user.id) as Array<{
      id: string;
      created_at: string | null;
      updated_at: string | null;
      erased_seq: number | null;
    }>;
    expect(chats.map((c) => c.id).sort()).toEqual([...erased.chatIds].sort());
    for (const c of chats) expect(c).toMatchObject({ created_at: null, updated_at: null, erased_seq: r.recordSeq });
    // Evidence rows stay consistent with their records: the digest is the record's; a body
    // that no longer hashes to it was redacted by the erasure record, every other one does.
    const rows = db.prepare('SELECT id, body, digest, erased_seq FROM capture_activities WHERE tenant_id = ?').all(tenantId) as Array<{ id: string; body: string; digest: string; erased_seq: number | null }>;
    const redacted = rows.filter((x) => x.erased_seq !== null);
    expect(redacted.length).toBeGreaterThan(0);
    expect(rows.filter((x) => x.body === ERASED_BODY).length).toBeGreaterThan(0);
    for (const x of rows) {
      expect(x.digest).toBe(activityDigests.get(x.id));
      if (x.erased_seq === null) expect(createHash('sha256').update(x.body).digest('hex')).toBe(x.digest);
      else expect(x.erased_seq).toBe(r.recordSeq);
    }
    expect(ws.vault.chain.record(tenantId, r.recordSeq)).toMatchObject({ type: 'subject_erased', body: { userId: erased.user.id } });
  });

  it('when they chat on upstream and the tenant is pulled again, then nothing of theirs is fetched or stored again (directory, chats) and the rest still verifies', async () => {
    const before = recordsOf(ws, tenantId, 'message_captured').length;
    sim.clock.advance(60_000);
    const more = 'Erased member writes again: zqx-after-erasure-1';
    await control(sim, 'POST', `/chats/${erased.chatIds[0]}/messages`, { role: 'user', text: more });
    const fresh = await control(sim, 'POST', '/chats', { userId: erased.user.id, name: 'After erasure', messages: [{ role: 'user', text: 'A new chat: zqx-after-erasure-2' }] });
    sim.clock.advance(3_600_000);
    const f = countingFetch();
    expect((await pull(ws, tenantId, { fetch: f.fetch })).status).toBe('complete');
    for (const id of [...erased.chatIds, fresh.id as string]) expect(f.paths.filter((p) => p.includes(id)), `requests for chat ${id}`).toEqual([]);
    erased.texts.push(more, 'A new chat: zqx-after-erasure-2');
    const captured = recordsOf(ws, tenantId, 'message_captured').slice(before);
    expect(captured.filter((m) => m.body.userId === erased.user.id)).toEqual([]);
    const chats = ws.vault.db.prepare('SELECT updated_at, erased_seq FROM capture_chats WHERE tenant_id = ? AND user_id = ?').all(tenantId, erased.user.id) as Array<{ updated_at: string | null; erased_seq: number | null }>;
    for (const c of chats) expect(c).toMatchObject({ updated_at: null, erased_seq: expect.any(Number) });
    const scan = scanFolder(copyWorkspace(ws.vault.dir));
    expectGone(scan, erased, people.filter((p) => p !== erased));
    expectPresent(scan, kept);
    expect(ws.verifyChain({ mode: 'full' }).ok).toBe(true);
  });
});

describe('shredding a tenant after a real capture', () => {
  it('then no byte of the folder holds any member email, name, IP address or text, and the logs still verify', async () => {
    const other = await newWorkspace();
    try {
      const t = (await connect(other, sim, 'anthropic-compliance', sim.keys.complianceFull)).tenantId;
      await connect(other, sim, 'openai', sim.keys.openaiAdmin);
      expect((await pull(other, t)).status).toBe('complete');
      const prev = { ws, dbKey };
      ws = other; // scanFolder reads through these
      dbKey = await databaseKeyOf(other.vault.dir);
      try {
        expectPresent(scanFolder(copyWorkspace(other.vault.dir)), kept);
        other.shredTenant(t);
        const scan = scanFolder(copyWorkspace(other.vault.dir));
        for (const p of people) expectGone(scan, p, []);
        for (const table of ['capture_users', 'capture_chats', 'capture_messages', 'capture_activities', 'capture_audit_events', 'capture_buckets']) {
          expect(other.vault.db.prepare(`SELECT count(*) FROM ${table} WHERE tenant_id = ?`).pluck().get(t), table).toBe(0);
        }
        expect(other.verifyChain({ mode: 'full' }).ok).toBe(true);
      } finally {
        ({ ws, dbKey } = prev);
      }
    } finally {
      other.closeWorkspace();
    }
  });
});
