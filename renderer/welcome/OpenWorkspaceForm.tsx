import { useEffect, useRef, useState, type FormEvent } from 'react';
import { calls } from '../../shared/api/contract';
import { useApi } from '../api-context';
import { fieldErrorsFromIssues } from '../errors/fieldErrors';
import { FormAlert } from '../forms/FormAlert';
import { TextField } from '../forms/TextField';
import { useFormSubmission } from '../forms/useFormSubmission';
import { useSession } from '../session/sessionStore';
import { folderPathExample } from './folderPathExample';
import { useEnterWorkspace } from './useEnterWorkspace';

const FIELDS = ['path', 'passphrase', 'memberName'] as const;
type OpenField = (typeof FIELDS)[number];

interface OpenWorkspaceFormProps {
  /** Lifted so a click on a recent workspace can fill it in. */
  path: string;
  onPathChange(path: string): void;
  /** Changes when a recent workspace was picked: the passphrase is what is left to type. */
  focusPassphraseToken: number;
}

export function OpenWorkspaceForm({ path, onPathChange, focusPassphraseToken }: OpenWorkspaceFormProps) {
  const api = useApi();
  const platform = useSession((s) => s.appInfo?.platform);
  const enterWorkspace = useEnterWorkspace();
  const form = useFormSubmission<OpenField>(FIELDS, { WRONG_PASSPHRASE: 'passphrase', NOT_FOUND: 'path' });
  const [passphrase, setPassphrase] = useState('');
  const [memberName, setMemberName] = useState('');
  const passphraseRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusPassphraseToken > 0) passphraseRef.current?.focus();
  }, [focusPassphraseToken]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const request = { path, passphrase, ...(memberName.trim() ? { memberName } : {}) };
    const parsed = calls['workspace.open'].request.safeParse(request);
    if (!parsed.success) return form.showFieldErrors(fieldErrorsFromIssues<OpenField>(parsed.error.issues, FIELDS));
    void form.submit(async () => {
      enterWorkspace(await api.workspace.open(request));
    });
  };

  return (
    <form ref={form.formRef} className="form" onSubmit={onSubmit} noValidate aria-describedby="open-intro">
      <p id="open-intro" className="form__intro">
        Open a case folder created here or copied from a colleague, with your own member passphrase.
      </p>
      <TextField
        label="Workspace folder"
        value={path}
        onChange={(value) => {
          onPathChange(value);
          form.clearFieldError('path');
        }}
        error={form.fieldErrors.path}
        hint="The folder ending in .ogma, or pick one from Recent workspaces."
        placeholder={folderPathExample(platform)}
        monospace
        autoComplete="off"
        required
      />
      <div className="form__row">
        <TextField
          label="Passphrase"
          type="password"
          value={passphrase}
          onChange={(value) => {
            setPassphrase(value);
            form.clearFieldError('passphrase');
          }}
          error={form.fieldErrors.passphrase}
          autoComplete="current-password"
          inputRef={passphraseRef}
          required
        />
        <TextField
          label="Member name"
          optional
          value={memberName}
          onChange={(value) => {
            setMemberName(value);
            form.clearFieldError('memberName');
          }}
          error={form.fieldErrors.memberName}
          hint="If several members share this folder."
          autoComplete="name"
        />
      </div>
      {form.formFailure && <FormAlert failure={form.formFailure} />}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={form.submitting}>
          {form.submitting ? 'Opening workspace…' : 'Open workspace'}
        </button>
      </div>
    </form>
  );
}
