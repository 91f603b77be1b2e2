import { TextField } from '../../forms/TextField';
import { batesPreview, usesBates, type DraftErrors, type ExportDraft, type ExportFormatId } from './exportDraft';
import { useExportWizard } from './exportStore';
import { withFormatExtension } from './outPath';

const FORMATS: { id: ExportFormatId; title: string; text: string }[] = [
  {
    id: 'json',
    title: 'JSON bundle',
    text: 'Every message with its chain record, inclusion proof and the signed checkpoint. Verifies offline with the open verifier.',
  },
  {
    id: 'pdf',
    title: 'Bates-numbered PDF',
    text: 'Transcripts one after another, a Bates number on every page and a certification page. The JSON bundle rides inside, so the PDF alone verifies.',
  },
  {
    id: 'production',
    title: 'Production volume',
    text: 'A ZIP a review platform imports (DAT and OPT load files, images, text, natives) with MD5 and SHA-256 of every file and the proofs.',
  },
];

/** Step 2: the container, its Bates numbering, and the file to write. */
export function FormatStep({ draft, errors }: { draft: ExportDraft; errors: DraftErrors }) {
  const update = useExportWizard((s) => s.update);
  const preview = batesPreview(draft.batesPrefix, draft.batesStart);
  const choose = (format: ExportFormatId) => update({ format, outPath: withFormatExtension(draft.outPath, format) });

  return (
    <div className="form format-step">
      <fieldset className="choices">
        <legend className="field__label">Format</legend>
        {FORMATS.map((f) => (
          <label key={f.id} className={`choice${draft.format === f.id ? ' choice--on' : ''}`}>
            <input
              type="radio"
              name="export-format"
              value={f.id}
              checked={draft.format === f.id}
              onChange={() => choose(f.id)}
              aria-labelledby={`format-${f.id}-title`}
              aria-describedby={`format-${f.id}-text`}
            />
            <span className="choice__body">
              <span id={`format-${f.id}-title`} className="choice__title">
                {f.title}
              </span>
              <span id={`format-${f.id}-text`} className="choice__text">
                {f.text}
              </span>
            </span>
          </label>
        ))}
      </fieldset>

      {usesBates(draft.format) && (
        <fieldset className="bates">
          <legend className="field__label">Bates numbering</legend>
          <div className="form__row bates__row">
            <TextField
              label="Prefix"
              monospace
              value={draft.batesPrefix}
              onChange={(batesPrefix) => update({ batesPrefix })}
              error={errors.batesPrefix}
              hint="ASCII only, ending in a letter or sign, e.g. ACME-."
              maxLength={32}
              autoComplete="off"
            />
            <TextField
              label="First number"
              inputMode="numeric"
              monospace
              value={draft.batesStart}
              onChange={(batesStart) => update({ batesStart })}
              error={errors.batesStart}
              hint="Pages are numbered on from here, without gaps."
              autoComplete="off"
            />
          </div>
          <p className="bates__preview">
            First page: <span className="mono bates__stamp">{preview && !errors.batesPrefix ? preview : '—'}</span>
          </p>
        </fieldset>
      )}

      <TextField
        label="Save as"
        monospace
        value={draft.outPath}
        onChange={(outPath) => update({ outPath, outPathEdited: true })}
        error={errors.outPath}
        hint="A new file on this computer, in a folder that exists. Exports never overwrite."
        autoComplete="off"
      />
    </div>
  );
}
