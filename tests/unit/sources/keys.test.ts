import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkKeyPlacement, classifyKey, type KeySlot } from '../../../electron/core/sources/keys';
import { scrubSecrets } from '../../../electron/core/sources/secret';
import { ADMIN_KEY, CLAUDE_API_KEY, COMPLIANCE_KEY, OPENAI_ADMIN_KEY, OPENAI_PROJECT_KEY, OPENAI_USER_KEY } from './helpers/keys';

describe('classifyKey: every key shape, before any network call', () => {
  it.each([
    [ADMIN_KEY, 'anthropic-admin', 'sk-ant-admin01-'],
    [COMPLIANCE_KEY, 'anthropic-compliance', 'sk-ant-api01-'],
    [CLAUDE_API_KEY, 'anthropic-api', 'sk-ant-api03-'],
    [OPENAI_ADMIN_KEY, 'openai-admin', 'sk-admin-'],
    [OPENAI_PROJECT_KEY, 'openai-project', 'sk-proj-'],
    ['sk-svcacct-TESTserviceAccountKEYbody1234567890abcd', 'openai-project', 'sk-svcacct-'],
    [OPENAI_USER_KEY, 'openai-user', 'sk-'],
  ])('given %s, it is classified as %s', (raw, kind, prefix) => {
    const c = classifyKey(raw);
    expect(c.kind).toBe(kind);
    expect(c.prefix).toBe(prefix);
    expect(c.cleanup).toEqual([]);
    expect(c.key.reveal()).toBe(raw);
  });

  it('an Anthropic credential of another kind (OAuth token) is unknown, not a Claude API key', () => {
    const c = classifyKey('sk-ant-oat01-TESToauthTokenBodyGGGGGGGGGGGGGGGGGGGGGG');
    expect(c.kind).toBe('unknown');
    expect(c.kind === 'unknown' && c.reason).toBe('other-anthropic-key');
  });

  it.each([
    ['', 'empty'],
    ['   \n ', 'empty'],
    ['hunter2-not-a-key-at-all', 'unrecognised-prefix'],
    ['sk-ant-api01-abc def', 'malformed'],
    ['sk-ant-api01-', 'malformed'],
    ['sk-admin-abc!def', 'malformed'],
  ])('given %j, it is unknown (%s)', (raw, reason) => {
    const c = classifyKey(raw);
    expect(c.kind).toBe('unknown');
    expect(c.kind === 'unknown' && c.reason).toBe(reason);
  });

  it('trims whitespace and newlines and reports it', () => {
    const c = classifyKey(`  \n${COMPLIANCE_KEY}\r\n`);
    expect(c.kind).toBe('anthropic-compliance');
    expect(c.key.reveal()).toBe(COMPLIANCE_KEY);
    expect(c.cleanup).toContain('surrounding-whitespace');
  });

  it.each([`"${ADMIN_KEY}"`, `'${ADMIN_KEY}'`, `\u201c${ADMIN_KEY}\u201d`, ` "${ADMIN_KEY}"\n`, `\`${ADMIN_KEY}\``])(
    'strips surrounding quotes from %s and reports it',
    (raw) => {
      const c = classifyKey(raw);
      expect(c.kind).toBe('anthropic-admin');
      expect(c.key.reveal()).toBe(ADMIN_KEY);
      expect(c.cleanup).toContain('quotes');
    },
  );

  it('joins a key broken across lines and reports the line breaks', () => {
    const half = Math.floor(OPENAI_ADMIN_KEY.length / 2);
    const c = classifyKey(`${OPENAI_ADMIN_KEY.slice(0, half)}\n${OPENAI_ADMIN_KEY.slice(half)}`);
    expect(c.kind).toBe('openai-admin');
    expect(c.key.reveal()).toBe(OPENAI_ADMIN_KEY);
    expect(c.cleanup).toContain('line-breaks');
  });

  it('drops a pasted "Bearer " prefix and reports it', () => {
    const c = classifyKey(`Bearer ${OPENAI_ADMIN_KEY}`);
    expect(c.kind).toBe('openai-admin');
    expect(c.cleanup).toContain('bearer-prefix');
  });

  it('the key never shows in strings, JSON or inspect: only prefix and last 4', () => {
    const c = classifyKey(COMPLIANCE_KEY);
    expect(c.hint).toBe('sk-ant-api01-…Wx9z');
    const shown = [String(c.key), JSON.stringify(c), inspect(c, { depth: 5 }), `${c.key}`];
    for (const s of shown) {
      expect(s).not.toContain(COMPLIANCE_KEY);
      expect(s).not.toContain('TESTcompliance');
    }
  });

  it('a short unknown value reveals nothing of itself in its hint', () => {
    const c = classifyKey('hunter2');
    expect(c.hint).toBe('…');
  });
});

