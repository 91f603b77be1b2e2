import { useApi } from '../../api-context';
import { hrefFor } from '../../routing/routes';
import { useCapture } from '../../integrations/captureStore';
import { BreakdownTable } from './charts/BreakdownTable';
import { TimeBarChart } from './charts/TimeBarChart';
import { describeRange, rangeFor, todayUtc } from './dateRange';
import { setRange, useActivityUi } from './activityStore';
import { apiKeyLabel, modelLabel, projectLabel, userLabel, workspaceLabel, type Facets } from './labels';
import { EmptyNotice, LoadFailure } from './Notice';
import { GRANULARITY_NOUN } from './timeBuckets';
import { formatCompact } from './tokens';
import { useCall } from './useCall';
import { UsageFilters } from './UsageFilters';
import { UsageTotals } from './UsageTotals';
import { breakdown, costTimeSeries, granularityFor, hasUsage, spanOf, tokenTimeSeries, type Usage } from './usageSeries';

const usdAxis = (n: number) => (n >= 1000 ? `$${formatCompact(n)}` : `$${n.toFixed(n < 10 && n % 1 !== 0 ? 2 : 0)}`);

/** Why there is no usage yet, from which keys are connected: usage and cost need an admin key. */
function NoUsageYet({ tenantId }: { tenantId: string | null }) {
  const tenants = useCapture((s) => s.tenants);
  const slots = new Set((tenants ?? []).filter((t) => tenantId === null || t.tenantId === tenantId).flatMap((t) => t.slots.map((s) => s.slot)));
  const reporting = slots.has('anthropic-admin') || slots.has('openai');
  return (
    <EmptyNotice
      title="No usage or cost captured yet"
      action={
        <a className="button button--secondary button--small" href={hrefFor('integrations')}>
          Go to Integrations
        </a>
      }
    >
      {reporting ? (
        <p>An admin key is connected but no report has been pulled yet. Run a pull in Integrations; the charts fill in when it completes.</p>
      ) : (
        <p>
          Usage and cost come from the Anthropic Admin key (tokens and cost per model, workspace and key) and the OpenAI admin key (cost per project).
          Neither is connected for this organisation: an admin connects one in Integrations, then pulls.
        </p>
      )}
    </EmptyNotice>
  );
}

