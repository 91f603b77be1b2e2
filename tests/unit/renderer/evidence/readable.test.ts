import { describe, expect, it } from 'vitest';
import { formatBytes, plural, readingGroups } from '../../../../renderer/evidence/common/readable';

describe('values read aloud', () => {
  it('a fingerprint keeps its label and splits the rest into groups of four that rejoin to the original', () => {
    const fp = 'SHA256:Tp6N4OAN+hIyKR3YxiZUTacWd3DmUFmb8yB0wuHlPKQ';
    const { prefix, groups } = readingGroups(fp);
    expect(prefix).toBe('SHA256:');
    expect(groups[0]).toBe('Tp6N');
    expect(groups.every((g) => g.length <= 4)).toBe(true);
    expect(prefix + groups.join('')).toBe(fp);
  });

  it('a bare hex hash has no prefix', () => {
    expect(readingGroups('ca2902c6').groups).toEqual(['ca29', '02c6']);
    expect(readingGroups('ca2902c6').prefix).toBe('');
  });

  it('sizes and counts read naturally', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(41_882)).toBe('40.9 KiB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MiB');
    expect(plural(1, 'chat')).toBe('1 chat');
    expect(plural(1200, 'message')).toBe('1,200 messages');
  });
});
