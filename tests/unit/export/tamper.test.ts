import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalize, generateSigningKey, publicKeyFingerprint, readUnverifiedCheckpoint, signCheckpoint, signingKeyFromPkcs8, type JsonValue } from '../../../electron/core/chain';
import { signBundle } from '../../../electron/core/export';
import { keyExportSigner, verifyBundle, type Bundle } from '../../../electron/core/verify';
import { clone, editOneChar, failure } from './tamper-helpers';
import { syntheticBundle, type Synthetic } from './synthetic-bundle';

/**
 * The tamper corpus: every way of altering a valid bundle we could think of is rejected,
 * and the report names where: message id, chat, record seq, field, Bates number and page.
 */

let s: Synthetic;
let base: Bundle;
const msg = (b: Bundle, d = 0, m = 0) => b.documents[d]!.messages[m]!;
const unmaskedIndex = (b: Bundle, d = 0) => b.documents[d]!.messages.findIndex((m) => !m.masked);
const maskedIndex = (b: Bundle, d = 0) => b.documents[d]!.messages.findIndex((m) => m.masked);

beforeAll(() => {
  s = syntheticBundle({ messages: 60, chats: 3, twoCheckpoints: true, bates: true, files: true, format: 'production' });
  base = s.bundle;
  expect(verifyBundle(base).verdict).toBe('verified');
});

function tampered(edit: (b: Bundle) => void) {
  const b = clone(base);
  edit(b);
  const r = verifyBundle(b);
  expect(r.verdict).toBe('not_verified');
  expect(r.summary).toMatch(/^NOT VERIFIED/);
  return r;
}

describe('message content', () => {
  it('text edited by one character: commitment_mismatch at the message, its record and the text field', () => {
    const j = unmaskedIndex(base);
    const m = msg(base, 0, j);
    const r = tampered((b) => (msg(b, 0, j).text = editOneChar(msg(b, 0, j).text)));
    expect(failure(r, 'commitment_mismatch').where).toEqual({ messageId: m.id, chatId: m.chatId, seq: m.recordSeq, field: `documents[0].messages[${j}].text` });
    expect(failure(r, 'message_altered').where.messageId).toBe(m.id);
    expect(r.counts.failed).toBe(1);
  });

  it('masked text edited (no commitment to check): the export signature fails and the index names the message', () => {
    const j = maskedIndex(base);
    const m = msg(base, 0, j);
    const r = tampered((b) => (msg(b, 0, j).text = editOneChar(msg(b, 0, j).text)));
    failure(r, 'export_signature_invalid');
    expect(failure(r, 'message_altered').where).toMatchObject({ messageId: m.id, chatId: m.chatId, seq: m.recordSeq });
  });

  it('a masked message given its salt (which would allow guessing what is masked) is refused', () => {
    const j = maskedIndex(base);
    const r = tampered((b) => (msg(b, 0, j).salt = 'a'.repeat(64)));
    expect(failure(r, 'salt_with_masked_text').where).toMatchObject({ messageId: msg(base, 0, j).id, field: `documents[0].messages[${j}].salt` });
  });

  it('a masked message passed off as unmasked is refused', () => {
    const j = maskedIndex(base);
    const r = tampered((b) => {
      msg(b, 0, j).masked = false;
      msg(b, 0, j).maskedKinds = [];
    });
    expect(failure(r, 'salt_missing').where.messageId).toBe(msg(base, 0, j).id);
  });

  it('model changed: message_field_mismatch naming the field', () => {
    const r = tampered((b) => (msg(b, 0, 1).model = 'gpt-evil'));
    expect(failure(r, 'message_field_mismatch').where).toMatchObject({ messageId: msg(base, 0, 1).id, field: 'documents[0].messages[1].model', seq: msg(base, 0, 1).recordSeq });
  });
});

