/**
 * One tenant's Activity Feed, kept sorted ascending by (created_at, id). Rows are
 * visible to readers only once created_at + ingestion lag has passed on the sim clock.
 */
export interface ActivityRecord {
  id: string;
  t: number; // epoch ms, whole seconds
  type: string;
  orgUuid: string | null;
  orgId: string | null;
  actor: Record<string, unknown>;
  actorUserId: string | null; // for actor_ids[] / user_ids[] filters
  fields: Record<string, unknown>;
}

function before(a: ActivityRecord, t: number, id: string): boolean {
  return a.t < t || (a.t === t && a.id < id);
}

export class ActivityLog {
  private rows: ActivityRecord[] = [];
  private readonly byId = new Map<string, ActivityRecord>();

  get length(): number {
    return this.rows.length;
  }

  at(i: number): ActivityRecord {
    const row = this.rows[i];
    if (!row) throw new RangeError(`activity index ${i} out of range`);
    return row;
  }

  get(id: string): ActivityRecord | undefined {
    return this.byId.get(id);
  }

  /** Bulk load at build time (one sort instead of many inserts). */
  load(rows: ActivityRecord[]): void {
    for (const r of rows) this.byId.set(r.id, r);
    this.rows = [...this.rows, ...rows].sort((a, b) => a.t - b.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  add(row: ActivityRecord): void {
    this.byId.set(row.id, row);
    let lo = 0;
    let hi = this.rows.length;
    // new rows are almost always the newest: start the search from the end
    const last = this.rows[hi - 1];
    if (!last || before(last, row.t, row.id)) {
      this.rows.push(row);
      return;
    }
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(this.at(mid), row.t, row.id)) lo = mid + 1;
      else hi = mid;
    }
    this.rows.splice(lo, 0, row);
  }

  /** Position of the first row not before (t, id). */
  lowerBound(t: number, id: string): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(this.at(mid), t, id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Number of rows (a prefix) with t <= cutoff. */
  visibleCount(cutoff: number): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at(mid).t <= cutoff) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
