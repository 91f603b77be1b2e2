import { useId, type ReactNode } from 'react';
import type { Failure } from '../../errors/failure';
import { FormAlert } from '../../forms/FormAlert';
import { TextField } from '../../forms/TextField';
import type { DraftErrors, ExportDraft } from './exportDraft';
import { useExportWizard } from './exportStore';
import { custodianChoices, orgLabel, refFromKey, refKey, userLabel, type Facets } from './scopeSummary';

export type { Facets } from './scopeSummary';

function SelectField({
  label,
  value,
  onChange,
  error,
  hint,
  children,
  disabled,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  error?: string | undefined;
  hint?: string;
  children: ReactNode;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="select field__select"
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-message`}
      >
        {children}
      </select>
      <p id={`${id}-message`} className={error ? 'field__error' : 'field__hint'}>
        {error ?? hint}
      </p>
    </div>
  );
}

/** Step 1: which chats. Every filter narrows the others; none means everything captured. */
export function ScopeStep({ draft, facets, facetsFailure, errors }: { draft: ExportDraft; facets: Facets | null; facetsFailure: Failure | null; errors: DraftErrors }) {
  const update = useExportWizard((s) => s.update);
  const manyTenants = (facets?.tenants.length ?? 0) > 1;
  const tenantName = (tenantId: string) => facets?.tenants.find((t) => t.id === tenantId)?.name ?? tenantId;
  const users = custodianChoices(facets, draft.org);
  const loading = !facets && !facetsFailure;

  return (
    <div className="form scope-step">
      <p className="form__intro">
        Choose what to export. The filters narrow one another; with none, every captured chat is exported. Chats are exported whole unless a date range keeps
        only some of their messages.
      </p>

      <div className={`selection-box${draft.selection ? ' selection-box--set' : ''}`} aria-live="polite">
        {draft.selection ? (
          <>
            <p className="selection-box__title">
              {draft.selection.name ? `Selection "${draft.selection.name}"` : 'Selected chats'}:{' '}
              <span className="num">{draft.selection.chats.length.toLocaleString('en-US')}</span>
            </p>
            <ul className="selection-box__list" aria-label="Selected chats">
              {draft.selection.chats.slice(0, 6).map((c) => (
                <li key={`${c.tenantId}/${c.chatId}`} className="mono">
                  {manyTenants ? `${tenantName(c.tenantId)} · ` : ''}
                  {c.chatId}
                </li>
              ))}
              {draft.selection.chats.length > 6 && <li className="muted">and {(draft.selection.chats.length - 6).toLocaleString('en-US')} more</li>}
            </ul>
            <button type="button" className="button button--small button--secondary" onClick={() => update({ selection: null })}>
              Clear the selection
            </button>
          </>
        ) : (
          <p className="muted">
            No chats are selected, so the filters below choose them. To export particular chats, select them in Content and send them here.
          </p>
        )}
      </div>

      {facetsFailure && <FormAlert failure={facetsFailure} title="The organisations and users could not be listed" />}

      <div className="form__row">
        <SelectField
          label="Organisation"
          value={draft.org ? refKey(draft.org) : ''}
          disabled={loading}
          error={errors.org}
          hint={loading ? 'Loading…' : 'The vendor organisation the chats belong to.'}
          onChange={(v) => {
            const org = refFromKey(v);
            // A custodian of another connection cannot be in this organisation.
            update({ org, user: org && draft.user && draft.user.tenantId !== org.tenantId ? null : draft.user });
          }}
        >
          <option value="">All organisations</option>
          {(facets?.orgs ?? []).map((o) => (
            <option key={refKey({ tenantId: o.tenantId, id: o.id })} value={refKey({ tenantId: o.tenantId, id: o.id })}>
              {orgLabel(o)}
              {manyTenants ? ` (${tenantName(o.tenantId)})` : ''} · {o.chats.toLocaleString('en-US')} chats
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Custodian"
          value={draft.user ? refKey(draft.user) : ''}
          disabled={loading}
          error={errors.user}
          hint="The user whose chats these are."
          onChange={(v) => update({ user: refFromKey(v) })}
        >
          <option value="">All users</option>
          {users.map((u) => (
            <option key={refKey({ tenantId: u.tenantId, id: u.id })} value={refKey({ tenantId: u.tenantId, id: u.id })}>
              {userLabel(u)} · {u.chats.toLocaleString('en-US')} chats
            </option>
          ))}
        </SelectField>
      </div>

      <div className="form__row">
        <TextField
          label="From"
          type="date"
          optional
          value={draft.from}
          onChange={(from) => update({ from })}
          error={errors.from}
          hint="First day kept (UTC), inclusive."
        />
        <TextField label="To" type="date" optional value={draft.to} onChange={(to) => update({ to })} error={errors.to} hint="Last day kept (UTC), inclusive." />
      </div>

      <TextField
        label="Search"
        type="search"
        optional
        value={draft.query}
        onChange={(query) => update({ query })}
        error={errors.query}
        placeholder='e.g. invoice OR "wire transfer"'
        hint="Keeps the chats with at least one matching message; each is exported whole."
      />
      {errors.selection && (
        <p className="field__error" role="alert">
          {errors.selection}
        </p>
      )}
    </div>
  );
}