describe('messages removed, added, reordered', () => {
  it('a message removed: message_removed names it and its chat; counts and signature fail', () => {
    const m = msg(base, 1, 2);
    const r = tampered((b) => b.documents[1]!.messages.splice(2, 1));
    expect(failure(r, 'message_removed').where).toMatchObject({ messageId: m.id, chatId: m.chatId });
    failure(r, 'counts_mismatch');
    failure(r, 'export_signature_invalid');
  });

  it('a whole document removed: document_removed names the chat', () => {
    const r = tampered((b) => b.documents.splice(2, 1));
    expect(failure(r, 'document_removed').where.chatId).toBe(base.documents[2]!.chatId);
  });

  it('a message added (a fabricated copy with a new id): message_added names it', () => {
    const r = tampered((b) => {
      const copy = { ...msg(b, 0, 0), id: 'm_fake' };
      b.documents[0]!.messages.push(copy);
    });
    expect(failure(r, 'message_added').where).toMatchObject({ messageId: 'm_fake', chatId: base.documents[0]!.chatId });
    // Its record says another message id.
    expect(failure(r, 'message_field_mismatch').where.messageId).toBe('m_fake');
  });

  it('two messages swapped: messages_reordered names the chat and position', () => {
    const r = tampered((b) => {
      const ms = b.documents[0]!.messages;
      [ms[3], ms[4]] = [ms[4]!, ms[3]!];
    });
    expect(failure(r, 'messages_reordered').where).toMatchObject({ chatId: base.documents[0]!.chatId, messageId: msg(base, 0, 4).id, field: 'documents[0].messages[3]' });
  });

  it('a message duplicated: duplicate_message', () => {
    const r = tampered((b) => b.documents[0]!.messages.push(clone(base).documents[0]!.messages[0]!));
    expect(failure(r, 'duplicate_message').where.messageId).toBe(msg(base, 0, 0).id);
  });
});

describe('records and proofs', () => {
  it('a record altered (still canonical): the proof no longer leads to the checkpoint, and the field disagrees', () => {
    const m = msg(base, 0, 1);
    const r = tampered((b) => {
      const rec = JSON.parse(msg(b, 0, 1).record);
      rec.body.role = 'system';
      msg(b, 0, 1).record = canonicalize(rec);
    });
    expect(failure(r, 'inclusion_proof_invalid').where).toEqual({ messageId: m.id, chatId: m.chatId, seq: m.recordSeq, field: 'documents[0].messages[1].proof' });
    expect(failure(r, 'message_field_mismatch').where.field).toBe('documents[0].messages[1].role');
  });

  it('a record re-encoded non-canonically: record_invalid', () => {
    const r = tampered((b) => (msg(b, 0, 1).record = JSON.stringify(JSON.parse(msg(b, 0, 1).record), null, 1)));
    expect(failure(r, 'record_invalid').where).toMatchObject({ messageId: msg(base, 0, 1).id, field: 'documents[0].messages[1].record' });
  });

  it('a proof hash altered: inclusion_proof_invalid at that message', () => {
    const r = tampered((b) => {
      const p = msg(b, 2, 0).proof;
      p[0] = Buffer.from(Buffer.from(p[0]!, 'base64').map((x, i) => (i === 0 ? x ^ 1 : x))).toString('base64');
    });
    expect(failure(r, 'inclusion_proof_invalid').where).toMatchObject({ messageId: msg(base, 2, 0).id, seq: msg(base, 2, 0).recordSeq });
  });

  it('recordSeq changed: the record and the proof disagree', () => {
    const r = tampered((b) => (msg(b, 0, 0).recordSeq += 1));
    expect(failure(r, 'message_field_mismatch').where.field).toBe('documents[0].messages[0].recordSeq');
  });

  it('a consistency proof altered: consistency_invalid and no message can be proven', () => {
    const r = tampered((b) => (b.tenants[0]!.consistency[0]!.hashes[0] = Buffer.alloc(32, 7).toString('base64')));
    expect(failure(r, 'consistency_invalid').where.field).toBe('tenants[0].consistency[0]');
    expect(r.counts.failed).toBe(60);
  });
});

