import { OgmaError } from '../../../shared/api/errors';
import { SecretKey, keyHint } from './secret';

/**
 * Key classification and slot placement, done before any network call so a key pasted
 * into the wrong slot is explained at once (and never spends vendor quota or shows up in
 * the vendor's audit trail).
 */

export type KeySlot = 'anthropic-admin' | 'anthropic-compliance' | 'openai';

/** What was tidied away from the pasted text; reported so the UI can say so. */
export type KeyCleanup = 'surrounding-whitespace' | 'line-breaks' | 'quotes' | 'bearer-prefix';

interface Classified<K extends string> {
  kind: K;
  key: SecretKey;
  /** `sk-ant-api01-…Wx9z`: the only form of the key that may be shown or logged. */
  hint: string;
  cleanup: KeyCleanup[];
}

export type ClassifiedKey =
  | (Classified<'anthropic-admin'> & { prefix: 'sk-ant-admin01-' })
  | (Classified<'anthropic-compliance'> & { prefix: 'sk-ant-api01-' })
  | (Classified<'anthropic-api'> & { prefix: 'sk-ant-api03-' })
  | (Classified<'openai-admin'> & { prefix: 'sk-admin-' })
  | (Classified<'openai-project'> & { prefix: 'sk-proj-' | 'sk-svcacct-' })
  | (Classified<'openai-user'> & { prefix: 'sk-' })
  | (Classified<'unknown'> & { prefix: null; reason: UnknownReason });

export type KeyKind = ClassifiedKey['kind'];
export type UnknownReason = 'empty' | 'unrecognised-prefix' | 'other-anthropic-key' | 'malformed';

const KEY_BODY = /^[A-Za-z0-9_-]+$/;
const QUOTE_PAIRS: Record<string, string> = { '"': '"', "'": "'", '`': '`', '\u201c': '\u201d', '\u2018': '\u2019' };

interface Cleaned {
  text: string;
  cleanup: KeyCleanup[];
}

function tidy(raw: string): Cleaned {
  const cleanup = new Set<KeyCleanup>();
  let text = raw;
  for (;;) {
    const before = text;
    const trimmed = text.trim();
    if (trimmed !== text) cleanup.add('surrounding-whitespace');
    text = trimmed;
    const open = text[0];
    const close = open !== undefined ? QUOTE_PAIRS[open] : undefined;
    if (close !== undefined && text.length >= 2 && text.endsWith(close)) {
      text = text.slice(1, -1);
      cleanup.add('quotes');
    }
    if (/^bearer\s+/i.test(text)) {
      text = text.replace(/^bearer\s+/i, '');
      cleanup.add('bearer-prefix');
    }
    if (text === before) break;
  }
  // A key copied out of a wrapped terminal or e-mail can carry line breaks inside it.
  if (/[\r\n\t]/.test(text)) {
    text = text.replace(/[\r\n\t]+/g, '');
    cleanup.add('line-breaks');
  }
  return { text, cleanup: [...cleanup] };
}

const KNOWN: ReadonlyArray<{ prefix: string; kind: Exclude<KeyKind, 'unknown'> }> = [
  { prefix: 'sk-ant-admin01-', kind: 'anthropic-admin' },
  { prefix: 'sk-ant-api01-', kind: 'anthropic-compliance' },
  { prefix: 'sk-ant-api03-', kind: 'anthropic-api' },
  { prefix: 'sk-admin-', kind: 'openai-admin' },
  { prefix: 'sk-proj-', kind: 'openai-project' },
  { prefix: 'sk-svcacct-', kind: 'openai-project' },
];

/** Classifies a pasted key by its shape alone. Never touches the network. */
export function classifyKey(raw: string): ClassifiedKey {
  const { text, cleanup } = tidy(raw);
  const unknown = (reason: UnknownReason): ClassifiedKey => ({
    kind: 'unknown',
    prefix: null,
    reason,
    key: new SecretKey(text, null),
    hint: keyHint(text, null),
    cleanup,
  });
  if (text.length === 0) return unknown('empty');
  for (const { prefix, kind } of KNOWN) {
    if (!text.startsWith(prefix)) continue;
    const body = text.slice(prefix.length);
    if (body.length === 0 || !KEY_BODY.test(body)) return unknown('malformed');
    const key = new SecretKey(text, prefix);
    return { kind, prefix, key, hint: key.hint, cleanup } as ClassifiedKey;
  }
  if (text.startsWith('sk-ant-')) return unknown('other-anthropic-key');
  if (text.startsWith('sk-')) {
    const body = text.slice(3);
    if (!KEY_BODY.test(body)) return unknown('malformed');
    const key = new SecretKey(text, 'sk-');
    return { kind: 'openai-user', prefix: 'sk-', key, hint: key.hint, cleanup };
  }
  return unknown('unrecognised-prefix');
}

