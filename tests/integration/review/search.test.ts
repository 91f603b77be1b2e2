import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeWorld, expectNoneOf, failed, ok, allPages, pulledWorld, truthPii, truthTextMessages, type World } from './helpers';

/**
 * search.query over the encrypted vault's FTS5 index: words, "phrases" and prefix*, with
 * filters and paging, checked against an independent reading of the simulator's texts.
 * Snippets are masked (a search for an SSN finds the message and shows [SSN]), and no
 * input, however hostile, reaches FTS5 as syntax or comes back as an internal error.
 */

let w: World;
let deletedChat: string;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Msg = ReturnType<typeof truthTextMessages>[number];
let live: Msg[];

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const tokens = (s: string) => (s.match(/[\p{L}\p{N}\p{Co}]+/gu) ?? []).map(fold);

/** The oracle: does this text match a single word, a prefix or a phrase (as FTS5 reads them)? */
function has(text: string, words: string[], prefix = false): boolean {
  const t = tokens(text);
  for (let i = 0; i + words.length <= t.length; i++) {
    if (words.every((w, j) => (prefix && j === words.length - 1 ? t[i + j]!.startsWith(w) : t[i + j] === w))) return true;
  }
  return false;
}

beforeAll(async () => {
  w = await pulledWorld({ seed: 'ogma-review-search', sizes: { orgs: 2, users: 3, chats: 4, messages: 6 } });
  const all = truthTextMessages(w.truth).filter((m) => !m.chat.softDeleted || !m.contentRemoved);
  deletedChat = all.at(-1)!.chat.id;
  w.app.services.workspace.deleteChat(w.tenantId, deletedChat);
  const captured = new Set(w.app.services.workspace.vault.db.prepare('SELECT id FROM messages WHERE tenant_id = ? AND deleted_at IS NULL').pluck().all(w.tenantId) as string[]);
  live = all.filter((m) => captured.has(m.id));
  expect(live.length).toBeGreaterThan(20);
});
afterAll(() => closeWorld(w));

async function hits(req: Record<string, unknown>) {
  return allPages(w.app.call, 'search.query', req, (v) => v.hits, 10);
}

