import { useState, type FormEvent } from 'react';
import { calls } from '../../shared/api/contract';
import { useApi } from '../api-context';
import { fieldErrorsFromIssues, type FieldErrors } from '../errors/fieldErrors';
import { FormAlert } from '../forms/FormAlert';
import { PassphraseStrengthMeter } from '../forms/PassphraseStrengthMeter';
import { TextField } from '../forms/TextField';
import { useFormSubmission } from '../forms/useFormSubmission';
import { useSession } from '../session/sessionStore';
import { folderPathExample } from './folderPathExample';
import { useEnterWorkspace } from './useEnterWorkspace';

const FIELDS = ['path', 'name', 'memberName', 'passphrase', 'confirm'] as const;
type CreateField = (typeof FIELDS)[number];

/** Checks what can be checked before calling, with the contract's own schema and messages. */
function validateLocally(form: Record<CreateField, string>): FieldErrors<CreateField> {
  const { confirm, ...request } = form;
  const parsed = calls['workspace.create'].request.safeParse(request);
  const errors = parsed.success ? {} : fieldErrorsFromIssues<CreateField>(parsed.error.issues, FIELDS);
  if (errors.name && request.name.trim() === '') errors.name = 'Give the case a name.';
  if (!errors.passphrase && confirm !== request.passphrase) {
    errors.confirm = confirm === '' ? 'Type the passphrase again to confirm it.' : 'The two passphrases do not match.';
  }
  return errors;
}

export function CreateWorkspaceForm() {
  const api = useApi();
  const platform = useSession((s) => s.appInfo?.platform);
  const enterWorkspace = useEnterWorkspace();
  const form = useFormSubmission<CreateField>(FIELDS, { ALREADY_EXISTS: 'path' });
  const [values, setValues] = useState<Record<CreateField, string>>({ path: '', name: '', memberName: '', passphrase: '', confirm: '' });

  const update = (field: CreateField) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    form.clearFieldError(field);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors = validateLocally(values);
    if (Object.keys(errors).length > 0) return form.showFieldErrors(errors);
    void form.submit(async () => {
      const { confirm: _confirm, ...request } = values;
      enterWorkspace(await api.workspace.create(request));
    });
  };

  return (
    <form ref={form.formRef} className="form" onSubmit={onSubmit} noValidate aria-describedby="create-intro">
      <p id="create-intro" className="form__intro">
        A workspace is one case: a folder holding the encrypted vault, its tamper-evident record and its members. You
        become its first admin.
      </p>
      <TextField
        label="Workspace folder"
        value={values.path}
        onChange={update('path')}
        error={form.fieldErrors.path}
        hint="A new folder on the computer running Ogma Desk. It can later be copied to another machine."
        placeholder={folderPathExample(platform)}
        monospace
        autoComplete="off"
        required
      />
      <div className="form__row">
        <TextField label="Case name" value={values.name} onChange={update('name')} error={form.fieldErrors.name} autoComplete="off" required />
        <TextField
          label="Your name"
          value={values.memberName}
          onChange={update('memberName')}
          error={form.fieldErrors.memberName}
          hint="Recorded with every action you take."
          autoComplete="name"
          required
        />
      </div>
      <div className="form__row">
        <TextField
          label="Passphrase"
          type="password"
          value={values.passphrase}
          onChange={update('passphrase')}
          error={form.fieldErrors.passphrase}
          autoComplete="new-password"
          required
        />
        <TextField
          label="Confirm passphrase"
          type="password"
          value={values.confirm}
          onChange={update('confirm')}
          error={form.fieldErrors.confirm}
          autoComplete="new-password"
          required
        />
      </div>
      <PassphraseStrengthMeter passphrase={values.passphrase} />
      {form.formFailure && <FormAlert failure={form.formFailure} />}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={form.submitting}>
          {form.submitting ? 'Creating workspace…' : 'Create workspace'}
        </button>
      </div>
    </form>
  );
}
