import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/core/sim';
import { groundTruth } from '../../../electron/core/sim/model/truth';
import { DEFAULT_CONFIG, World } from '../../../electron/core/sim/model/world';
import { generateMessages } from '../../../electron/core/sim/data/chat-gen';
import { PII_KINDS, NEGATIVE_KINDS } from '../../../electron/core/sim/data/pii';
import type { SimSizes } from '../../../electron/core/sim';

const sizes: SimSizes = { orgs: 3, users: 6, chats: 5, messages: 8 };
const world = (seed: string, s: SimSizes = sizes): World => new World(seed, s, new ManualClock(Date.UTC(2026, 9, 1)), { ...DEFAULT_CONFIG });

describe('synthetic data', () => {
  it('the same seed and sizes give byte-identical ground truth (text included); another seed does not', () => {
    const a = JSON.stringify(groundTruth(world('s1'), 'text'));
    expect(JSON.stringify(groundTruth(world('s1'), 'text'))).toBe(a);
    expect(JSON.stringify(groundTruth(world('s2'), 'text'))).not.toBe(a);
  });

  it('sizes are honoured exactly: orgs x users x chats x messages', () => {
    const t = groundTruth(world('s1'), 'counts').tenants.find((x) => x.key === 't1');
    expect(t?.counts).toMatchObject({ orgs: 3, users: 18, chats: 90, messages: 720 });
  });

  const truth = groundTruth(world('s1'), 'text');
  const messages = truth.tenants.flatMap((t) => t.orgs ?? []).flatMap((o) => o.chats).flatMap((c) => c.messages ?? []);
  const allText = messages.map((m) => m.text ?? '').join('\n');

  it('chat text spans several scripts and emoji', () => {
    expect(allText).toMatch(/[äöüß]/); // German
    expect(allText).toMatch(/[А-Яа-яё]/); // Cyrillic
    expect(allText).toMatch(/[α-ωΑ-Ω]/); // Greek
    expect(allText).toMatch(/[\u4e00-\u9fff]/); // CJK ideographs
    expect(allText).toMatch(/[\u3040-\u30ff]/); // Japanese kana
    expect(allText).toMatch(/[\u0600-\u06ff]/); // Arabic
    expect(allText).toMatch(/[\u0590-\u05ff]/); // Hebrew
    expect(allText).toMatch(/\p{Extended_Pictographic}/u); // emoji
  });

  it('every kind of PII and every kind of hard negative occurs, and each marked value is in its message text', () => {
    const pii = new Set(messages.flatMap((m) => m.pii ?? []).map((p) => p.kind));
    const neg = new Set(messages.flatMap((m) => m.negatives ?? []).map((p) => p.kind));
    for (const k of PII_KINDS) expect(pii, k).toContain(k);
    for (const k of NEGATIVE_KINDS) expect(neg, k).toContain(k);
    for (const m of messages) for (const p of [...(m.pii ?? []), ...(m.negatives ?? [])]) expect(m.text).toContain(p.value);
  });

  it('there are file-only user turns (content [] or only a tool_result, with files) and assistant turns without text', () => {
    expect(messages.some((m) => m.kind === 'user_files_only' && m.fileOnly && m.fileIds.length > 0 && m.textSha256 === null)).toBe(true);
    expect(messages.some((m) => m.kind === 'user_files_tool_result' && m.fileOnly)).toBe(true);
    expect(messages.some((m) => m.kind === 'assistant_tools_only' && !m.hasText)).toBe(true);
    expect(messages.some((m) => m.kind === 'assistant_generated_only' && !m.hasText)).toBe(true);
    expect(truth.counts.fileOnlyMessages).toBe(messages.filter((m) => m.fileOnly).length);
    expect(truth.counts.textMessages).toBe(messages.filter((m) => m.hasText).length);
  });

  it('tool_use input is a JSON-encoded string', () => {
    let found = 0;
    for (let i = 0; i < 40; i++) {
      for (const m of generateMessages('s1', { path: `x:${i}`, lang: 'en', createdAt: Date.UTC(2026, 3, 1), count: 12 })) {
        for (const b of m.blocks) {
          if (b.type !== 'tool_use') continue;
          expect(typeof b.input).toBe('string');
          expect(() => JSON.parse(b.input)).not.toThrow();
          found++;
        }
      }
    }
    expect(found).toBeGreaterThan(5);
  });

  it('some chats are soft-deleted, and their messages count as content removed', () => {
    const big = groundTruth(world('s1', { orgs: 2, users: 10, chats: 10, messages: 4 }), 'chats');
    expect(big.counts.softDeletedChats).toBeGreaterThan(0);
    expect(big.counts.contentRemovedMessages).toBe(big.counts.softDeletedChats * 4);
  });

  it('the counts-only truth agrees with the full truth', () => {
    const w = world('s3');
    expect(groundTruth(w, 'counts').counts).toEqual(groundTruth(w, 'hash').counts);
  });

  it('100,000 messages build quickly and lazily (message text is not generated up front)', () => {
    const t0 = Date.now();
    const w = world('big', { orgs: 10, users: 20, chats: 50, messages: 10 });
    const ms = Date.now() - t0;
    expect(groundTruth(w, 'counts').tenants[0]?.counts.messages).toBe(100_000);
    expect(ms).toBeLessThan(15_000); // typically ~1 s; generous for a loaded CI machine
  });
});
