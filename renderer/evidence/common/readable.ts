/**
 * Small formatting helpers for evidence values people read aloud or compare by eye:
 * hashes and key fingerprints split into short groups, byte sizes, counts.
 */

/**
 * Splits a hash or fingerprint into groups of `size` characters for reading aloud. A
 * "SHA256:" (or any "label:") prefix stays whole in front. The groups are display only;
 * callers render them so that copying yields the original string.
 */
export function readingGroups(value: string, size = 4): { prefix: string; groups: string[] } {
  const m = /^([A-Za-z0-9-]+:)(.*)$/.exec(value);
  const prefix = m ? m[1]! : '';
  const body = m ? m[2]! : value;
  const groups: string[] = [];
  for (let i = 0; i < body.length; i += size) groups.push(body.slice(i, i + size));
  return { prefix, groups };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[u]}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