describe('checkpoints and keys', () => {
  it('a checkpoint re-signed with another key (the key in the bundle unchanged): checkpoint_invalid', () => {
    const r = tampered((b) => {
      const t = b.tenants[0]!;
      const cp = readUnverifiedCheckpoint(t.checkpoints[1]!)!;
      const other = generateSigningKey(t.keyName);
      t.checkpoints[1] = signCheckpoint(cp, signingKeyFromPkcs8(t.keyName, other.privateKeyPkcs8));
    });
    expect(failure(r, 'checkpoint_invalid').where.field).toBe('tenants[0].checkpoints[1]');
  });

  it('the key swapped too (checkpoints re-signed, export not): the export signature fails and the fingerprint differs', () => {
    const other = generateSigningKey(base.tenants[0]!.keyName);
    const key = signingKeyFromPkcs8(base.tenants[0]!.keyName, other.privateKeyPkcs8);
    const r = tampered((b) => {
      const t = b.tenants[0]!;
      t.checkpoints = t.checkpoints.map((n) => signCheckpoint(readUnverifiedCheckpoint(n)!, key));
      t.publicKey = key.publicKey.toString('base64');
      t.fingerprint = publicKeyFingerprint(key.publicKey);
    });
    failure(r, 'export_signature_invalid');
    expect(r.fingerprints[0]!.fingerprint).not.toBe(base.tenants[0]!.fingerprint);
  });

  it('everything re-signed with a forger\'s key verifies only under a fingerprint the producing party will not recognise', () => {
    const other = generateSigningKey(base.tenants[0]!.keyName);
    const key = signingKeyFromPkcs8(base.tenants[0]!.keyName, other.privateKeyPkcs8);
    const b = clone(base);
    const t = b.tenants[0]!;
    t.checkpoints = t.checkpoints.map((n) => signCheckpoint(readUnverifiedCheckpoint(n)!, key));
    t.publicKey = key.publicKey.toString('base64');
    t.fingerprint = publicKeyFingerprint(key.publicKey);
    const { signatures: _s, ...unsigned } = b;
    const r = verifyBundle(signBundle(unsigned, () => keyExportSigner(key)));
    expect(r.verdict).toBe('verified');
    expect(r.fingerprints[0]!.fingerprint).not.toBe(base.tenants[0]!.fingerprint);
    expect(r.summary).toContain(publicKeyFingerprint(key.publicKey));
  });

  it('a written fingerprint that is not the key\'s: fingerprint_mismatch, and the report shows the real one', () => {
    const r = tampered((b) => (b.tenants[0]!.fingerprint = 'SHA256:' + 'A'.repeat(43)));
    expect(failure(r, 'fingerprint_mismatch').where.field).toBe('tenants[0].fingerprint');
    expect(r.fingerprints[0]!.fingerprint).toBe(base.tenants[0]!.fingerprint);
  });

  it('the head checkpoint dropped: every proof fails against the older one', () => {
    const r = tampered((b) => {
      b.tenants[0]!.checkpoints.pop();
      b.tenants[0]!.consistency = [];
    });
    failure(r, 'inclusion_proof_invalid');
  });
});

describe('the export signature and its sections', () => {
  it('the export signature altered: export_signature_invalid at signatures[0]', () => {
    const r = tampered((b) => {
      const sig = Buffer.from(b.signatures[0]!.signature, 'base64');
      sig[10] = sig[10]! ^ 1;
      b.signatures[0]!.signature = sig.toString('base64');
    });
    expect(failure(r, 'export_signature_invalid').where.field).toBe('signatures[0]');
  });

  it('the export signature removed: export_signature_missing', () => {
    failure(tampered((b) => (b.signatures = [])), 'export_signature_missing');
  });

  it('the scope description changed: the export signature fails', () => {
    failure(tampered((b) => (b.export.scope.description = 'only chat 1')), 'export_signature_invalid');
  });

  it('a Bates page renumbered: bates_gap names the page and the number', () => {
    const r = tampered((b) => (b.bates!.pages[2]!.bates = 'ACME-00000009'));
    expect(failure(r, 'bates_gap').where).toEqual({ page: 3, bates: 'ACME-00000009', field: 'bates.pages[2].bates' });
    failure(r, 'export_signature_invalid');
  });

  it('a Bates page removed: the gap is named', () => {
    const r = tampered((b) => b.bates!.pages.splice(1, 1));
    expect(failure(r, 'bates_page_gap').where.page).toBe(3);
  });

  it('a Bates prefix ending in a digit is refused', () => {
    const r = tampered((b) => {
      b.bates!.prefix = 'ACME1';
    });
    failure(r, 'bates_prefix_invalid');
  });

  it('a file hash in the manifest changed: the export signature fails', () => {
    failure(tampered((b) => (b.files![0]!.sha256 = 'c'.repeat(64))), 'export_signature_invalid');
  });

  it('a file listed twice: file_duplicate names it', () => {
    const r = tampered((b) => b.files!.push({ ...b.files![0]! }));
    expect(failure(r, 'file_duplicate').where.file).toBe(base.files![0]!.path);
  });

  it('a field added anywhere is a schema failure naming it', () => {
    const r = tampered((b) => ((msg(b, 0, 0) as unknown as Record<string, JsonValue>).note = 'hi'));
    expect(failure(r, 'schema').where).toMatchObject({ messageId: msg(base, 0, 0).id });
  });
});
