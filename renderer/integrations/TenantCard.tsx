import type { Slot } from '../../shared/api/capture-schemas';
import { formatLastOpened } from '../welcome/formatLastOpened';
import { Icon } from '../ui/Icon';
import { SLOTS, type SlotInfo } from './captureFormat';
import type { TenantIntegrations } from './captureStore';
import { PullStatusBadge } from './PullStatusBadge';
import { ScheduleSelect } from './ScheduleSelect';

type SlotStatus = TenantIntegrations['slots'][number];

export function when(iso: string | null | undefined): string {
  return iso ? formatLastOpened(iso, new Date()) : '–';
}

function SlotCell({ tenantId, info, status, admin, onConnect }: { tenantId: string; info: SlotInfo; status: SlotStatus | undefined; admin: boolean; onConnect(): void }) {
  const headingId = `slot-${tenantId}-${info.slot}`;
  return (
    <li className={`slot${status ? ' slot--connected' : ''}`} aria-labelledby={headingId}>
      <div className="slot__head">
        <h4 className="slot__title" id={headingId}>
          {info.label}
        </h4>
        {status ? (
          <span className="badge badge--success">
            <Icon name="check" size={12} />
            Connected
          </span>
        ) : (
          <span className="badge badge--neutral">Not connected</span>
        )}
      </div>
      <p className="slot__kind">
        {info.kind} · <span className="mono">{info.prefix}…</span>
      </p>
      {status ? (
        <dl className="slot__facts">
          <dt>Scopes found</dt>
          <dd>
            {status.checked.scopesFound.length > 0 ? (
              <span className="chips">
                {status.checked.scopesFound.map((scope) => (
                  <span key={scope} className="chip mono" title={scope}>
                    {scope}
                  </span>
                ))}
              </span>
            ) : (
              <span className="muted">None reported (this key type has no scopes)</span>
            )}
            {status.checked.scopesMissing.length > 0 && (
              <span className="slot__missing">Missing: {status.checked.scopesMissing.join(', ')}</span>
            )}
          </dd>
          <dt>Sees</dt>
          <dd>
            {status.checked.orgs.length > 0 ? status.checked.orgs.map((o) => o.name ?? o.uuid).join(', ') : <span className="muted">Not reported</span>}
          </dd>
          <dt>Sealed</dt>
          <dd className="num">{when(status.sealedAt)}</dd>
          <dt>Rotated</dt>
          <dd className="num">{status.rotatedAt ? when(status.rotatedAt) : <span className="muted">Never</span>}</dd>
        </dl>
      ) : (
        <p className="slot__empty">{info.reads}</p>
      )}
      <div className="slot__foot">
        {status && (
          <span className="slot__url mono" title="Vendor address">
            {status.baseUrl}
          </span>
        )}
        {admin && (
          <button type="button" className="button button--small button--secondary" onClick={onConnect}>
            {status ? 'Replace key' : 'Connect'}
          </button>
        )}
      </div>
    </li>
  );
}

/** One connected organisation: its three key slots, its schedule and how its last pull went. */
export function TenantCard({
  tenant,
  admin,
  pulling,
  onConnect,
  onPull,
}: {
  tenant: TenantIntegrations;
  admin: boolean;
  pulling: boolean;
  onConnect(slot: Slot, tenantId: string): void;
  onPull(tenantId: string): void;
}) {
  const titleId = `tenant-${tenant.tenantId}`;
  return (
    <article className="panel tenant" aria-labelledby={titleId}>
      <header className="tenant__header">
        <div className="tenant__id">
          <h3 id={titleId} className="tenant__name">
            {tenant.name}
          </h3>
          <p className="tenant__meta">
            <span className="mono">{tenant.tenantId}</span>
            <span aria-hidden="true"> · </span>
            {tenant.lastPull ? (
              <>
                Last pull <PullStatusBadge status={tenant.lastPull.status} />{' '}
                <span className="num">{when(tenant.lastPull.finishedAt ?? tenant.lastPull.startedAt)}</span>
              </>
            ) : (
              'Never pulled'
            )}
          </p>
        </div>
        <div className="tenant__actions">
          <ScheduleSelect tenantId={tenant.tenantId} everyMinutes={tenant.pullEveryMinutes} disabled={!admin} />
          {admin && (
            <button type="button" className="button button--secondary" onClick={() => onPull(tenant.tenantId)} disabled={pulling}>
              <Icon name="pull" size={15} />
              {pulling ? 'Pulling…' : 'Pull this organisation'}
            </button>
          )}
        </div>
      </header>
      <ul className="slots">
        {SLOTS.map((info) => (
          <SlotCell
            key={info.slot}
            tenantId={tenant.tenantId}
            info={info}
            status={tenant.slots.find((s) => s.slot === info.slot)}
            admin={admin}
            onConnect={() => onConnect(info.slot, tenant.tenantId)}
          />
        ))}
      </ul>
    </article>
  );
}
