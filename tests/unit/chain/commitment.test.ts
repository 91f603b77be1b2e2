import { createHash, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkCommitment, messageSalt, textCommitment } from '../../../electron/core/chain/index';
import { OgmaError } from '../../../shared/api/errors';

const subjectKey = Buffer.alloc(32, 0x42);
const otherKey = Buffer.alloc(32, 0x43);

describe('salted text commitments', () => {
  it('given a subject key and message id, then the salt is HMAC-SHA256(key, "ogma/salt/v1\\n" + id)', () => {
    const want = createHmac('sha256', subjectKey).update('ogma/salt/v1\nmsg_1').digest();
    expect(messageSalt(subjectKey, 'msg_1').equals(want)).toBe(true);
    expect(messageSalt(subjectKey, 'msg_1')).toHaveLength(32);
  });

  it('given a salt and text, then the commitment is hex SHA-256("ogma/commit/v1\\n" || salt || utf8(text))', () => {
    const salt = messageSalt(subjectKey, 'msg_1');
    const want = createHash('sha256').update('ogma/commit/v1\n').update(salt).update('My SSN is 078-05-1120 ✓', 'utf8').digest('hex');
    expect(textCommitment(salt, 'My SSN is 078-05-1120 ✓')).toBe(want);
    expect(textCommitment(salt, 'x')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('given two messages of the same subject, then their salts differ, so equal texts do not give equal commitments', () => {
    const a = messageSalt(subjectKey, 'msg_1');
    const b = messageSalt(subjectKey, 'msg_2');
    expect(a.equals(b)).toBe(false);
    expect(textCommitment(a, 'hello')).not.toBe(textCommitment(b, 'hello'));
  });

  it('given two subjects, then the same message id gets different salts', () => {
    expect(messageSalt(subjectKey, 'msg_1').equals(messageSalt(otherKey, 'msg_1'))).toBe(false);
  });

  it('given the exported salt and the exported text, when an auditor checks, then it matches; any other text does not', () => {
    const salt = messageSalt(subjectKey, 'msg_9');
    const c = textCommitment(salt, 'the quarterly numbers are final');
    expect(checkCommitment(salt, 'the quarterly numbers are final', c)).toBe(true);
    expect(checkCommitment(salt, 'the quarterly numbers are final ', c)).toBe(false);
    expect(checkCommitment(salt, 'The quarterly numbers are final', c)).toBe(false);
    expect(checkCommitment(salt, '', c)).toBe(false);
  });

  it('given a subject key that was destroyed (erasure), when someone guesses the exact erased text, then without the key the guess cannot be confirmed', () => {
    const erasedText = 'My SSN is 078-05-1120';
    const commitment = textCommitment(messageSalt(subjectKey, 'msg_7'), erasedText);
    // All that remains: the commitment and the message id. The attacker has the right text but
    // not the subject key; any key they try (here a random one, or all zeros) gives another salt.
    for (const guessKey of [randomBytes(32), Buffer.alloc(32), otherKey]) {
      expect(checkCommitment(messageSalt(guessKey, 'msg_7'), erasedText, commitment)).toBe(false);
    }
    // And a bare hash of the guess (the oracle we avoid) does not match either.
    expect(createHash('sha256').update(erasedText).digest('hex')).not.toBe(commitment);
  });

  it('given a malformed commitment string, then checking says false rather than throwing', () => {
    const salt = messageSalt(subjectKey, 'm');
    const c = textCommitment(salt, 't');
    expect(checkCommitment(salt, 't', c.toUpperCase())).toBe(false);
    expect(checkCommitment(salt, 't', c.slice(1))).toBe(false);
    expect(checkCommitment(salt, 't', '')).toBe(false);
    expect(checkCommitment(salt, 't', 42 as unknown as string)).toBe(false);
  });

  it('given text with a lone surrogate, then it is committed as UTF-8 with U+FFFD, the same bytes the vault stores', () => {
    const salt = messageSalt(subjectKey, 'm');
    expect(textCommitment(salt, 'a\ud800b')).toBe(textCommitment(salt, 'a\ufffdb'));
  });

  it('given too-short key material, a missing message id or a wrong-size salt, then VALIDATION_FAILED', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof OgmaError ? e.code : 'other';
      }
      return 'none';
    };
    expect(code(() => messageSalt(Buffer.alloc(8), 'm'))).toBe('VALIDATION_FAILED');
    expect(code(() => messageSalt(subjectKey, ''))).toBe('VALIDATION_FAILED');
    expect(code(() => textCommitment(Buffer.alloc(16), 't'))).toBe('VALIDATION_FAILED');
    expect(code(() => checkCommitment(Buffer.alloc(16), 't', '0'.repeat(64)))).toBe('VALIDATION_FAILED');
  });
});
