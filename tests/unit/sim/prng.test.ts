import { describe, expect, it } from 'vitest';
import { Rng, hash32 } from '../../../electron/core/sim/random/prng';
import { stableId, stableUuid } from '../../../electron/core/sim/random/ids';

describe('seeded randomness', () => {
  it('given the same key, an Rng draws the same sequence; a different key draws a different one', () => {
    const a = new Rng('seed|x');
    const b = new Rng('seed|x');
    const c = new Rng('seed|y');
    const sa = Array.from({ length: 50 }, () => a.nextU32());
    expect(Array.from({ length: 50 }, () => b.nextU32())).toEqual(sa);
    expect(Array.from({ length: 50 }, () => c.nextU32())).not.toEqual(sa);
  });

  it('draws stay inside their ranges', () => {
    const r = new Rng('ranges');
    for (let i = 0; i < 2000; i++) {
      const f = r.next();
      expect(f >= 0 && f < 1).toBe(true);
      const n = r.range(3, 7);
      expect(n >= 3 && n <= 7).toBe(true);
    }
  });

  it('stable ids have the Anthropic shape, depend only on seed + path, and do not collide across 100,000 paths', () => {
    const id = stableId('1', 'claude_chat_', 't1:0:0:0');
    expect(id).toMatch(/^claude_chat_01[1-9A-HJ-NP-Za-km-z]{22}$/);
    expect(stableId('1', 'claude_chat_', 't1:0:0:0')).toBe(id);
    expect(stableId('2', 'claude_chat_', 't1:0:0:0')).not.toBe(id);
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) seen.add(stableId('1', 'claude_chat_msg_', `t1:0:${i}`));
    expect(seen.size).toBe(100_000);
  });

  it('stable UUIDs are version-4 shaped', () => {
    expect(stableUuid('1', 'org:0')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('hash32 separates its parts ("ab","c" differs from "a","bc")', () => {
    expect(hash32('ab', 'c')).not.toBe(hash32('a', 'bc'));
  });
});
