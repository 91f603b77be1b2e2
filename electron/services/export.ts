import { createHash } from 'node:crypto';
import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { OgmaError } from '../../shared/api/errors';
import type { ExportRequest, ExportResult } from '../../shared/api/export-schemas';
import { assembleDocuments, buildUnsignedBundle, checkCancelled, describeScope, proveDocuments, resolveScope, signAndSerialize } from '../core/export';
import type { BatesOptions, BundleBates, BundleFileEntry, ExportDocument, ExportFormat } from '../core/export/types';
import { writeFileDurable } from '../core/vault/files';
import { newId } from '../core/vault/context';
import { systemRandom, type Vault } from '../core/vault';
import { verifyBundleBytes } from '../core/verify';
import type { Bundle } from '../core/verify/schema';
import type { WorkspaceService } from './workspace';

/**
 * The export use case: checks the role for a reveal (a viewer's attempt is refused and
 * recorded), resolves the scope, assembles the documents (masked unless revealed, the
 * reveal recorded as pii_revealed before any text leaves), proves them, builds and signs
 * the bundle, verifies it with the same pure verifier a recipient uses, writes the output
 * atomically (temp + fsync + rename), and only then appends an export_created record per
 * tenant. A cancel or failure before the rename leaves no output and no export record.
 */

export interface ExportProgress {
  phase: 'resolving' | 'reading' | 'proving' | 'rendering' | 'writing' | 'verifying' | 'done';
  done: number;
  total: number | null;
}

export interface ExportRunOptions {
  onProgress?: (p: ExportProgress) => void;
  signal?: AbortSignal;
}

/** Renders documents as Bates PDFs (electron/core/export/pdf `renderBatesPdf`); see docs/export-format.md. */
export type RenderBatesPdf = (input: {
  documents: ExportDocument[];
  bates: BatesOptions;
  legend: string;
  certification: { lines: string[] };
  attachment: (pages: import('../core/export/types').BatesPage[]) => { filename: string; bytes: Uint8Array } | null;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}) => Promise<{ bytes: Uint8Array; pages: import('../core/export/types').BatesPage[]; firstBates: string; lastBates: string }>;

/** Writes one container format; the JSON bundle is built by `bundleFor` with the Bates map and files manifest it passes. */
export type FormatWriter = (ctx: {
  documents: ExportDocument[];
  bates: BatesOptions;
  legend: string;
  certificationLines: string[];
  producedAt: string;
  bundleFor: (sections: { bates: BundleBates | null; files: BundleFileEntry[] | null }) => Uint8Array;
  onProgress: (done: number, total: number) => void;
  signal?: AbortSignal;
}) => Promise<{ bytes: Uint8Array; bundle: Uint8Array; bates: { first: string; last: string } | null }>;

export interface ExportServiceDeps {
  workspace: WorkspaceService;
  clock?: () => Date;
  /** Writers for 'pdf' and 'production'; absent ones are loaded from core/export on first use. */
  writers?: Partial<Record<'pdf' | 'production', FormatWriter>>;
}

export const DEFAULT_LEGEND = 'CONFIDENTIAL - PRODUCED FROM OGMA DESK';
const DEFAULT_BATES: BatesOptions = { prefix: 'OGMA-', start: 1, digits: 8 };

export class ExportService {
  private readonly running = new Map<string, AbortController>();
  private readonly clock: () => Date;

