import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_TYPES } from '../../../electron/core/chain';
import { PII_KINDS } from '../../../electron/core/pii';
import { WORKSPACE_TENANT } from '../../../electron/core/vault';
import { PII_KIND_NAMES, RECORD_TYPE_NAMES } from '../../../shared/api/review-schemas';
import { allPages, asViewer, closeWorld, expectNoneOf, failed, ok, pulledWorld, truthPii, truthTextMessages, type World } from './helpers';

/**
 * audit.records: every chain record of the workspace, newest first, filtered by tenant,
 * type, actor and time, each with a summary line for people that never carries message
 * text, and the body as recorded.
 */

let w: World;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let everything: any[];

function allRecords() {
  const v = w.app.services.workspace.vault;
  return v.tenants.list().flatMap((t) => [...v.chain.records(t.id)].map((r) => ({ tenantId: t.id, ...(JSON.parse(r.bytes.toString('utf8')) as { seq: number; type: string; at: string; actor: string; body: Record<string, unknown> }) })));
}

beforeAll(async () => {
  w = await pulledWorld();
  const m = truthTextMessages(w.truth)[0]!;
  ok(await w.app.call('content.reveal', { tenantId: w.tenantId, messageId: m.id, reason: 'case 7 review' }));
  const viewer = await asViewer(w);
  await viewer.call('content.reveal', { tenantId: w.tenantId, messageId: m.id, reason: 'curious' });
  await viewer.services.dispose();
  everything = (await allPages(w.app.call, 'audit.records', {}, (v) => v.rows, 500)).rows;
});
afterAll(() => closeWorld(w));

const key = (r: { tenantId: string; seq: number }) => `${r.tenantId}#${r.seq}`;

describe('the audit log', () => {
  it('lists every record of every log, newest first, with the body as recorded', () => {
    const stored = allRecords();
    expect(everything.map(key).sort()).toEqual(stored.map(key).sort());
    for (let i = 1; i < everything.length; i++) expect(everything[i - 1].at >= everything[i].at).toBe(true);
    for (const r of everything.slice(0, 50)) {
      const s = stored.find((x) => key(x) === key(r))!;
      expect(r).toMatchObject({ type: s.type, at: s.at, actor: s.actor, body: s.body });
      expect(r.summary.length).toBeGreaterThan(5);
    }
    expect(new Set(everything.map((r) => r.tenantId))).toEqual(new Set([w.tenantId, WORKSPACE_TENANT]));
  });

  it('summarises without message text or planted PII', () => {
    const texts = truthTextMessages(w.truth).map((m) => m.text!).filter((t) => t.length >= 24).map((t) => t.slice(0, 24));
    expectNoneOf(everything.map((r) => r.summary), [...texts, ...truthPii(w.truth).map((p) => p.value)], 'audit summaries');
    const captured = everything.find((r) => r.type === 'message_captured');
    expect(captured.summary).toMatch(/^Captured (user|assistant) message \S+ of chat \S+$/);
    expect(captured.body).not.toHaveProperty('text');
    expect(everything.find((r) => r.type === 'pull_completed').summary).toMatch(/^Pull complete: \d+ messages captured/);
  });

  it('filters by type, tenant, actor and time range, and pages', async () => {
    const cases: Array<[Record<string, unknown>, (r: (typeof everything)[number]) => boolean]> = [
      [{ types: ['pii_revealed'] }, (r) => r.type === 'pii_revealed'],
      [{ types: ['reveal_refused', 'member_added'] }, (r) => r.type === 'reveal_refused' || r.type === 'member_added'],
      [{ types: ['message_captured'], tenantId: w.tenantId }, (r) => r.type === 'message_captured' && r.tenantId === w.tenantId],
      [{ tenantId: WORKSPACE_TENANT }, (r) => r.tenantId === WORKSPACE_TENANT],
      [{ actor: 'victor' }, (r) => r.actor === 'victor'],
      [{ actor: 'alice', types: ['pii_revealed'] }, (r) => r.actor === 'alice' && r.type === 'pii_revealed'],
    ];
    const times = everything.map((r) => r.at as string).sort();
    const mid = times[Math.floor(times.length / 2)]!;
    cases.push([{ range: { from: mid } }, (r) => r.at.slice(0, 19) >= mid.slice(0, 19)]);
    cases.push([{ range: { to: mid } }, (r) => r.at.slice(0, 19) <= mid.slice(0, 19)]);
    cases.push([{ range: { from: mid.slice(0, 10), to: mid.slice(0, 10) } }, (r) => r.at.slice(0, 10) === mid.slice(0, 10)]);
    for (const [filter, keep] of cases) {
      const got = await allPages(w.app.call, 'audit.records', filter, (v) => v.rows, 9);
      const want = everything.filter(keep);
      expect(want.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(got.rows.map(key), JSON.stringify(filter)).toEqual(want.map(key));
    }
    expect(failed(await w.app.call('audit.records', { types: ['not_a_type'] }))).toMatchObject({ code: 'VALIDATION_FAILED', where: { field: 'types[0]' } });
    expect(failed(await w.app.call('audit.records', { tenantId: 't_nope' }))).toMatchObject({ code: 'NOT_FOUND', where: { field: 'tenantId' } });
  });

  it('shows new records at once (the index catches up on each call)', async () => {
    const m = truthTextMessages(w.truth)[1]!;
    const r = ok(await w.app.call('content.reveal', { tenantId: w.tenantId, messageId: m.id, reason: 'second look' }));
    const top = ok(await w.app.call('audit.records', { limit: 1 })).rows[0];
    expect(top).toMatchObject({ tenantId: w.tenantId, seq: r.recordSeq, type: 'pii_revealed', body: { reason: 'second look', messageId: m.id } });
  });

  it("keeps the contract's lists of record types and PII kinds equal to the core's", () => {
    expect([...RECORD_TYPE_NAMES]).toEqual([...RECORD_TYPES]);
    expect([...PII_KIND_NAMES]).toEqual([...PII_KINDS]);
  });
});