/** A word of ASCII letters found in between 2 and 12 live messages. */
function commonWord(skip: string[] = []): string {
  const df = new Map<string, number>();
  for (const m of live) for (const t of new Set(tokens(m.text!))) if (/^[a-z]{5,}$/.test(t)) df.set(t, (df.get(t) ?? 0) + 1);
  return [...df.entries()].filter(([t, n]) => n >= 2 && n <= 12 && !skip.includes(t)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

const idsOf = (xs: Array<{ messageId?: string; id?: string }>) => xs.map((x) => x.messageId ?? x.id).sort();

describe('search', () => {
  it('finds every live message containing a word, and only those, with highlights on the word in a masked snippet', async () => {
    const word = commonWord();
    const got = await hits({ query: word.toUpperCase() });
    expect(idsOf(got.rows)).toEqual(idsOf(live.filter((m) => has(m.text!, [word]))));
    expect(got.total).toBe(got.rows.length);
    for (const h of got.rows) {
      expect(h.snippet.highlights.length).toBeGreaterThan(0);
      for (const r of h.snippet.highlights) expect(fold(h.snippet.text.slice(r.start, r.end))).toBe(word);
      for (const s of h.snippet.spans) expect(h.snippet.text.slice(s.start, s.end)).toBe(s.label);
      expect(h.chatId).not.toBe(deletedChat);
    }
    expectNoneOf(got.rows, truthPii(w.truth).filter((p) => p.kind !== 'phone_national').map((p) => p.value), 'search hits');
  });

  it('reads "a phrase" as consecutive words and term* as a prefix', async () => {
    const m = live.find((x) => /\b[A-Za-z]{4,} [A-Za-z]{4,}\b/.test(x.text!))!;
    const phrase = /\b([A-Za-z]{4,}) ([A-Za-z]{4,})\b/.exec(m.text!)!;
    const words = [fold(phrase[1]!), fold(phrase[2]!)];
    const got = await hits({ query: `"${phrase[1]} ${phrase[2]}"` });
    expect(idsOf(got.rows)).toEqual(idsOf(live.filter((x) => has(x.text!, words))));
    expect(got.rows.map((h) => h.messageId)).toContain(m.id);
    const first = ok(await w.app.call('search.query', { query: `"${phrase[1]} ${phrase[2]}"` }));
    expect(first.terms).toEqual([{ kind: 'phrase', text: `${phrase[1]} ${phrase[2]}` }]);

    const word = commonWord();
    const prefix = word.slice(0, 4);
    const pre = await hits({ query: `${prefix}*` });
    expect(idsOf(pre.rows)).toEqual(idsOf(live.filter((x) => has(x.text!, [prefix], true))));
    expect(pre.rows.length).toBeGreaterThanOrEqual((await hits({ query: word })).rows.length);
    // Two terms: both must match.
    const other = commonWord([word]);
    const both = await hits({ query: `${word} ${other}` });
    expect(idsOf(both.rows)).toEqual(idsOf(live.filter((x) => has(x.text!, [word]) && has(x.text!, [other]))));
  });

  it('filters by organisation, user, role, date and tenant, and pages without gaps', async () => {
    const word = commonWord();
    const base = live.filter((m) => has(m.text!, [word]));
    const m0 = base[0]!;
    const cases: Array<[Record<string, unknown>, (m: Msg) => boolean]> = [
      [{ orgIds: [m0.chat.orgUuid] }, (m) => m.chat.orgUuid === m0.chat.orgUuid],
      [{ userIds: [m0.chat.userId] }, (m) => m.chat.userId === m0.chat.userId],
      [{ roles: ['user'] }, (m) => m.role === 'user'],
      [{ roles: ['assistant'] }, (m) => m.role === 'assistant'],
      [{ created: { from: m0.createdAt } }, (m) => m.createdAt >= m0.createdAt],
      [{ created: { to: m0.createdAt.slice(0, 10) } }, (m) => m.createdAt.slice(0, 10) <= m0.createdAt.slice(0, 10)],
      [{ tenantId: w.tenantId }, () => true],
    ];
    for (const [filter, keep] of cases) {
      const got = await hits({ query: word, ...filter });
      expect(idsOf(got.rows), JSON.stringify(filter)).toEqual(idsOf(base.filter(keep)));
    }
    for (const sort of ['newest', 'oldest'] as const) {
      const got = await hits({ query: word, sort });
      const times = got.rows.map((h) => h.createdAt as string);
      expect(times).toEqual([...times].sort((a, b) => (sort === 'newest' ? b.localeCompare(a) : a.localeCompare(b))));
    }
    expect(failed(await w.app.call('search.query', { query: word, tenantId: 't_nope' }))).toMatchObject({ code: 'NOT_FOUND', where: { field: 'tenantId' } });
    expect(failed(await w.app.call('search.query', { query: word, limit: 201 }))).toMatchObject({ code: 'VALIDATION_FAILED', where: { field: 'limit' } });
  });

  it('finds a message by the SSN, card or email it contains, but the snippet keeps it masked: no PII oracle through the view', async () => {
    const pii = truthPii(w.truth).filter((p) => ['ssn', 'card', 'email'].includes(p.kind) && live.some((m) => m.id === p.messageId));
    expect(new Set(pii.map((p) => p.kind)).size).toBe(3);
    for (const kind of ['ssn', 'card', 'email']) {
      const p = pii.find((x) => x.kind === kind)!;
      const r = ok(await w.app.call('search.query', { query: `"${p.value}"` }));
      const hit = r.hits.find((h: { messageId: string }) => h.messageId === p.messageId);
      expect(hit, `${kind} ${p.value} is found`).toBeDefined();
      expectNoneOf(r, [p.value], `the ${kind} search answer`);
      expect(hit.snippet.spans.map((s: { kind: string }) => s.kind)).toContain(kind);
      for (const h of hit.snippet.highlights) for (const s of hit.snippet.spans) expect(h.end <= s.start || h.start >= s.end).toBe(true);
    }
  });

  it('never crashes on hostile input: each answer is hits or VALIDATION_FAILED on "query" with a message a person can act on', async () => {
    const hostile = [
      '"', '""', '"""', 'AND (', '*', '**', 'a*b*', 'NEAR(', 'NEAR(a b, 2)', 'OR', 'NOT', 'AND', '(', ')', '{}', '-', '+', ':', '^', 'body:x', 'col:value',
      '^start', '(a OR b) AND NOT c', 'foo"bar', '"unterminated phrase', 'x"', "'; DROP TABLE messages; --", '\u0000', '\uD800', '🙂', '日本語', '*"(:^-',
      'a'.repeat(500), 'word '.repeat(100).slice(0, 500), ' '.repeat(10), '\n\t',
    ];
    for (const query of hostile) {
      const r = await w.app.call('search.query', { query });
      if (r.ok) {
        expect(Array.isArray(r.value.hits), query).toBe(true);
        continue;
      }
      expect(r.error, JSON.stringify(query)).toMatchObject({ code: 'VALIDATION_FAILED', where: { field: 'query' } });
      expect(r.error.message.length).toBeGreaterThan(10);
    }
    expect(failed(await w.app.call('search.query', { query: 'x'.repeat(501) }))).toMatchObject({ code: 'VALIDATION_FAILED', where: { field: 'query' } });
    expect(failed(await w.app.call('search.query', { query: '' }))).toMatchObject({ code: 'VALIDATION_FAILED', where: { field: 'query' } });
    expect(failed(await w.app.call('search.query', { query: '"' })).message).toMatch(/at least one word/);
    // Operators are words here, not syntax: "AND" finds messages with the word "and".
    const and = await hits({ query: 'AND (' });
    expect(idsOf(and.rows)).toEqual(idsOf(live.filter((m) => has(m.text!, ['and']))));
  });
});
