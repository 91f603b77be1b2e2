import { useState } from 'react';
import { useApi } from '../api-context';
import { toFailure, type Failure } from '../errors/failure';
import { FormAlert } from '../forms/FormAlert';
import { Icon } from '../ui/Icon';
import { formatCount, formatRate } from './captureFormat';
import { dismissProgress, noteTasks, refreshCapture, useCapture, type Progress } from './captureStore';
import { PullStatusBadge } from './PullStatusBadge';

interface Row {
  taskId: string;
  title: string;
  tenantName: string | null;
  progress: Progress | null;
}

function ProgressRow({ row, onCancel, cancelling }: { row: Row; onCancel(): void; cancelling: boolean }) {
  const p = row.progress;
  const state = p?.state ?? 'running';
  const running = state === 'running';
  const rate = formatRate(p?.rate ?? null);
  const determinate = p?.total != null && p.total > 0;
  const label = `${row.title}${row.tenantName && !row.title.includes(row.tenantName) ? ` (${row.tenantName})` : ''}`;
  return (
    <li className={`run run--${state}`} aria-label={label}>
      <div className="run__head">
        <span className="run__title">{label}</span>
        <PullStatusBadge status={state} />
        <span className="run__phase">{p?.phase ?? 'starting'}</span>
        <span className="run__numbers num">
          {formatCount(p?.done ?? 0)} {(p?.done ?? 0) === 1 ? 'item' : 'items'}{rate && running ? ` · ${rate}` : ''}
        </span>
        {running ? (
          <button type="button" className="button button--small button--quiet" onClick={onCancel} disabled={cancelling}>
            <Icon name="stop" size={14} />
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : (
          <button type="button" className="button button--small button--quiet" onClick={() => dismissProgress(row.taskId)} aria-label={`Dismiss ${label}`}>
            Dismiss
          </button>
        )}
      </div>
      <div
        className={`progress${determinate || !running ? '' : ' progress--indeterminate'}`}
        role="progressbar"
        aria-label={`${label}: progress`}
        aria-valuemin={0}
        aria-valuemax={determinate ? p!.total! : undefined}
        aria-valuenow={determinate ? p!.done : undefined}
        aria-valuetext={p?.message ?? p?.phase ?? 'starting'}
      >
        <span className="progress__fill" style={determinate ? { width: `${Math.min(100, (p!.done / p!.total!) * 100)}%` } : undefined} />
      </div>
      {p?.message && <p className="run__message">{p.message}</p>}
    </li>
  );
}

/** Pull now (everything), and a live bar per pull fed by progress events, with cancel. */
export function CapturePanel({ admin }: { admin: boolean }) {
  const api = useApi();
  const status = useCapture((s) => s.status);
  const tenants = useCapture((s) => s.tenants);
  const progress = useCapture((s) => s.progress);
  const taskTenants = useCapture((s) => s.taskTenants);
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState<Record<string, boolean>>({});
  const [failure, setFailure] = useState<Failure | null>(null);

  const nameOf = (tenantId: string | undefined) => (tenantId ? (tenants?.find((t) => t.tenantId === tenantId)?.name ?? null) : null);
  const rows = new Map<string, Row>();
  for (const r of status?.running ?? []) rows.set(r.taskId, { taskId: r.taskId, title: r.title, tenantName: nameOf(r.tenantId), progress: progress[r.taskId] ?? null });
  for (const [taskId, p] of Object.entries(progress)) {
    if (!rows.has(taskId)) rows.set(taskId, { taskId, title: p.title, tenantName: nameOf(taskTenants[taskId]), progress: p });
  }
  const list = [...rows.values()];
  const anyRunning = list.some((r) => (r.progress?.state ?? 'running') === 'running');

  const pullAll = async () => {
    setStarting(true);
    setFailure(null);
    try {
      const { tasks } = await api.capture.pullNow({});
      noteTasks(tasks);
      await refreshCapture(api);
    } catch (error) {
      setFailure(toFailure(error));
    } finally {
      setStarting(false);
    }
  };

  const cancel = async (taskId: string) => {
    setCancelling((c) => ({ ...c, [taskId]: true }));
    try {
      await api.capture.cancel({ taskId });
    } catch (error) {
      setFailure(toFailure(error));
    } finally {
      setCancelling((c) => ({ ...c, [taskId]: false }));
    }
  };

  return (
    <section className="panel capture" aria-labelledby="capture-title">
      <div className="capture__head">
        <div>
          <h2 id="capture-title" className="panel__title capture__title">
            Capture
          </h2>
          <p className="capture__text">
            {anyRunning
              ? 'Pulling now. Each page is sealed as it arrives; cancelling keeps what was stored and the next pull resumes there.'
              : 'A pull reads everything new since the last one. Pulls never duplicate a record.'}
          </p>
        </div>
        {admin ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void pullAll()}
            disabled={starting || !tenants || tenants.length === 0}
          >
            <Icon name="pull" size={15} />
            {starting ? 'Starting…' : 'Pull now'}
          </button>
        ) : (
          <p className="capture__viewer muted">Only an admin can start a pull.</p>
        )}
      </div>
      {failure && <FormAlert failure={failure} />}
      {list.length > 0 ? (
        <ul className="runs" aria-label="Pulls">
          {list.map((row) => (
            <ProgressRow key={row.taskId} row={row} cancelling={!!cancelling[row.taskId]} onCancel={() => void cancel(row.taskId)} />
          ))}
        </ul>
      ) : (
        <p className="capture__idle muted">No pull running.</p>
      )}
    </section>
  );
}
