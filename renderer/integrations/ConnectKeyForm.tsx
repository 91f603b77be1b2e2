import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Res } from '../../shared/api/contract';
import type { Slot } from '../../shared/api/capture-schemas';
import { useApi } from '../api-context';
import { toFailure, type Failure } from '../errors/failure';
import { FormAlert } from '../forms/FormAlert';
import { TextField } from '../forms/TextField';
import { Icon } from '../ui/Icon';
import { placeConnectFailure, SLOTS, slotInfo, type ConnectField } from './captureFormat';
import { refreshCapture, type TenantIntegrations } from './captureStore';

export interface ConnectPreset {
  slot: Slot;
  tenantId: string | null;
  /** Changes on every "Connect"/"Replace key" click, so the same preset twice still applies. */
  nonce: number;
}

type ConnectResult = Res<'integrations.connect'>;

/**
 * Paste a vendor key: it is checked live with the vendor, then sealed in the vault. The key
 * never comes back: the input is cleared after every attempt and the result shows only a hint.
 */
export function ConnectKeyForm({ tenants, preset }: { tenants: readonly TenantIntegrations[]; preset: ConnectPreset | null }) {
  const api = useApi();
  const ids = useId();
  const keyRef = useRef<HTMLInputElement>(null);
  const [slot, setSlot] = useState<Slot>('anthropic-compliance');
  const [key, setKey] = useState('');
  const [tenantId, setTenantId] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [checking, setChecking] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<ConnectField, string>>>({});
  const [formFailure, setFormFailure] = useState<Failure | null>(null);
  const [result, setResult] = useState<ConnectResult | null>(null);

  useEffect(() => {
    if (!preset) return;
    setSlot(preset.slot);
    setTenantId(preset.tenantId ?? '');
    setErrors({});
    setResult(null);
    keyRef.current?.focus();
  }, [preset]);

  const info = slotInfo(slot);
  const target = tenants.find((t) => t.tenantId === tenantId);
  const replacing = !!target?.slots.some((s) => s.slot === slot);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (key.trim().length === 0) {
      setErrors({ key: 'Paste the key.' });
      keyRef.current?.focus();
      return;
    }
    setChecking(true);
    setErrors({});
    setFormFailure(null);
    setResult(null);
    const pasted = key;
    setKey(''); // the key leaves the page's state as soon as it is sent
    try {
      const res = await api.integrations.connect({
        slot,
        key: pasted,
        ...(tenantId ? { tenantId } : {}),
        ...(baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}),
      });
      setResult(res);
      void refreshCapture(api);
    } catch (error) {
      const failure = toFailure(error);
      const placed = placeConnectFailure(failure);
      if (placed.field === null || placed.field === 'slot') setFormFailure(failure);
      else {
        setErrors({ [placed.field]: placed.message });
        if (placed.field === 'baseUrl') setAdvancedOpen(true);
      }
      keyRef.current?.focus();
    } finally {
      setChecking(false);
    }
  };

  return (
    <form className="form connect" onSubmit={(e) => void submit(e)} aria-describedby={`${ids}-intro`} noValidate>
      <p id={`${ids}-intro`} className="form__intro">
        The key is checked live with the vendor, then sealed in this workspace’s vault. It is never shown again: have it
        ready to paste, since the vendor also shows it only once.
      </p>
      <fieldset className="slot-picker" disabled={checking}>
        <legend className="field__label">Which key</legend>
        {SLOTS.map((s) => (
          <label key={s.slot} className={`slot-option${slot === s.slot ? ' slot-option--selected' : ''}`}>
            <input type="radio" name={`${ids}-slot`} value={s.slot} checked={slot === s.slot} onChange={() => setSlot(s.slot)} />
            <span className="slot-option__text">
              <span className="slot-option__title">{s.label}</span>
              <span className="slot-option__detail">
                Starts with <span className="mono">{s.prefix}</span> · made in {s.madeWhere}
              </span>
            </span>
          </label>
        ))}
      </fieldset>

      {tenants.length > 1 ? (
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-tenant`}>
            Organisation <span className="field__optional">(optional)</span>
          </label>
          <select id={`${ids}-tenant`} className="select" value={tenantId} onChange={(e) => setTenantId(e.target.value)} disabled={checking}>
            <option value="">Decide from the key</option>
            {tenants.map((t) => (
              <option key={t.tenantId} value={t.tenantId}>
                {t.name}
              </option>
            ))}
          </select>
          <p className={errors.tenantId ? 'field__error' : 'field__hint'}>{errors.tenantId ?? 'Which connected organisation this key belongs to.'}</p>
        </div>
      ) : (
        target && (
          <p className="connect__target">
            For <strong>{target.name}</strong>
            {replacing && ': replaces the sealed key in place; what it captured stays.'}{' '}
            <button type="button" className="link-button" onClick={() => setTenantId('')}>
              Let the key decide
            </button>
            {errors.tenantId && <span className="field__error">{errors.tenantId}</span>}
          </p>
        )
      )}

      <TextField
        label={`Paste the ${info.label}`}
        type="password"
        name="vendor-key"
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        monospace
        inputRef={keyRef}
        value={key}
        onChange={(v) => {
          setKey(v);
          if (errors.key) setErrors((e) => ({ ...e, key: undefined }));
        }}
        placeholder={`${info.prefix}…`}
        error={errors.key}
        hint={`Paste the whole key; spaces and quotes around it are tidied away. ${info.reads}`}
        disabled={checking}
        data-1p-ignore
      />

      <details className="advanced" open={advancedOpen} onToggle={(e) => setAdvancedOpen(e.currentTarget.open)}>
        <summary>Advanced: vendor address</summary>
        <TextField
          label="Vendor address"
          optional
          monospace
          value={baseUrl}
          onChange={setBaseUrl}
          placeholder={info.vendor === 'OpenAI' ? 'https://api.openai.com' : 'https://api.anthropic.com'}
          error={errors.baseUrl}
          hint="Only for a proxy or a regional endpoint. Leave empty for the vendor’s own address."
          disabled={checking}
        />
      </details>

      {formFailure && <FormAlert failure={formFailure} />}

      <div className="form__actions connect__actions">
        <button type="submit" className="button button--primary" disabled={checking}>
          <Icon name="key" size={15} />
          {checking ? 'Checking the key with the vendor…' : replacing ? 'Replace key' : 'Check and seal'}
        </button>
        <p className="visually-hidden" role="status" aria-live="polite">
          {checking ? 'Checking the key with the vendor…' : ''}
        </p>
      </div>

      {result && <ConnectSuccess result={result} />}
    </form>
  );
}

function ConnectSuccess({ result }: { result: ConnectResult }) {
  return (
    <div className="connect__success" role="status">
      <Icon name="check" size={18} className="connect__success-icon" />
      <div className="connect__success-body">
        <p className="alert__title">
          {result.action === 'rotated' ? 'Replaced and sealed.' : 'Sealed.'} Key <span className="mono">{result.keyHint}</span>
        </p>
        <p>
          {slotInfo(result.slot).label} for <strong>{result.tenantName}</strong>
          {result.tenantCreated ? ' (new organisation)' : ''}. Recorded as record{' '}
          <span className="num">#{result.recordSeq}</span>.
        </p>
        <p className="connect__scopes">
          Scopes found:{' '}
          {result.checked.scopesFound.length > 0 ? (
            <span className="chips">
              {result.checked.scopesFound.map((s) => (
                <span key={s} className="chip mono">
                  {s}
                </span>
              ))}
            </span>
          ) : (
            'none reported'
          )}
        </p>
        {result.checked.scopesMissing.length > 0 && <p className="slot__missing">Missing scopes: {result.checked.scopesMissing.join(', ')}</p>}
        {result.cleanup.length > 0 && <p className="muted">Tidy-ups done: {result.cleanup.join('; ')}</p>}
      </div>
    </div>
  );
}