function UsageBody({ usage, range, facets }: { usage: Usage; range: { from?: string; to?: string } | undefined; facets: Facets | null }) {
  const choice = useActivityUi((s) => s.granularity);
  const span = spanOf(usage, range);
  const g = span ? granularityFor(span, choice) : 'day';
  const per = GRANULARITY_NOUN[g];
  const tokens = span ? tokenTimeSeries(usage.anthropic.tokens.byDay, span, g) : null;
  const costs = span ? costTimeSeries(usage, span, g) : null;
  const a = usage.anthropic;

  return (
    <>
      <UsageTotals usage={usage} />
      <div className="act-charts">
        {tokens && (
          <section className="panel act-panel">
            <TimeBarChart
              title={`Anthropic tokens per ${per}`}
              description={`Tokens in the Anthropic usage report, per ${per} (UTC), stacked by kind: input, cache write, cache read and output.`}
              data={tokens}
              formatAxis={formatCompact}
              totalLabel="Tokens"
            />
          </section>
        )}
        {costs && (
          <section className="panel act-panel">
            <TimeBarChart
              title={`Cost per ${per}`}
              description={`Cost in USD per ${per} (UTC), Anthropic cost report and OpenAI costs stacked. Exact amounts in the tooltip and table.`}
              data={costs}
              formatAxis={usdAxis}
              totalLabel="Total"
            />
          </section>
        )}
      </div>
      <div className="act-grid">
        <div className="panel act-panel">
          <BreakdownTable
            title="Anthropic by model"
            description="Tokens and cost per model."
            rows={breakdown(a.tokens.byModel, a.cost.byModel)}
            labelFor={modelLabel}
            columns={{ tokens: true, cost: true }}
            barBy="cost"
            empty="No model in the Anthropic reports for this period."
          />
        </div>
        <div className="panel act-panel">
          <BreakdownTable
            title="Anthropic by workspace"
            description="Tokens and cost per Console workspace."
            rows={breakdown(a.tokens.byWorkspace, a.cost.byWorkspace)}
            labelFor={workspaceLabel}
            columns={{ tokens: true, cost: true }}
            barBy="cost"
            empty="No workspace in the Anthropic reports for this period."
          />
        </div>
        <div className="panel act-panel">
          <BreakdownTable
            title="Anthropic tokens by user"
            description="Tokens the usage report attributes to a user account."
            rows={breakdown(a.tokens.byAccount, [])}
            labelFor={userLabel(facets)}
            columns={{ tokens: true, cost: false }}
            barBy="tokens"
            empty="The usage report attributes no tokens to a user for this period."
          />
        </div>
        <div className="panel act-panel">
          <BreakdownTable
            title="Anthropic tokens by API key"
            description="Tokens per API key; open a key to see everything it did."
            rows={breakdown(a.tokens.byApiKey, [])}
            labelFor={apiKeyLabel}
            columns={{ tokens: true, cost: false }}
            barBy="tokens"
            empty="No API key in the usage report for this period."
          />
        </div>
        <div className="panel act-panel">
          <BreakdownTable
            title="OpenAI cost by project"
            description="Cost per OpenAI project."
            rows={breakdown([], usage.openai.cost.byProject)}
            labelFor={projectLabel}
            columns={{ tokens: false, cost: true }}
            barBy="cost"
            empty="No OpenAI cost captured for this period."
          />
        </div>
        <div className="panel act-panel">
          <BreakdownTable
            title="OpenAI cost by line item"
            description="Cost per model and kind of use, as OpenAI bills it."
            rows={breakdown([], usage.openai.cost.byLineItem)}
            labelFor={(k) => k ?? <span className="muted">No line item</span>}
            columns={{ tokens: false, cost: true }}
            barBy="cost"
            empty="No OpenAI cost captured for this period."
          />
        </div>
      </div>
    </>
  );
}

/** Token and cost charts over the chosen period and organisation, with totals and breakdowns. */
export function UsageView({ facets }: { facets: Facets }) {
  const api = useApi();
  const tenantId = useActivityUi((s) => s.tenantId);
  const choice = useActivityUi((s) => s.range);
  const result = rangeFor(choice, todayUtc(new Date()));
  const range = result.ok ? result.range : undefined;
  const key = JSON.stringify([tenantId, result.ok ? range ?? null : 'invalid']);
  const [state, retry] = useCall(key, result.ok ? () => api.usage.summary({ ...(tenantId ? { tenantId } : {}), ...(range ? { range } : {}) }) : null);
  const usage = state.data;

  return (
    <div className="act-view" aria-busy={state.status === 'loading'}>
      <UsageFilters tenants={facets.tenants} rangeError={result.ok ? null : { field: result.field, message: result.message }} />
      {state.status === 'failed' && <LoadFailure failure={state.failure} what="the usage summary" onRetry={retry} />}
      {usage === null ? (
        state.status === 'loading' && <p className="panel muted">Reading the captured usage and cost…</p>
      ) : !hasUsage(usage) ? (
        range ? (
          <EmptyNotice
            title="Nothing reported in this period"
            action={
              <button type="button" className="button button--secondary button--small" onClick={() => setRange({ preset: 'all', from: '', to: '' })}>
                Show all captured
              </button>
            }
          >
            <p>No usage or cost was captured for {describeRange(range)}. Captured reports may cover other dates.</p>
          </EmptyNotice>
        ) : (
          <NoUsageYet tenantId={tenantId} />
        )
      ) : (
        <UsageBody usage={usage} range={range} facets={facets} />
      )}
    </div>
  );
}
