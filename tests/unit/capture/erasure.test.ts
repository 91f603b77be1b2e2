import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalize, type JsonValue } from '../../../electron/core/chain';
import { captureErasure, ERASED_BODY, ERASED_VALUE } from '../../../electron/core/capture';
import { Vault, type SubjectDataEraser } from '../../../electron/core/vault';

/**
 * The capture tables' eraser on hand-made rows, one per way a vendor object can name a
 * person: as actor, as target of someone else's action, by email only, by the other
 * vendor's id only (found through an email), by full name, by an IP address only; and rows
 * that must stay as they are (another person, an address that merely contains theirs).
 */

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function vaultWith(erasers: readonly SubjectDataEraser[]): Promise<{ vault: Vault; tenantId: string }> {
  const d = mkdtempSync(join(tmpdir(), 'ogma-erasure-unit-'));
  dirs.push(d);
  const vault = await Vault.create({ dir: join(d, 'case.ogma'), name: 'Case', admin: { name: 'alice', passphrase: 'alice passphrase 1' }, kdf: { N: 1024, r: 8, p: 1 } }, { erasers });
  const tenantId = vault.transaction(() => vault.tenants.create({ vendor: 'anthropic', name: 'Acme' }, 'alice')).id;
  return { vault, tenantId };
}

const ERIN = { id: 'user_erin01', email: 'Erin.Kim@acme.example', name: 'Erin Kim', ip: '203.0.113.7', openaiId: 'user-OpenAiErin' };
const SAM = { id: 'user_sam002', email: 'sam@acme.example', ip: '198.51.100.9' };

const activities: Record<string, JsonValue> = {
  a_actor: { id: 'a_actor', type: 'sso_login_succeeded', actor: { type: 'user_actor', user_id: ERIN.id, email_address: ERIN.email, ip_address: ERIN.ip, user_agent: 'UA' } },
  a_target: { id: 'a_target', type: 'org_user_deleted', actor: { type: 'user_actor', user_id: SAM.id, email_address: SAM.email, ip_address: SAM.ip }, user_id: ERIN.id },
  a_email_only: { id: 'a_email_only', type: 'sso_login_initiated', actor: { type: 'unauthenticated_user_actor', unauthenticated_email_address: 'erin.kim@ACME.example', ip_address: '192.0.2.44' } },
  a_ip_only: { id: 'a_ip_only', type: 'sso_login_initiated', actor: { type: 'unauthenticated_user_actor', unauthenticated_email_address: null, ip_address: '192.0.2.44', ip_address_details: { city: 'Springfield' } } },
  a_sam: { id: 'a_sam', type: 'sso_login_succeeded', actor: { type: 'user_actor', user_id: SAM.id, email_address: SAM.email, ip_address: SAM.ip } },
  a_lookalike: { id: 'a_lookalike', type: 'invite_sent', actor: { type: 'user_actor', user_id: SAM.id, email_address: SAM.email, ip_address: SAM.ip }, invited: 'xerin.kim@acme.example.org' },
  a_named: { id: 'a_named', type: 'group_member_added', actor: { type: 'scim_directory_sync_actor' }, member_name: 'erin kim' },
  a_prose: { id: 'a_prose', type: 'note', actor: { type: 'system_actor' }, text: 'Forwarded to Erin.Kim@acme.example.' },
};
const audit: Record<string, JsonValue> = {
  e_session: { id: 'e_session', type: 'login.succeeded', actor: { type: 'session', session: { user: { id: ERIN.openaiId, email: ERIN.email }, ip_address: '203.0.113.99', ip_address_details: { city: 'Berlin' } } } },
  e_target_only: { id: 'e_target_only', type: 'tenant.user.added', actor: null, 'tenant.user.added': { id: ERIN.openaiId } },
  e_other: { id: 'e_other', type: 'login.succeeded', actor: { type: 'session', session: { user: { id: 'user-OpenAiSam', email: SAM.email }, ip_address: '203.0.113.99' } } },
};
const bucket: JsonValue = { starting_at: '2026-10-01T00:00:00Z', results: [{ actor: { email_address: ERIN.email }, sessions: 3 }, { actor: { email_address: SAM.email }, sessions: 5 }] };

