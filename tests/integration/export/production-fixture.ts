/**
 * Fixtures for the production volume specs: documents with real salted commitments, a real
 * tenant log (records, Merkle tree, signed checkpoint) and a real signed bundle built with
 * the bundle builder, so the round trip exercises the true verifier end to end.
 *
 * Images come from the real Bates PDF renderer (renderBatesPdf through documentPdfRenderer);
 * `unstampedRenderer` is a bare pdf-lib one whose pages carry the number as plain text but
 * not the Bates stamp the reader looks for, to show the validator reads the stamps.
 */
import { randomBytes } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import {
  encodeRecord,
  generateSigningKey,
  GENESIS_PREV,
  MerkleTree,
  publicKeyFingerprint,
  recordLeafHash,
  signCheckpoint,
  signingKeyFromPkcs8,
  textCommitment,
  type ChainRecord,
} from '../../../electron/core/chain/index';
import { buildBundle, serializeBundle } from '../../../electron/core/export/bundle';
import { documentPdfRenderer, type BuildProof, type RenderDocumentPdf } from '../../../electron/core/export/production';
import type { ExportDocument } from '../../../electron/core/export/types';
import type { BundleDocument } from '../../../electron/core/verify/schema';
import { keyExportSigner } from '../../../electron/core/verify';

export const TENANT = 'tn_acme';
export const ORIGIN = 'ogma.local/ws_test/tn_acme';

export interface Fixture {
  documents: ExportDocument[];
  buildProof: BuildProof;
}

const TEXTS = [
  'Please summarise the Q3 revenue memo.',
  'Résumé: revenue grew 12 %; þorn and ® survive; line one\nline two',
  'Привет, как дела? 你好，世界。 مرحبا بالعالم',
  'Contact me at [email masked] about the card ending [card masked].',
  'Emoji check 🚀 and a tab\there.',
];

/**
 * `chats` chats of `perChat` messages. Masked (the default): every third message has its PII
 * masked. Revealed: no message is masked, and a pii_revealed record is the bundle's evidence.
 */