describe('checkKeyPlacement: wrong-slot messages say what the key is and where it belongs', () => {
  const place = (slot: KeySlot, raw: string) => checkKeyPlacement(slot, classifyKey(raw));

  it.each([
    ['anthropic-compliance', COMPLIANCE_KEY],
    ['anthropic-admin', ADMIN_KEY],
    ['openai', OPENAI_ADMIN_KEY],
  ] as const)('accepts the right kind in %s', (slot, raw) => {
    expect(place(slot, raw)).toBeNull();
  });

  it('an Admin key in the Compliance slot is sent to the Admin slot', () => {
    const e = place('anthropic-compliance', ADMIN_KEY);
    expect(e?.code).toBe('KEY_REJECTED');
    expect(e?.message).toMatch(/^This is an Anthropic Admin key \(sk-ant-admin01-…Qr7t\)\. It belongs in the Admin key slot; the Compliance slot needs a Compliance Access Key \(sk-ant-api01-\) created in claude\.ai > Organization settings > API\./);
    // The message names the slot; the field is the key input, where a form shows the message.
    expect(e?.where?.field).toBe('key');
  });

  it('a Compliance key in the Admin slot is sent to the Compliance slot', () => {
    const e = place('anthropic-admin', COMPLIANCE_KEY);
    expect(e?.message).toContain('Anthropic Compliance Access Key');
    expect(e?.message).toContain('It belongs in the Compliance slot');
    expect(e?.message).toContain('Admin key slot needs an Anthropic Admin key (sk-ant-admin01-)');
  });

  it('a Claude API key is refused in every slot: it reads neither compliance data nor admin reports', () => {
    for (const slot of ['anthropic-compliance', 'anthropic-admin', 'openai'] as const) {
      const e = place(slot, CLAUDE_API_KEY);
      expect(e?.code).toBe('KEY_REJECTED');
      expect(e?.message).toContain('This is a Claude API key (sk-ant-api03-');
      expect(e?.message).toContain('cannot read compliance data or admin reports');
    }
  });

  it('an OpenAI Admin key in an Anthropic slot is sent to the OpenAI slot', () => {
    const e = place('anthropic-compliance', OPENAI_ADMIN_KEY);
    expect(e?.message).toContain('This is an OpenAI Admin key');
    expect(e?.message).toContain('It belongs in the OpenAI slot');
  });

  it('an OpenAI project key in the OpenAI slot asks for an Admin key', () => {
    const e = place('openai', OPENAI_PROJECT_KEY);
    expect(e?.message).toContain('OpenAI project key (sk-proj-');
    expect(e?.message).toContain('needs an OpenAI Admin key (sk-admin-)');
  });

  it('an Anthropic key in the OpenAI slot is refused', () => {
    expect(place('openai', ADMIN_KEY)?.message).toContain('It belongs in the Admin key slot; the OpenAI slot needs');
  });

  it('an unknown shape is named as such', () => {
    const e = place('anthropic-compliance', 'not-a-key-xxxxxxxxxxxxxxxx1234');
    expect(e?.message).toMatch(/^This does not look like any Anthropic or OpenAI key \(…1234\)\. The Compliance slot needs/);
    expect(place('openai', '')?.message).toMatch(/^The key is empty\./);
  });

  it('no message ever contains the key', () => {
    const all = [COMPLIANCE_KEY, ADMIN_KEY, CLAUDE_API_KEY, OPENAI_ADMIN_KEY, OPENAI_PROJECT_KEY, OPENAI_USER_KEY];
    for (const raw of all) {
      for (const slot of ['anthropic-compliance', 'anthropic-admin', 'openai'] as const) {
        const e = place(slot, raw);
        if (e) expect(e.message).not.toContain(raw.slice(-20));
      }
    }
  });
});

describe('scrubSecrets', () => {
  it('cuts anything key-like in vendor text down to its hint', () => {
    const text = `Key ${COMPLIANCE_KEY} and ${OPENAI_ADMIN_KEY} were seen.`;
    const out = scrubSecrets(text);
    expect(out).toBe('Key sk-ant-api01-…Wx9z and sk-admin-…Lp4n were seen.');
  });
});