const digest = (json: string) => createHash('sha256').update(json).digest('hex');

function seed(vault: Vault, tenantId: string): void {
  vault.transaction(() => {
    const db = vault.db;
    vault.content.captureMessage({ tenantId, chatId: 'chat_e', messageId: 'm_e', userId: ERIN.id, role: 'user', text: 'hello from Erin' }, 'alice');
    vault.content.captureMessage({ tenantId, chatId: 'chat_s', messageId: 'm_s', userId: SAM.id, role: 'user', text: 'hello from Sam' }, 'alice');
    const user = db.prepare(`INSERT INTO capture_users (tenant_id, org_uuid, id, email, full_name, role, created_at, first_seen_at, last_seen_run) VALUES (?, 'org1', ?, ?, ?, 'user', '2026-01-01', '2026-10-01', 'run1')`);
    user.run(tenantId, ERIN.id, ERIN.email, ERIN.name);
    user.run(tenantId, SAM.id, SAM.email, 'Sam Lee');
    const chat = db.prepare(`INSERT INTO capture_chats (tenant_id, id, org_uuid, user_id, created_at, updated_at, messages, first_run, last_run) VALUES (?, ?, 'org1', ?, '2026-09-01', '2026-09-02', 1, 'run1', 'run1')`);
    chat.run(tenantId, 'chat_e', ERIN.id);
    chat.run(tenantId, 'chat_s', SAM.id);
    const msg = db.prepare(`INSERT INTO capture_messages (tenant_id, id, chat_id, status, vault_id, version, first_run) VALUES (?, ?, ?, 'text', ?, 1, 'run1')`);
    msg.run(tenantId, 'm_e', 'chat_e', 'm_e');
    msg.run(tenantId, 'm_s', 'chat_s', 'm_s');
    for (const [id, v] of Object.entries(activities)) {
      const json = canonicalize(v);
      db.prepare(`INSERT INTO capture_activities (tenant_id, id, created_at, type, body, digest, record_seq) VALUES (?, ?, '2026-09-01T00:00:00Z', 't', ?, ?, 1)`).run(tenantId, id, json, digest(json));
    }
    for (const [id, v] of Object.entries(audit)) {
      const json = canonicalize(v);
      db.prepare(`INSERT INTO capture_audit_events (tenant_id, id, effective_at, type, body, digest, record_seq) VALUES (?, ?, 1, 't', ?, ?, 1)`).run(tenantId, id, json, digest(json));
    }
    const json = canonicalize(bucket);
    db.prepare(`INSERT INTO capture_buckets (tenant_id, report, bucket, ending_at, body, digest, version, record_seq) VALUES (?, 'r', 'b', 'e', ?, ?, 1, 1)`).run(tenantId, json, digest(json));
  });
}