  constructor(private readonly deps: ExportServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /** Cancels a running export; true when one was running under that id. */
  cancel(taskId: string): boolean {
    const c = this.running.get(taskId);
    if (!c) return false;
    c.abort();
    return true;
  }

  async create(req: ExportRequest, opts: ExportRunOptions = {}): Promise<ExportResult> {
    const taskId = req.taskId ?? newId('export', systemRandom, 8);
    if (this.running.has(taskId)) throw new OgmaError('ALREADY_EXISTS', `An export with task id "${taskId}" is already running.`, { field: 'taskId' });
    const controller = new AbortController();
    const onOuterAbort = () => controller.abort();
    opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
    if (opts.signal?.aborted) controller.abort();
    this.running.set(taskId, controller);
    try {
      return await this.run(taskId, req, controller.signal, opts.onProgress ?? (() => {}));
    } finally {
      this.running.delete(taskId);
      opts.signal?.removeEventListener('abort', onOuterAbort);
    }
  }

  private async run(taskId: string, req: ExportRequest, signal: AbortSignal, progress: (p: ExportProgress) => void): Promise<ExportResult> {
    const ws = this.deps.workspace;
    const v = ws.vault;
    const outPath = resolve(req.outPath);
    checkOutPath(outPath);
    const reveal = req.revealPii !== undefined;
    // Role first: a viewer's attempt is recorded (reveal_refused) and refused before anything is read.
    if (reveal) ws.authorize('reveal_message', `export of ${describeScope(req.scope)}`);
    const bates: BatesOptions = req.bates ? { prefix: req.bates.prefix, start: req.bates.start, digits: req.bates.digits } : DEFAULT_BATES;

    progress({ phase: 'resolving', done: 0, total: null });
    const scope = resolveScope(v, req.scope);
    const total = scope.chats.reduce((n, c) => n + c.messages.length, 0);
    if (total === 0) {
      throw new OgmaError('VALIDATION_FAILED', `Nothing to export: no readable message is in scope (${scope.description})${scope.skippedDeleted ? `; ${scope.skippedDeleted} deleted` : ''}.`, { field: 'scope' });
    }
    const assembled = await assembleDocuments(v, scope, { reveal, signal, chatTitle: (tenantId, chatId) => v.content.chatTitle(tenantId, chatId), onProgress: (done) => progress({ phase: 'reading', done, total }) });
    checkCancelled(signal);
    const exportId = newId('exp', systemRandom, 12);

    // The reveal is evidence before the unmasked text goes anywhere: one pii_revealed per tenant.
    const revealRecords: { tenantId: string; seq: number }[] = [];
    if (reveal) {
      v.transaction(() => {
        for (const [tenantId, kinds] of assembled.kindsByTenant) {
          const docs = assembled.documents.filter((d) => d.tenantId === tenantId);
          const rec = v.chain.append(
            tenantId,
            'pii_revealed',
            {
              scope: 'export',
              exportId,
              reason: req.revealPii!.reason,
              member: v.member.name,
              memberId: v.member.id,
              kinds: [...kinds].sort(),
              chats: docs.length,
              messages: docs.reduce((n, d) => n + d.messages.length, 0),
            },
            v.member.name,
          );
          revealRecords.push({ tenantId, seq: rec.seq });
        }
      });
    }

    progress({ phase: 'proving', done: 0, total: null });
    const proven = proveDocuments(v, assembled.documents, revealRecords);
    const createdAt = this.clock().toISOString();
    const exportSection = {
      id: exportId,
      createdAt,
      createdBy: { member: v.member.name, memberId: v.member.id, role: v.member.role },
      workspaceId: v.workspaceId,
      workspaceName: v.name(),
      format: req.format,
      scope: scopeSection(req, scope.description),
      masking: reveal
        ? { mode: 'revealed' as const, reason: req.revealPii!.reason, member: v.member.name, records: revealRecords }
        : { mode: 'masked' as const },
    };
    const bundleFor = (sections: { bates: BundleBates | null; files: BundleFileEntry[] | null }): Uint8Array => {
      const unsigned = buildUnsignedBundle({
        export: exportSection,
        tenants: proven.tenants,
        documents: assembled.documents,
        evidence: proven.evidence,
        bates: sections.bates,
        files: sections.files,
      });
      return signAndSerialize(unsigned, (tenantId) => v.exportSigner(tenantId)).bytes;
    };

    let fileBytes: Uint8Array;
    let bundleBytes: Uint8Array;
    let range: { first: string; last: string } | null = null;
    if (req.format === 'json') {
      progress({ phase: 'writing', done: 0, total: null });
      bundleBytes = fileBytes = bundleFor({ bates: null, files: null });
    } else {
      const writer = await this.writerFor(req.format);
      const out = await writer({
        documents: assembled.documents,
        bates,
        legend: DEFAULT_LEGEND,
        certificationLines: certificationLines(proven.tenants, createdAt, exportId),
        producedAt: createdAt,
        bundleFor,
        onProgress: (done, n) => progress({ phase: 'rendering', done, total: n }),
        signal,
      });
      fileBytes = out.bytes;
      bundleBytes = out.bundle;
      range = out.bates;
    }
    checkCancelled(signal);

    // The same pure verifier a recipient runs: nothing leaves that would not verify.
    progress({ phase: 'verifying', done: 0, total: null });
    const check = verifyBundleBytes(bundleBytes);
    if (check.verdict !== 'verified') throw new OgmaError('INTERNAL', `The export did not pass its own verification, so it was not written: ${check.summary}`);
    checkCancelled(signal);

    progress({ phase: 'writing', done: 0, total: null });
    writeFileDurable(outPath, Buffer.from(fileBytes.buffer, fileBytes.byteOffset, fileBytes.byteLength));
    const fileSha256 = sha256(fileBytes);
    const bundleSha256 = sha256(bundleBytes);
    const counts = { documents: assembled.documents.length, messages: total, masked: assembled.masked, skippedDeleted: scope.skippedDeleted };
    let records: { tenantId: string; seq: number }[];
    try {
      records = this.recordExport(v, {
        exportId,
        format: req.format,
        scope: scope.description,
        bates: range,
        bundleSha256,
        fileSha256,
        bytes: fileBytes.byteLength,
        counts,
        masking: reveal ? 'revealed' : 'masked',
        revealRecords,
        tenants: proven.tenants.map((t) => t.tenantId),
      });
    } catch (e) {
      // An export that is not on the record must not stay on disk looking valid.
      rmSync(outPath, { force: true });
      throw e;
    }
    progress({ phase: 'done', done: total, total });
    return {
      taskId,
      path: outPath,
      format: req.format,
      counts,
      bates: range,
      fileSha256,
      bundleSha256,
      bytes: fileBytes.byteLength,
      records,
      recordSeq: records[0]!.seq,
      fingerprints: proven.tenants.map((t) => ({ tenantId: t.tenantId, fingerprint: t.fingerprint })),
    };
  }

  private recordExport(
    v: Vault,
    r: {
      exportId: string;
      format: ExportFormat;
      scope: string;
      bates: { first: string; last: string } | null;
      bundleSha256: string;
      fileSha256: string;
      bytes: number;
      counts: ExportResult['counts'];
      masking: 'masked' | 'revealed';
      revealRecords: { tenantId: string; seq: number }[];
      tenants: string[];
    },
  ): { tenantId: string; seq: number }[] {
    return v.transaction(() =>
      r.tenants.map((tenantId) => {
        const rec = v.chain.append(
          tenantId,
          'export_created',
          {
            exportId: r.exportId,
            format: r.format,
            scope: r.scope,
            bates: r.bates,
            bundleSha256: r.bundleSha256,
            fileSha256: r.fileSha256,
            bytes: r.bytes,
            documents: r.counts.documents,
            messages: r.counts.messages,
            masking: r.masking,
            revealRecord: r.revealRecords.find((x) => x.tenantId === tenantId)?.seq ?? null,
          },
          v.member.name,
        );
        return { tenantId, seq: rec.seq };
      }),
    );
  }

  private async writerFor(format: 'pdf' | 'production'): Promise<FormatWriter> {
    const given = this.deps.writers?.[format];
    if (given) return given;
    return loadWriter(format);
  }
}

/** The built-in PDF and production writers, loaded on first use (they bring the PDF and ZIP libraries). */
async function loadWriter(format: 'pdf' | 'production'): Promise<FormatWriter> {
  const writers = await import('./export-writers');
  return format === 'pdf' ? writers.pdfWriter : writers.productionWriter;
}

function scopeSection(req: ExportRequest, description: string): Bundle['export']['scope'] {
  const s = req.scope;
  return {
    ...(s.chats ? { chats: s.chats.map((c) => ({ ...(c.tenantId !== undefined ? { tenantId: c.tenantId } : {}), chatId: c.chatId })) } : {}),
    ...(s.userId !== undefined ? { userId: s.userId } : {}),
    ...(s.orgId !== undefined ? { orgId: s.orgId } : {}),
    ...(s.tenantId !== undefined ? { tenantId: s.tenantId } : {}),
    ...(s.from !== undefined ? { from: s.from } : {}),
    ...(s.to !== undefined ? { to: s.to } : {}),
    ...(s.query !== undefined ? { query: s.query } : {}),
    ...(s.selection !== undefined ? { selection: s.selection.name } : {}),
    description,
  };
}

/** What the PDF's certification page says: the checkpoints, the keys and how to verify. */
export function certificationLines(tenants: Bundle['tenants'], createdAt: string, exportId: string): string[] {
  const lines = [`Export ${exportId}, created ${createdAt}.`];
  for (const t of tenants) {
    const head = t.checkpoints[t.checkpoints.length - 1]!.split('\n');
    lines.push(`Organisation ${t.name} (${t.tenantId}): signing key fingerprint ${t.fingerprint}`);
    lines.push(`  checkpoint ${head[0]} size ${head[1]} root ${head[2]} ${head[3]}`);
  }
  lines.push('To verify: run "ogma verify <this file>" (exit 0 = verified), or follow docs/export-format.md with the JSON bundle attached to this file.');
  lines.push('Compare the key fingerprint(s) above with the producing party through a separate channel.');
  return lines;
}

function checkOutPath(p: string): void {
  const dir = dirname(p);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new OgmaError('NOT_FOUND', `The folder ${dir} does not exist; create it or choose another output path.`, { field: 'outPath' });
  if (existsSync(p)) throw new OgmaError('ALREADY_EXISTS', `${p} already exists; choose a new file name (exports never overwrite).`, { field: 'outPath' });
}

function sha256(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex');
}
