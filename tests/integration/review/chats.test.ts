import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewService } from '../../../electron/services/review';
import { maskText } from '../../../electron/core/pii';
import { allPages, app, closeWorld, control, enterprise, expectNoneOf, failed, ok, pull, pulledWorld, truthChats, type App, type World } from './helpers';

/**
 * content.chats and content.facets: the review table over a workspace pulled from the
 * simulator, with a chat edited upstream (superseded), one hard-deleted upstream (gone at
 * source), the sim's soft-deleted ones, and one deleted in the vault. Every filter and sort
 * is checked against the full listing, and the listing against the simulator's truth.
 */

let w: World;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let all: any[];
const picked = { edited: '', gone: '', deleted: '' };

beforeAll(async () => {
  w = await pulledWorld();
  const chats = truthChats(w.truth).filter((c) => !c.softDeleted && (c.messages ?? []).some((m) => m.hasText));
  const [edited, gone, deleted] = [chats[0]!, chats[1]!, chats[2]!];
  picked.edited = edited.id;
  picked.gone = gone.id;
  picked.deleted = deleted.id;
  const msg = edited.messages!.find((m) => m.hasText)!;
  await control(w.sim, 'PATCH', `/chats/${edited.id}/messages/${msg.id}`, { text: 'An edited message about the quarterly figures.' });
  await control(w.sim, 'DELETE', `/chats/${gone.id}`);
  const s = await pull(w.app.services.workspace, w.tenantId);
  expect(s.status).toBe('complete');
  w.app.services.workspace.deleteChat(w.tenantId, deleted.id);
  all = (await allPages(w.app.call, 'content.chats', {}, (v) => v.rows, 500)).rows;
});
afterAll(() => closeWorld(w));

const ids = (rows: { chatId: string }[]) => rows.map((r) => r.chatId).sort();

