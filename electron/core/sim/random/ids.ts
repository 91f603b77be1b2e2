import { Rng, cyrb128 } from './prng';

/** Base58 (Bitcoin alphabet), the look of Anthropic ids such as `claude_chat_01H5…`. */
export const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
export const HEX = '0123456789abcdef';
export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * An id that depends only on the seed and a stable path, never on generation order,
 * so lazily generated objects get the same id whenever they are produced.
 * Shape: `<prefix>01` + 22 base58 characters (128 bits drawn), as Anthropic ids look.
 */
export function stableId(seed: string, prefix: string, path: string): string {
  // cyrb128 already mixes well; a short warm-up is enough for ids
  return prefix + '01' + new Rng(`${seed}|id|${prefix}|${path}`, 2).chars(BASE58, 22);
}

/** A version-4-shaped UUID derived from the seed and a path. */
export function stableUuid(seed: string, path: string): string {
  const [a, b, c, d] = cyrb128(`${seed}|uuid|${path}`);
  const hex = [a, b, c, d].map((n) => n.toString(16).padStart(8, '0')).join('');
  const variant = HEX[8 + (parseInt(hex[16] ?? '0', 16) & 3)] ?? '8';
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `n` characters of `alphabet` derived from the seed and a path. */
export function stableChars(seed: string, path: string, alphabet: string, n: number): string {
  return new Rng(`${seed}|chars|${path}`).chars(alphabet, n);
}
