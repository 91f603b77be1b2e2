import type { Failure } from '../../errors/failure';
import type { WizardStep } from './exportDraft';

/**
 * What a failed export asks of the investigator, and which step of the wizard to go back
 * to. The service's message says what happened; this adds where to fix it.
 */
export interface FailureAdvice {
  title: string;
  /** One sentence on what to do; the service's own message is shown above it. */
  advice: string;
  /** The step that holds the thing to change, when going back helps. */
  step: WizardStep | null;
}

export function adviceFor(failure: Failure): FailureAdvice {
  const field = failure.field ?? '';
  if (failure.code === 'FORBIDDEN') {
    return {
      title: 'Your role does not allow this export',
      advice: 'Only an admin can export unmasked personal data. Turn the reveal off to export masked text, or ask an admin. The refused attempt is in the audit log.',
      step: 'pii',
    };
  }
  if (failure.code === 'CANCELLED') {
    return { title: 'Export cancelled', advice: 'Nothing was written and nothing was recorded. Run it again when you are ready.', step: null };
  }
  if (field === 'scope' || field.startsWith('scope.')) {
    return {
      title: 'Nothing to export',
      advice: 'Widen the scope: clear the date range or the search, or choose another custodian or organisation.',
      step: 'scope',
    };
  }
  if (field === 'outPath') {
    return {
      title: failure.code === 'ALREADY_EXISTS' ? 'That file already exists' : 'The file cannot be written there',
      advice: 'Choose another file name or folder in the Format step; exports never overwrite a file.',
      step: 'format',
    };
  }
  if (field === 'format' || field.startsWith('bates')) {
    return {
      title: failure.code === 'UNAVAILABLE' ? 'This format is not available yet' : 'Check the format',
      advice: failure.code === 'UNAVAILABLE' ? 'Choose the JSON bundle, which every build can produce and verify.' : 'Correct the Bates prefix or start number.',
      step: 'format',
    };
  }
  if (field.startsWith('revealPii')) {
    return { title: 'Check the reason', advice: 'Say why the unmasked text is needed; the reason is recorded.', step: 'pii' };
  }
  if (failure.code === 'TAMPERED') {
    return {
      title: 'The case record failed its integrity check',
      advice: 'Nothing was exported. Run a verification from the Audit log to see which record is affected.',
      step: null,
    };
  }
  if (failure.code === 'NOT_OPEN') {
    return { title: 'No workspace is open', advice: 'Open the case workspace again, then run the export.', step: null };
  }
  return { title: 'The export did not finish', advice: 'Nothing was recorded. Try again; if it keeps failing, the details are in the log.', step: null };
}