/** What each kind of key is, in words a user recognises. */
export function describeKeyKind(kind: KeyKind): string {
  switch (kind) {
    case 'anthropic-admin':
      return 'an Anthropic Admin key';
    case 'anthropic-compliance':
      return 'an Anthropic Compliance Access Key';
    case 'anthropic-api':
      return 'a Claude API key';
    case 'openai-admin':
      return 'an OpenAI Admin key';
    case 'openai-project':
      return 'an OpenAI project key';
    case 'openai-user':
      return 'an OpenAI user API key';
    case 'unknown':
      return 'an unrecognised key';
  }
}

const SLOT_NEEDS: Record<KeySlot, string> = {
  'anthropic-compliance':
    'the Compliance slot needs a Compliance Access Key (sk-ant-api01-) created in claude.ai > Organization settings > API.',
  'anthropic-admin': 'the Admin key slot needs an Anthropic Admin key (sk-ant-admin01-) created in Claude Console > Settings > Admin keys.',
  openai:
    'the OpenAI slot needs an OpenAI Admin key (sk-admin-) created by an Organization Owner in platform.openai.com > Organization settings > Admin keys.',
};

const SLOT_OF_KIND: Partial<Record<KeyKind, { slot: KeySlot; name: string }>> = {
  'anthropic-admin': { slot: 'anthropic-admin', name: 'the Admin key slot' },
  'anthropic-compliance': { slot: 'anthropic-compliance', name: 'the Compliance slot' },
  'openai-admin': { slot: 'openai', name: 'the OpenAI slot' },
};

const EXPECTED_KIND: Record<KeySlot, KeyKind> = {
  'anthropic-admin': 'anthropic-admin',
  'anthropic-compliance': 'anthropic-compliance',
  openai: 'openai-admin',
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Null when the key suits the slot; otherwise KEY_REJECTED saying what the key is and
 * where it belongs. The message names the key only by its hint.
 */
export function checkKeyPlacement(slot: KeySlot, classified: ClassifiedKey): OgmaError | null {
  if (classified.kind === EXPECTED_KIND[slot]) return null;
  const needs = SLOT_NEEDS[slot];
  const what = describeKeyKind(classified.kind);
  let message: string;
  switch (classified.kind) {
    case 'unknown': {
      const shown = classified.hint === '…' ? '' : ` (${classified.hint})`;
      const why =
        classified.reason === 'empty'
          ? 'The key is empty.'
          : classified.reason === 'malformed'
            ? `This key${shown} has a known prefix but contains characters no vendor key has (spaces or punctuation inside it); paste it again from the vendor's page.`
            : classified.reason === 'other-anthropic-key'
              ? `This is an Anthropic credential of a kind Ogma Desk does not use${shown}: it is neither an Admin key nor a Compliance Access Key.`
              : `This does not look like any Anthropic or OpenAI key${shown}.`;
      message = `${why} ${capitalise(needs)}`;
      break;
    }
    case 'anthropic-api':
      message = `This is a Claude API key (sk-ant-api03-, ${classified.hint}): it cannot read compliance data or admin reports. ${capitalise(needs)}`;
      break;
    case 'openai-project':
    case 'openai-user':
      message = `This is ${what} (${classified.prefix}, ${classified.hint}): it can call models but cannot read organisation costs or audit logs. ${capitalise(needs)}`;
      break;
    default: {
      const home = SLOT_OF_KIND[classified.kind];
      const belongs = home ? `It belongs in ${home.name}; ` : '';
      message = `This is ${what} (${classified.hint}). ${belongs}${needs}`;
      if (classified.kind === 'anthropic-admin' && slot === 'anthropic-compliance') {
        message += ' (An Admin key can read the Activity Feed only, never chats or messages.)';
      }
    }
  }
  return new OgmaError('KEY_REJECTED', message, { field: 'key' });
}