export function makeFixture(chats: number, perChat: number, opts: { revealed?: boolean } = {}): Fixture {
  const key = (() => {
    const g = generateSigningKey(ORIGIN);
    return signingKeyFromPkcs8(g.name, g.privateKeyPkcs8);
  })();
  const base = Date.parse('2026-11-01T09:00:00.000Z');
  const records: ChainRecord[] = [];
  let prev = GENESIS_PREV;
  const leaves: Buffer[] = [];
  const push = (type: ChainRecord['type'], body: ChainRecord['body']): number => {
    const seq = records.length;
    const rec: ChainRecord = { v: 1, tenant: TENANT, seq, type, at: new Date(base + seq * 1000).toISOString(), actor: 'system:capture', prev, body };
    const bytes = encodeRecord(rec);
    prev = recordLeafHash(bytes).toString('hex');
    leaves.push(recordLeafHash(bytes));
    records.push(rec);
    return seq;
  };
  push('tenant_created', { name: 'Acme' });

  const documents: ExportDocument[] = [];
  const bundleDocs: BundleDocument[] = [];
  const encoded: Buffer[] = [];
  for (let c = 0; c < chats; c++) {
    const chatId = `chat_${String(c).padStart(4, '0')}`;
    const doc: ExportDocument = {
      tenantId: TENANT,
      orgId: 'org_1',
      orgName: 'Acme Corp',
      chatId,
      title: c % 4 === 1 ? null : `Chat þ ${c}: line\r\nbreak`,
      custodian: c % 2 ? 'b***@acme.test' : 'Alice Example',
      userId: `user_${c % 3}`,
      createdAt: new Date(base + c * 60_000).toISOString(),
      deletedAtSource: c % 5 === 4,
      messages: [],
    };
    const bdoc: BundleDocument = { ...doc, messages: [] };
    for (let k = 0; k < perChat; k++) {
      const id = `msg_${c}_${k}`;
      const masked = !opts.revealed && k % 3 === 2;
      const text = TEXTS[(c + k) % TEXTS.length] ?? '';
      const salt = randomBytes(32);
      const commitment = textCommitment(salt, masked ? `secret ${id}` : text);
      const createdAt = new Date(base + c * 60_000 + k * 1000).toISOString();
      const role = k % 2 ? 'assistant' : 'user';
      const model = role === 'assistant' ? 'claude-test' : null;
      const seq = push('message_captured', { messageId: id, chatId, role, model, createdAt, commitment, userId: doc.userId, orgId: doc.orgId });
      encoded.push(encodeRecord(records[seq]!));
      const m = { id, chatId, role, model, createdAt, text, masked, maskedKinds: masked ? ['email'] : [], recordSeq: seq, commitment };
      doc.messages.push(m);
      bdoc.messages.push({ ...m, salt: masked ? null : salt.toString('hex'), record: encodeRecord(records[seq]!).toString('utf8'), proof: [] });
    }
    documents.push(doc);
    bundleDocs.push(bdoc);
  }
  const revealSeq = opts.revealed ? push('pii_revealed', { exportId: 'exp_test', reason: 'court order 42', member: 'alice' }) : null;
  const tree = new MerkleTree(leaves);
  const size = leaves.length;
  const note = signCheckpoint({ origin: ORIGIN, size, root: tree.root(), time: '2026-11-23T12:00:00.000Z' }, key);
  for (const d of bundleDocs) for (const m of d.messages) m.proof = tree.inclusionProof(m.recordSeq, size).map((h) => h.toString('base64'));

  const buildProof: BuildProof = ({ files, bates }) =>
    serializeBundle(
      buildBundle(
        {
          export: {
            id: 'exp_test',
            createdAt: '2026-11-23T12:30:00.000Z',
            createdBy: { member: 'alice', memberId: 'mem_alice', role: 'admin' },
            workspaceId: 'ws_test',
            workspaceName: 'Test case',
            format: 'production',
            scope: { description: 'all chats of tenant tn_acme' },
            masking: revealSeq === null ? { mode: 'masked' } : { mode: 'revealed', reason: 'court order 42', member: 'alice', records: [{ tenantId: TENANT, seq: revealSeq }] },
          },
          tenants: [
            {
              tenantId: TENANT,
              name: 'Acme',
              vendor: 'anthropic',
              keyName: ORIGIN,
              publicKey: key.publicKey.toString('base64'),
              fingerprint: publicKeyFingerprint(key.publicKey),
              checkpoints: [note],
              consistency: [],
            },
          ],
          documents: structuredClone(bundleDocs),
          evidence:
            revealSeq === null
              ? []
              : [{ tenantId: TENANT, seq: revealSeq, record: encodeRecord(records[revealSeq]!).toString('utf8'), proof: tree.inclusionProof(revealSeq, size).map((h) => h.toString('base64')) }],
          bates,
          files,
        },
        () => keyExportSigner(key),
      ),
    );
  return { documents, buildProof };
}

export const stampedRenderer: RenderDocumentPdf = documentPdfRenderer({ legend: 'CONFIDENTIAL - SUBJECT TO PROTECTIVE ORDER' });

/** A valid PDF per document (one page per four messages, at most five) with the number drawn as plain text, not stamped. */
export const unstampedRenderer: RenderDocumentPdf = async (doc, bates) => {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const count = Math.min(5, Math.max(1, Math.ceil(doc.messages.length / 4)));
  const pages = [];
  for (let i = 0; i < count; i++) {
    const page = pdf.addPage([612, 792]);
    const b = bates.prefix + String(bates.start + i).padStart(bates.digits, '0');
    page.drawText(`Chat ${doc.chatId} page ${i + 1}`, { x: 50, y: 740, size: 12, font });
    page.drawText(b, { x: 480, y: 30, size: 10, font });
    pages.push({ page: i + 1, bates: b, chatId: doc.chatId });
  }
  return { bytes: await pdf.save({ useObjectStreams: false }), pages };
};
