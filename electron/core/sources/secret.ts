import { inspect } from 'node:util';

/**
 * A vendor key held so that it cannot leak by accident: printing, logging, string
 * interpolation and JSON all show only the redacted hint (prefix kind and last 4 chars).
 * The value itself is read only where a request header is built.
 */
export class SecretKey {
  readonly #value: string;
  readonly hint: string;

  constructor(value: string, prefix: string | null) {
    this.#value = value;
    this.hint = keyHint(value, prefix);
  }

  /** The raw key, for the one line that writes the auth header. Never log the result. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return this.hint;
  }

  toJSON(): string {
    return this.hint;
  }

  [inspect.custom](): string {
    return `SecretKey(${this.hint})`;
  }
}

/**
 * The only printable form of a key: its known prefix and its last 4 characters, e.g.
 * `sk-ant-api01-…Wx9z`. Short values show less, so a hint never reveals most of a key.
 */
export function keyHint(value: string, prefix: string | null): string {
  const last4 = value.length >= 16 ? value.slice(-4) : '';
  const head = prefix && value.startsWith(prefix) && value.length >= prefix.length + 8 ? prefix : '';
  return `${head}…${last4}`;
}

/** Anything in vendor text that looks like a key is cut down to its hint before it reaches a message. */
export function scrubSecrets(text: string): string {
  return text.replace(/\b(sk-(?:ant-[a-z]+\d*-|admin-|proj-|svcacct-)?)([A-Za-z0-9_-]{8,})/g, (_m, prefix: string, body: string) =>
    keyHint(prefix + body, prefix),
  );
}