describe('captureErasure', () => {
  it('given every way a row can name a member, when they are erased, then exactly those rows and values are redacted, each pointing at the erasure record', async () => {
    const { vault, tenantId } = await vaultWith([captureErasure]);
    seed(vault, tenantId);
    const { recordSeq } = vault.eraseSubject(tenantId, ERIN.id);
    const db = vault.db;
    const body = (table: string, id: string) => db.prepare(`SELECT body, erased_seq FROM ${table} WHERE tenant_id = ? AND id = ?`).get(tenantId, id) as { body: string; erased_seq: number | null };

    for (const id of ['a_actor', 'a_target', 'a_email_only', 'a_named', 'a_prose']) expect(body('capture_activities', id), id).toEqual({ body: ERASED_BODY, erased_seq: recordSeq });
    // Only the address a login from theirs used is removed; the rest of the row stays.
    const ipOnly = JSON.parse(body('capture_activities', 'a_ip_only').body);
    expect(ipOnly.actor).toMatchObject({ ip_address: ERASED_VALUE, ip_address_details: null, type: 'unauthenticated_user_actor' });
    expect(body('capture_activities', 'a_ip_only').erased_seq).toBe(recordSeq);
    // The other member's own rows stay (a_target, where Sam acted on Erin's account, names Erin and went whole).
    for (const id of ['a_sam', 'a_lookalike']) expect(body('capture_activities', id), id).toEqual({ body: canonicalize(activities[id]!), erased_seq: null });
    // OpenAI: the session row found by email gives the OpenAI id, which finds the row naming only that id.
    expect(body('capture_audit_events', 'e_session')).toEqual({ body: ERASED_BODY, erased_seq: recordSeq });
    expect(body('capture_audit_events', 'e_target_only')).toEqual({ body: ERASED_BODY, erased_seq: recordSeq });
    // Sam's session shared Erin's OpenAI session address: only that value goes.
    const other = JSON.parse(body('capture_audit_events', 'e_other').body);
    expect(other.actor.session).toEqual({ user: { id: 'user-OpenAiSam', email: SAM.email }, ip_address: ERASED_VALUE });
    // Buckets aggregate many people: only Erin's value goes.
    const b = db.prepare('SELECT body, erased_seq FROM capture_buckets WHERE tenant_id = ?').get(tenantId) as { body: string; erased_seq: number };
    expect(JSON.parse(b.body).results).toEqual([{ actor: { email_address: ERASED_VALUE }, sessions: 3 }, { actor: { email_address: SAM.email }, sessions: 5 }]);
    expect(b.erased_seq).toBe(recordSeq);
    // Sam's IP, seen beside Erin's id in a_target, is not Erin's: it stays wherever else it was.
    expect(JSON.parse(body('capture_activities', 'a_sam').body).actor.ip_address).toBe(SAM.ip);

    // Directory, chats, message states.
    expect(db.prepare('SELECT id FROM capture_users WHERE tenant_id = ?').pluck().all(tenantId)).toEqual([SAM.id]);
    expect(db.prepare('SELECT id, created_at, updated_at, messages, erased_seq FROM capture_chats WHERE tenant_id = ? ORDER BY id').all(tenantId)).toEqual([
      { id: 'chat_e', created_at: null, updated_at: null, messages: 1, erased_seq: recordSeq },
      { id: 'chat_s', created_at: '2026-09-01', updated_at: '2026-09-02', messages: 1, erased_seq: null },
    ]);
    expect(db.prepare('SELECT id, status FROM capture_messages WHERE tenant_id = ? ORDER BY id').all(tenantId)).toEqual([
      { id: 'm_e', status: 'withheld' },
      { id: 'm_s', status: 'text' },
    ]);
    // Digests are untouched: they are what the records attest.
    for (const [id, v] of Object.entries(activities)) {
      expect(db.prepare('SELECT digest FROM capture_activities WHERE tenant_id = ? AND id = ?').pluck().get(tenantId, id)).toBe(digest(canonicalize(v)));
    }
    expect(vault.verify({ mode: 'full' }).ok).toBe(true);
    vault.close();
  });

  it('given capture rows of the tenant and a vault opened without the capture eraser, then erasure and shredding are refused and nothing is erased', async () => {
    const { vault, tenantId } = await vaultWith([]);
    seed(vault, tenantId);
    const size = vault.chain.head(tenantId).size;
    expect(() => vault.eraseSubject(tenantId, ERIN.id)).toThrow(/capture_activities.*no eraser removes/);
    expect(() => vault.shredTenant(tenantId)).toThrow(/no eraser removes/);
    expect(vault.chain.head(tenantId).size).toBe(size);
    expect(vault.tenants.findSubject(tenantId, ERIN.id)?.erased).toBeNull();
    expect(vault.db.prepare('SELECT count(*) FROM capture_users WHERE tenant_id = ?').pluck().get(tenantId)).toBe(2);
    vault.close();
  });

  it('when the tenant is shredded, then its capture rows that can hold personal data are gone', async () => {
    const { vault, tenantId } = await vaultWith([captureErasure]);
    seed(vault, tenantId);
    vault.shredTenant(tenantId);
    for (const t of ['capture_users', 'capture_chats', 'capture_messages', 'capture_activities', 'capture_audit_events', 'capture_buckets']) {
      expect(vault.db.prepare(`SELECT count(*) FROM ${t} WHERE tenant_id = ?`).pluck().get(tenantId), t).toBe(0);
    }
    expect(vault.verify({ mode: 'full' }).ok).toBe(true);
    vault.close();
  });
});