describe('the chat table', () => {
  it('lists every chat seen upstream, each as the simulator has it, with emails masked', () => {
    const truth = truthChats(w.truth);
    expect(ids(all)).toEqual(truth.map((c) => c.id).sort());
    const users = new Map((enterprise(w.truth).orgs ?? []).flatMap((o) => o.users.map((u) => [u.id, u] as const)));
    const orgs = new Map((enterprise(w.truth).orgs ?? []).map((o) => [o.uuid, o.name]));
    const db = w.app.services.workspace.vault.db;
    for (const c of truth) {
      const row = all.find((r) => r.chatId === c.id)!;
      expect(row.tenantId).toBe(w.tenantId);
      expect(row.createdAt).toBe(c.createdAt);
      expect(row.org).toEqual({ id: c.orgUuid, name: orgs.get(c.orgUuid) });
      const u = users.get(c.userId);
      expect(row.user.id).toBe(c.userId);
      if (u?.active) expect(row.user).toMatchObject({ name: u.fullName, email: '[EMAIL]' });
      expect(row.project).toBe(c.projectId);
      expect(row.messages).toBe(db.prepare('SELECT count(*) FROM messages WHERE tenant_id = ? AND chat_id = ?').pluck().get(w.tenantId, c.id));
      expect(row.model).toBe(db.prepare('SELECT model FROM messages WHERE tenant_id = ? AND chat_id = ? AND model IS NOT NULL ORDER BY rowid DESC LIMIT 1').pluck().get(w.tenantId, c.id) ?? null);
      expect(row.flags.softDeleted).toBe(c.softDeleted);
      // Titles are sealed under the subject's key once the chat's text is in the vault; a chat
      // deleted in the vault, or one the vault holds no text of, has none.
      const hasText = (db.prepare('SELECT count(*) FROM chats WHERE tenant_id = ? AND id = ? AND deleted_at IS NULL').pluck().get(w.tenantId, c.id) as number) > 0;
      if (hasText && c.name) expect(row.title?.text, c.id).toBe(maskText(c.name).masked);
      else expect(row.title, c.id).toBeNull();
    }
    expectNoneOf(all, [...users.values()].map((u) => u.email), 'the chat table');
  });

  it('flags superseded, gone-at-source, soft-deleted and vault-deleted chats, and filters on each flag', async () => {
    const row = (id: string) => all.find((r) => r.chatId === id)!;
    expect(row(picked.edited).flags.hasSuperseded).toBe(true);
    expect(row(picked.gone).flags.goneAtSource).toBe(true);
    expect(row(picked.deleted).flags.deleted).toMatchObject({ reason: 'chat_deleted', by: 'alice' });
    expect(row(picked.deleted).flags.deleted.label).toMatch(/^deleted on \d{4}-\d{2}-\d{2} by alice, record #\d+$/);
    for (const flag of ['softDeleted', 'goneAtSource', 'hasSuperseded'] as const) {
      for (const value of [true, false]) {
        const got = (await allPages(w.app.call, 'content.chats', { flags: { [flag]: value } }, (v) => v.rows)).rows;
        expect(ids(got), `${flag}=${value}`).toEqual(ids(all.filter((r) => r.flags[flag] === value)));
      }
    }
    const deleted = (await allPages(w.app.call, 'content.chats', { flags: { deleted: true } }, (v) => v.rows)).rows;
    expect(ids(deleted)).toEqual([picked.deleted]);
    expect(ok(await w.app.call('content.chats', { flags: { deleted: false } })).total).toBe(all.length - 1);
    expect(all.filter((r) => r.flags.softDeleted).length).toBe(enterprise(w.truth).counts.softDeletedChats);
  });

  it('filters by organisation, user, project, model and tenant', async () => {
    const cases: Array<[Record<string, unknown>, (r: (typeof all)[number]) => boolean]> = [];
    for (const org of new Set(all.map((r) => r.org.id))) cases.push([{ orgIds: [org] }, (r) => r.org.id === org]);
    for (const user of [...new Set(all.map((r) => r.user.id))].slice(0, 3)) cases.push([{ userIds: [user] }, (r) => r.user.id === user]);
    const twoUsers = [...new Set(all.map((r) => r.user.id))].slice(0, 2);
    cases.push([{ userIds: twoUsers }, (r) => twoUsers.includes(r.user.id)]);
    for (const project of new Set(all.map((r) => r.project).filter(Boolean))) cases.push([{ projectIds: [project] }, (r) => r.project === project]);
    for (const model of new Set(all.map((r) => r.model).filter(Boolean))) cases.push([{ models: [model] }, (r) => r.model === model]);
    cases.push([{ tenantId: w.tenantId }, () => true]);
    expect(cases.length).toBeGreaterThan(6);
    for (const [filter, keep] of cases) {
      const got = await allPages(w.app.call, 'content.chats', filter, (v) => v.rows);
      const want = all.filter(keep);
      expect(want.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(ids(got.rows), JSON.stringify(filter)).toEqual(ids(want));
      expect(got.total).toBe(want.length);
    }
  });

  it('filters by created and updated date ranges, both ends inclusive, dates meaning whole days', async () => {
    const times = all.map((r) => r.createdAt as string).sort();
    const from = times[Math.floor(times.length / 4)]!;
    const to = times[Math.floor((times.length * 3) / 4)]!;
    let got = (await allPages(w.app.call, 'content.chats', { created: { from, to } }, (v) => v.rows)).rows;
    expect(ids(got)).toEqual(ids(all.filter((r) => r.createdAt >= from && r.createdAt <= to)));
    const day = from.slice(0, 10);
    got = (await allPages(w.app.call, 'content.chats', { created: { from: day, to: day } }, (v) => v.rows)).rows;
    expect(ids(got)).toEqual(ids(all.filter((r) => r.createdAt.slice(0, 10) === day)));
    const upd = all.map((r) => r.updatedAt as string).sort()[Math.floor(all.length / 2)]!;
    got = (await allPages(w.app.call, 'content.chats', { updated: { from: upd } }, (v) => v.rows)).rows;
    expect(ids(got)).toEqual(ids(all.filter((r) => r.updatedAt >= upd)));
    got = (await allPages(w.app.call, 'content.chats', { updated: { to: upd } }, (v) => v.rows)).rows;
    expect(ids(got)).toEqual(ids(all.filter((r) => r.updatedAt <= upd)));
  });

  it('sorts by every column, both ways, values without a value last, and pages without gaps or repeats', async () => {
    const value: Record<string, (r: (typeof all)[number]) => string | number | null> = {
      createdAt: (r) => r.createdAt,
      updatedAt: (r) => r.updatedAt,
      org: (r) => r.org.name ?? r.org.id,
      user: (r) => r.user.name ?? r.user.id,
      project: (r) => r.project,
      model: (r) => r.model,
      messages: (r) => r.messages,
    };
    for (const [by, get] of Object.entries(value)) {
      for (const dir of ['asc', 'desc'] as const) {
        const got = await allPages(w.app.call, 'content.chats', { sort: { by, dir } }, (v) => v.rows, 5);
        expect(got.total).toBe(all.length);
        expect(new Set(got.rows.map((r) => r.chatId)).size, `${by} ${dir}: no repeats`).toBe(all.length);
        const vals = got.rows.map(get);
        const firstNull = vals.findIndex((x) => x === null);
        if (firstNull >= 0) expect(vals.slice(firstNull).every((x) => x === null), `${by} ${dir}: nulls last`).toBe(true);
        const present = vals.filter((x) => x !== null) as Array<string | number>;
        for (let i = 1; i < present.length; i++) {
          const ordered = dir === 'asc' ? present[i - 1]! <= present[i]! : present[i - 1]! >= present[i]!;
          expect(ordered, `${by} ${dir} at ${i}: ${present[i - 1]} then ${present[i]}`).toBe(true);
        }
      }
    }
    // The default order is newest update first.
    const first = ok(await w.app.call('content.chats', { limit: 3 }));
    expect(first.rows.map((r: { chatId: string }) => r.chatId)).toEqual(
      [...all].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.chatId < b.chatId ? 1 : -1)).slice(0, 3).map((r) => r.chatId),
    );
  });

  it('refuses malformed requests naming the field, and an unknown organisation with NOT_FOUND', async () => {
    expect(failed(await w.app.call('content.chats', { limit: 501 }))).toMatchObject({ code: 'VALIDATION_FAILED', where: { field: 'limit' } });
    expect(failed(await w.app.call('content.chats', { limit: 0 }))).toMatchObject({ code: 'VALIDATION_FAILED', where: { field: 'limit' } });
    expect(failed(await w.app.call('content.chats', { sort: { by: 'secret', dir: 'asc' } }))).toMatchObject({ code: 'VALIDATION_FAILED', where: { field: 'sort.by' } });
    expect(failed(await w.app.call('content.chats', { flags: { softDeleted: true, plaintext: true } }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(failed(await w.app.call('content.chats', { includeText: true })).message).toMatch(/includeText/);
    expect(failed(await w.app.call('content.chats', { created: { from: '2026-05-01', to: '2026-04-01' } }))).toMatchObject({ code: 'VALIDATION_FAILED', where: { field: 'created.from' } });
    expect(failed(await w.app.call('content.chats', { created: { from: 'last tuesday' } }))).toMatchObject({ code: 'VALIDATION_FAILED', where: { field: 'created.from' } });
    expect(failed(await w.app.call('content.chats', { tenantId: 't_nope' }))).toMatchObject({ code: 'NOT_FOUND', where: { field: 'tenantId' } });
  });
});

describe('the filter values', () => {
  it('offers the organisations, users (emails masked), projects, models and roles that occur', async () => {
    const f = ok(await w.app.call('content.facets', {}));
    expect(f.tenants).toEqual([{ id: w.tenantId, name: expect.any(String), shredded: false }]);
    expect(f.orgs.map((o: { id: string }) => o.id).sort()).toEqual((enterprise(w.truth).orgs ?? []).map((o) => o.uuid).sort());
    for (const o of f.orgs) expect(o.chats).toBe(all.filter((r) => r.org.id === o.id).length);
    for (const u of f.users) {
      expect(u.chats).toBe(all.filter((r) => r.user.id === u.id).length);
      expect([null, '[EMAIL]']).toContain(u.email);
    }
    expect(new Set(f.users.map((u: { id: string }) => u.id))).toEqual(new Set([...all.map((r) => r.user.id), ...(enterprise(w.truth).orgs ?? []).flatMap((o) => o.users.filter((x) => x.active).map((x) => x.id))]));
    expect(f.projects.map((p: { id: string }) => p.id).sort()).toEqual([...new Set(all.map((r) => r.project).filter(Boolean))].sort());
    expect(f.models.map((m: { model: string }) => m.model).sort()).toEqual([...new Set(all.map((r) => r.model).filter(Boolean))].sort());
    expect(f.roles).toEqual(['assistant', 'user']);
    expectNoneOf(f, (enterprise(w.truth).orgs ?? []).flatMap((o) => o.users.map((u) => u.email)), 'the facets');
  });
});

describe('titles, once captured', () => {
  let titled: App;
  const titles = new Map<string, string>();
  const planted = 'jane.doe@acme-corp.com';

  beforeAll(() => {
    for (const c of truthChats(w.truth)) titles.set(c.id, c.name);
    const first = truthChats(w.truth)[0]!;
    titles.set(first.id, `Follow up with ${planted} on ${first.name}`);
    // The same workspace, with a title source plugged in (what the vault's title reader will be).
    const review = new ReviewService({ workspace: w.app.services.workspace, chatTitle: (_v, _t, chatId) => titles.get(chatId) ?? null });
    titled = app(() => ({ 'content.chats': (req) => review.chats(req) }));
  });

  it('are masked, filtered on in their masked form only, and sortable', async () => {
    const rows = (await allPages(titled.call, 'content.chats', { sort: { by: 'title', dir: 'asc' } }, (v) => v.rows, 6)).rows;
    expect(rows.length).toBe(all.length);
    const texts = rows.map((r) => r.title?.text ?? null);
    const present = texts.filter((t): t is string => t !== null);
    expect(present).toEqual([...present].sort((a, b) => a.localeCompare(b)));
    const first = rows.find((r) => r.chatId === truthChats(w.truth)[0]!.id)!;
    expect(first.title.text).toContain('[EMAIL]');
    expect(first.title.kinds).toEqual(['email']);
    const chip = first.title.spans[0];
    expect(first.title.text.slice(chip.start, chip.end)).toBe('[EMAIL]');
    expectNoneOf(rows, [planted], 'titled rows');

    const word = truthChats(w.truth)[1]!.name.split(' ')[0]!;
    const got = (await allPages(titled.call, 'content.chats', { title: word.toUpperCase() }, (v) => v.rows)).rows;
    expect(ids(got)).toEqual(ids(rows.filter((r) => r.title?.text.toLowerCase().includes(word.toLowerCase()))));
    // The raw address is not searchable through the masked title: the filter is no oracle.
    expect(ok(await titled.call('content.chats', { title: 'jane.doe' })).total).toBe(0);
    // A title filter combined with another sort.
    const byUpdate = (await allPages(titled.call, 'content.chats', { title: word, sort: { by: 'updatedAt', dir: 'asc' } }, (v) => v.rows)).rows;
    expect(ids(byUpdate)).toEqual(ids(got));
    expect(byUpdate.map((r) => r.updatedAt)).toEqual([...byUpdate.map((r) => r.updatedAt)].sort());
  });
});

describe('facets between writes', () => {
  it('are served again unchanged while nothing was written, and follow the first write', async () => {
    const first = ok(await w.app.call('content.facets', {}));
    expect(ok(await w.app.call('content.facets', {}))).toEqual(first);
    const someone = first.users.find((u: { name: string | null }) => u.name !== null)!;
    const db = w.app.services.workspace.vault.db;
    db.prepare('UPDATE capture_users SET full_name = ? WHERE tenant_id = ? AND id = ?').run('Renamed Upstream', someone.tenantId ?? w.tenantId, someone.id);
    const after = ok(await w.app.call('content.facets', {}));
    expect(after.users.find((u: { id: string }) => u.id === someone.id).name).toBe('Renamed Upstream');
  });
});

describe('captured titles and erasure', () => {
  it('are sealed under the data subject key, so erasing the subject leaves no readable title', async () => {
    const titledRows = all.filter((r) => r.title !== null);
    expect(titledRows.length).toBeGreaterThan(0);
    const victim = titledRows[0]!;
    const vault = w.app.services.workspace.vault;
    const sealed = vault.db.prepare('SELECT title_sealed FROM chats WHERE tenant_id = ? AND id = ?').pluck().get(w.tenantId, victim.chatId) as Buffer;
    expect(sealed.includes(Buffer.from(victim.title.text, 'utf8'))).toBe(false); // not plaintext in the row either
    vault.eraseSubject(w.tenantId, victim.user.id);
    const after = (await allPages(w.app.call, 'content.chats', {}, (v) => v.rows, 500)).rows;
    for (const r of after.filter((x) => x.user.id === victim.user.id)) expect(r.title, r.chatId).toBeNull();
    expect(after.filter((x) => x.user.id !== victim.user.id && x.title !== null).length).toBe(titledRows.filter((x) => x.user.id !== victim.user.id).length);
  });
});
