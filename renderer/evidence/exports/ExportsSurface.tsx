import { useEffect, useMemo, useState } from 'react';
import type { WorkspaceSummary } from '../../../shared/api/schemas';
import { useApi } from '../../api-context';
import { toFailure, type Failure } from '../../errors/failure';
import { useHashRoute } from '../../routing/useHashRoute';
import { errorsOfStep, firstStepWithErrors, validateDraft, WIZARD_STEPS, type WizardStep } from './exportDraft';
import { handOverSelection, resetExportWizard, useExportWizard } from './exportStore';
import { FormatStep } from './FormatStep';
import { defaultOutPath } from './outPath';
import { PiiStep } from './PiiStep';
import { RunStep } from './RunStep';
import { ScopeStep, type Facets } from './ScopeStep';
import { selectionFromRoute } from './selectionRoute';
import { WizardSteps } from './WizardSteps';

const STEP_TITLES: Record<WizardStep, string> = {
  scope: 'Scope',
  format: 'Format',
  pii: 'Personal data',
  run: 'Review and run',
};

/**
 * The export wizard: scope, format, personal data, then review and run. The draft and the
 * run live in a store, so leaving for another surface mid-export and coming back shows the
 * same progress or result.
 */
export function ExportsSurface({ workspace }: { workspace: WorkspaceSummary }) {
  const api = useApi();
  const [route] = useHashRoute();
  const wizardWorkspace = useExportWizard((s) => s.workspaceId);
  const draft = useExportWizard((s) => s.draft);
  const step = useExportWizard((s) => s.step);
  const visited = useExportWizard((s) => s.visited);
  const run = useExportWizard((s) => s.run);
  const goTo = useExportWizard((s) => s.goTo);
  const update = useExportWizard((s) => s.update);
  const [facets, setFacets] = useState<Facets | null>(null);
  const [facetsFailure, setFacetsFailure] = useState<Failure | null>(null);

  // A draft belongs to one workspace: opening another starts afresh (before any hand-over below).
  useEffect(() => {
    if (wizardWorkspace !== workspace.id) resetExportWizard(workspace.id);
  }, [wizardWorkspace, workspace.id]);

  // Chats handed over in the URL (#/exports/chats/<tenant>/<chat>/...): taken once, then the URL is tidied.
  const routeKey = route.rest.join('\u0000');
  useEffect(() => {
    const selection = selectionFromRoute(routeKey.split('\u0000'));
    if (!selection) return;
    handOverSelection(selection);
    window.history.replaceState(null, '', '#/exports');
  }, [routeKey]);

  // A default file name until the investigator types one (an emptied field stays empty: they are typing).
  useEffect(() => {
    if (!draft.outPath && !draft.outPathEdited) update({ outPath: defaultOutPath(workspace.path, draft.format, new Date()) });
  }, [draft.outPath, draft.outPathEdited, draft.format, workspace.path, update]);

  useEffect(() => {
    let live = true;
    api.content.facets({}).then(
      (f) => live && (setFacets(f), setFacetsFailure(null)),
      (e: unknown) => live && setFacetsFailure(toFailure(e)),
    );
    return () => {
      live = false;
    };
  }, [api, workspace.id]);

  const role = workspace.member.role;
  const errors = useMemo(() => validateDraft(draft, { role }), [draft, role]);
  const stepErrors = errorsOfStep(errors, step);
  // A value typed wrong is flagged at once; a reason not yet written only once the step was left or Next pressed.
  const { reason: _unwrittenReason, ...typedErrors } = stepErrors;
  const shownErrors = visited.includes(step) ? stepErrors : typedErrors;
  const index = WIZARD_STEPS.indexOf(step);
  const locked = run.status === 'running';

  const next = () => {
    if (Object.keys(stepErrors).length > 0) {
      // Mark the step visited so its errors show next to the fields.
      useExportWizard.setState((s) => ({ visited: s.visited.includes(step) ? s.visited : [...s.visited, step] }));
      return;
    }
    const to = WIZARD_STEPS[index + 1];
    if (to) goTo(to);
  };

  const reachable = (target: WizardStep): boolean => {
    if (locked) return target === 'run';
    const t = WIZARD_STEPS.indexOf(target);
    if (t <= index) return true;
    // Forward only past steps without errors.
    return WIZARD_STEPS.slice(0, t).every((s) => Object.keys(errorsOfStep(errors, s)).length === 0);
  };

  return (
    <div className="ev-surface ev-exports">
      <WizardSteps
        label="Export steps"
        steps={WIZARD_STEPS.map((s) => ({ id: s, title: STEP_TITLES[s], invalid: visited.includes(s) && Object.keys(errorsOfStep(errors, s)).length > 0 }))}
        current={step}
        canGo={reachable}
        onGo={goTo}
      />
      <section className="panel wizard" aria-labelledby="wizard-step-title">
        <h2 id="wizard-step-title" className="wizard__title">
          <span className="wizard__count">
            Step {index + 1} of {WIZARD_STEPS.length}
          </span>{' '}
          {STEP_TITLES[step]}
        </h2>
        {step === 'scope' && <ScopeStep draft={draft} facets={facets} facetsFailure={facetsFailure} errors={shownErrors} />}
        {step === 'format' && <FormatStep draft={draft} errors={shownErrors} />}
        {step === 'pii' && <PiiStep draft={draft} role={role} errors={shownErrors} />}
        {step === 'run' && <RunStep draft={draft} facets={facets} blockedAt={firstStepWithErrors(errors)} />}
        {step !== 'run' && (
          <div className="wizard__nav">
            {index > 0 && (
              <button type="button" className="button button--secondary" onClick={() => goTo(WIZARD_STEPS[index - 1]!)}>
                Back
              </button>
            )}
            <button type="button" className="button button--primary wizard__next" onClick={next}>
              Next: {STEP_TITLES[WIZARD_STEPS[index + 1]!]}
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
