import { useState } from 'react';
import type { Slot } from '../../shared/api/capture-schemas';
import type { WorkspaceSummary } from '../../shared/api/schemas';
import { useApi } from '../api-context';
import { toFailure, type Failure } from '../errors/failure';
import { FormAlert } from '../forms/FormAlert';
import { Icon } from '../ui/Icon';
import { CapturePanel } from './CapturePanel';
import { noteTasks, refreshCapture, useCapture } from './captureStore';
import { ConnectKeyForm, type ConnectPreset } from './ConnectKeyForm';
import { PullHistory } from './PullHistory';
import { TenantCard } from './TenantCard';

/** Connected organisations and their keys, capture with live progress, the last pulls, and connecting a key. */
export function IntegrationsSurface({ workspace }: { workspace: WorkspaceSummary }) {
  const api = useApi();
  const admin = workspace.member.role === 'admin';
  const tenants = useCapture((s) => s.tenants);
  const status = useCapture((s) => s.status);
  const loadFailure = useCapture((s) => s.failure);
  const [preset, setPreset] = useState<ConnectPreset | null>(null);
  const [pullFailure, setPullFailure] = useState<Failure | null>(null);
  const [startingFor, setStartingFor] = useState<string | null>(null);

  const connect = (slot: Slot, tenantId: string | null) => {
    setPreset({ slot, tenantId, nonce: Date.now() });
    document.getElementById('connect-title')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  const pullOne = async (tenantId: string) => {
    setStartingFor(tenantId);
    setPullFailure(null);
    try {
      noteTasks((await api.capture.pullNow({ tenantId })).tasks);
      await refreshCapture(api);
    } catch (error) {
      setPullFailure(toFailure(error));
    } finally {
      setStartingFor(null);
    }
  };

  const runningTenants = new Set((status?.running ?? []).map((r) => r.tenantId));

  return (
    <div className="integrations">
      {loadFailure && <FormAlert failure={loadFailure} title="Could not read the integrations" />}
      {pullFailure && <FormAlert failure={pullFailure} />}

      <section aria-labelledby="orgs-title" className="integrations__orgs">
        <h2 id="orgs-title" className="section-title">
          Organisations
          {tenants && <span className="section-title__count num">{tenants.length}</span>}
        </h2>
        {tenants === null ? (
          <p className="panel muted" aria-busy="true">
            Reading the connected organisations…
          </p>
        ) : tenants.length === 0 ? (
          <div className="panel integrations__none">
            <Icon name="integrations" size={20} className="integrations__none-icon" />
            <div>
              <p className="empty__title">No vendor connected yet</p>
              <p className="muted">
                {admin ? 'Connect a key below. It is checked live with the vendor, sealed in the vault, and never shown again.' : 'An admin of this workspace connects the vendor keys.'}
              </p>
            </div>
          </div>
        ) : (
          tenants.map((t) => (
            <TenantCard
              key={t.tenantId}
              tenant={t}
              admin={admin}
              pulling={startingFor === t.tenantId || runningTenants.has(t.tenantId)}
              onConnect={connect}
              onPull={(id) => void pullOne(id)}
            />
          ))
        )}
      </section>

      <CapturePanel admin={admin} />

      {status && <PullHistory last={status.last} tenants={tenants ?? []} />}

      <section className="panel connect-panel" aria-labelledby="connect-title">
        <h2 id="connect-title" className="panel__title">
          Connect a key
        </h2>
        {admin ? (
          <ConnectKeyForm tenants={tenants ?? []} preset={preset} />
        ) : (
          <div className="alert alert--notice">
            <Icon name="info" size={18} className="alert__icon" />
            <div>
              <p className="alert__title">Only an admin can connect or replace keys</p>
              <p className="alert__message">
                You are a viewer in this workspace: you can see which keys are connected and how each pull went, but only an
                admin of this workspace can seal a key.
              </p>
            </div>
          </div>
        )}
      </section>
    </div>
  );
}
