import { Fragment, useState } from 'react';
import { pageSummary } from './feedFilters';
import { keysOf, type ActivityRow } from './keyIds';
import { formatUtc, readableType, SOURCE_LABEL } from './format';
import { KeyLink, orgName, type Facets } from './labels';

interface Props {
  rows: readonly ActivityRow[];
  facets: Facets | null;
  caption: string;
  /** Filter the feed by this actor (a button on the actor's id); absent where the feed is fixed. */
  onActor?: (actorId: string) => void;
  /** The key whose investigation this is: its own id is shown, not linked. */
  currentKey?: string;
}

function Actor({ row, facets, onActor }: { row: ActivityRow; facets: Facets | null; onActor?: Props['onActor'] }) {
  const a = row.actor;
  const user = a.id ? facets?.users.find((u) => u.id === a.id) : undefined;
  const name = user?.name ?? null;
  return (
    <div className="act-actor">
      {a.id ? (
        onActor ? (
          <button type="button" className="link-button act-actor__id" onClick={() => onActor(a.id!)} title={`Show only events by ${a.id}`}>
            {name ?? <span className="mono act-id">{a.id}</span>}
          </button>
        ) : (
          <span className="act-actor__id">{name ?? <span className="mono act-id">{a.id}</span>}</span>
        )
      ) : (
        <span className="muted">{a.email ?? 'Unknown actor'}</span>
      )}
      {a.type && <span className="act-actor__type">{readableType(a.type)}</span>}
    </div>
  );
}

function KeyCell({ keyId, currentKey, role }: { keyId: string | null; currentKey?: string | undefined; role: string }) {
  if (!keyId) return null;
  return (
    <div className="act-keycell">
      <span className="act-keycell__role">{role}</span>
      {keyId === currentKey ? <span className="mono act-strong">{keyId}</span> : <KeyLink keyId={keyId} />}
    </div>
  );
}

/** Captured events, newest first; each key id leads to what that key did, each row opens to its (masked) record. */
export function FeedTable({ rows, facets, caption, onActor, currentKey }: Props) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="table-scroll act-feed__scroll">
      <table className="grid-table act-feed">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="act-feed__col-time">Time (UTC)</th>
            <th scope="col" className="act-feed__col-event">Event</th>
            <th scope="col" className="act-feed__col-actor">Actor</th>
            <th scope="col" className="act-feed__col-key">API key</th>
            <th scope="col">Organisation / project</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const id = `${r.tenantId}:${r.source}:${r.id}`;
            const keys = keysOf(r);
            const org = orgName(facets, r.orgId);
            const expanded = open === id;
            return (
              <Fragment key={id}>
                <tr data-type={r.type} className={expanded ? 'act-feed__row act-feed__row--open' : 'act-feed__row'}>
                  <td className="num act-feed__time">
                    {formatUtc(r.at).replace(' UTC', '')}
                    <button
                      type="button"
                      className="link-button act-feed__toggle"
                      aria-expanded={expanded}
                      aria-controls={expanded ? `${id}-detail` : undefined}
                      onClick={() => setOpen(expanded ? null : id)}
                      title="Show the captured event (personal data masked)"
                    >
                      {expanded ? 'Hide' : 'Details'} · record #{r.recordSeq}
                    </button>
                  </td>
                  <td>
                    <div className="act-event">
                      <span className="mono act-event__type">{r.type}</span>
                      <span className="act-event__source">{SOURCE_LABEL[r.source]}</span>
                    </div>
                  </td>
                  <td>
                    <Actor row={r} facets={facets} onActor={onActor} />
                  </td>
                  <td>
                    <KeyCell keyId={keys.actor} currentKey={currentKey} role="used" />
                    <KeyCell keyId={keys.subject} currentKey={currentKey} role="about" />
                  </td>
                  <td>
                    {org ?? (r.orgId ? <span className="mono act-id">{r.orgId}</span> : null)}
                    {r.projectId && <div className="mono act-id muted">{r.projectId}</div>}
                    {!r.orgId && !r.projectId && <span className="muted">—</span>}
                  </td>
                </tr>
                {expanded && (
                  <tr className="act-feed__detail">
                    <td colSpan={5} id={`${id}-detail`}>
                      <p className="act-feed__detail-title">
                        {readableType(r.type)} · event <span className="mono">{r.id}</span> · sealed in chain record #{r.recordSeq}; personal data masked
                      </p>
                      <pre className="act-json">{JSON.stringify(r.body, null, 2)}</pre>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function Pager({ offset, shown, total, pageSize, onPage, label }: { offset: number; shown: number; total: number; pageSize: number; onPage: (offset: number) => void; label: string }) {
  return (
    <nav className="act-pager" aria-label={label}>
      <span className="act-pager__summary num" aria-live="polite">
        {pageSummary(offset, shown, total)}
      </span>
      <button type="button" className="button button--secondary button--small" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - pageSize))}>
        Newer
      </button>
      <button type="button" className="button button--secondary button--small" disabled={offset + shown >= total} onClick={() => onPage(offset + pageSize)}>
        Older
      </button>
    </nav>
  );
}
