import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { OgmaError } from '../../../../shared/api/errors';
import type { Db } from '../../vault/db';
import type { PullStatus, PullSummary } from '../types';

/**
 * One row per pull run. A run left 'running' by a process that no longer exists (killed,
 * crashed) is marked 'interrupted' when the next pull of its tenant starts; a run of a
 * process that is still alive blocks a second pull of the same tenant, so two processes
 * never walk the same cursors at once.
 */

export interface RunRow {
  id: string;
  tenantId: string;
  startedAt: string;
  finishedAt: string | null;
  status: PullStatus | 'running' | 'interrupted';
  pid: number;
  host: string;
  summary: PullSummary | null;
  recordSeq: number | null;
}

interface Row {
  id: string;
  tenant_id: string;
  started_at: string;
  finished_at: string | null;
  status: RunRow['status'];
  pid: number;
  host: string;
  summary: string | null;
  record_seq: number | null;
}

function toRun(r: Row): RunRow {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    status: r.status,
    pid: r.pid,
    host: r.host,
    summary: r.summary ? (JSON.parse(r.summary) as PullSummary) : null,
    recordSeq: r.record_seq,
  };
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class RunTable {
  constructor(private readonly db: Db) {}

  /** Inside a transaction: closes runs of dead processes, refuses while one is alive, opens a new run. */
  begin(tenantId: string, now: string): { run: RunRow; interrupted: RunRow[] } {
    const host = hostname();
    const open = (this.db.prepare(`SELECT * FROM capture_runs WHERE tenant_id = ? AND status = 'running'`).all(tenantId) as Row[]).map(toRun);
    const interrupted: RunRow[] = [];
    for (const r of open) {
      if (r.host === host && alive(r.pid)) {
        throw new OgmaError('UNAVAILABLE', `A pull of tenant "${tenantId}" is already running (process ${r.pid}, started ${r.startedAt}). Wait for it to finish or cancel it.`, {
          field: 'tenant',
        });
      }
      this.db.prepare(`UPDATE capture_runs SET status = 'interrupted', finished_at = ? WHERE id = ?`).run(now, r.id);
      interrupted.push(r);
    }
    const id = `run_${randomBytes(8).toString('hex')}`;
    this.db
      .prepare(`INSERT INTO capture_runs (id, tenant_id, started_at, status, pid, host) VALUES (?, ?, ?, 'running', ?, ?)`)
      .run(id, tenantId, now, process.pid, host);
    return { run: this.get(id)!, interrupted };
  }

  finish(id: string, summary: PullSummary): void {
    this.db
      .prepare('UPDATE capture_runs SET status = ?, finished_at = ?, summary = ?, record_seq = ? WHERE id = ?')
      .run(summary.status, summary.finishedAt, JSON.stringify(summary), summary.recordSeq, id);
  }

  get(id: string): RunRow | null {
    const r = this.db.prepare('SELECT * FROM capture_runs WHERE id = ?').get(id) as Row | undefined;
    return r ? toRun(r) : null;
  }

  /** The newest run that finished with a summary (not running, not interrupted). */
  latestFinished(tenantId: string): RunRow | null {
    const r = this.db.prepare('SELECT * FROM capture_runs WHERE tenant_id = ? AND summary IS NOT NULL ORDER BY rowid DESC LIMIT 1').get(tenantId) as Row | undefined;
    return r ? toRun(r) : null;
  }

  latest(tenantId: string): RunRow | null {
    const r = this.db.prepare('SELECT * FROM capture_runs WHERE tenant_id = ? ORDER BY rowid DESC LIMIT 1').get(tenantId) as Row | undefined;
    return r ? toRun(r) : null;
  }
}
