import type { Usage } from './usageSeries';
import { combinedCost } from './usageSeries';
import { formatUsd, formatUsdExact } from './money';
import { formatCompact, formatCount, TOKEN_KINDS, totalTokens } from './tokens';

function Stat({ label, value, exact, detail }: { label: string; value: string; exact: string; detail?: string[] }) {
  return (
    <div className="act-stat">
      <dt className="act-stat__label">{label}</dt>
      <dd className="act-stat__value num" title={exact}>
        {value}
      </dd>
      <dd className="act-stat__exact num">{exact}</dd>
      {detail?.map((line) => (
        <dd key={line} className="act-stat__detail">
          {line}
        </dd>
      ))}
    </div>
  );
}

/** The period's totals; money is the backend's exact sums, the combined figure summed exactly here. */
export function UsageTotals({ usage }: { usage: Usage }) {
  const t = usage.anthropic.tokens.total;
  const tokens = totalTokens(t);
  return (
    <dl className="act-stats" aria-label="Totals for the period">
      <Stat
        label="Anthropic tokens"
        value={formatCompact(tokens)}
        exact={`${formatCount(tokens)} tokens`}
        detail={[
          TOKEN_KINDS.filter((k) => k.key === 'uncachedInput' || k.key === 'output').map((k) => `${k.label} ${formatCompact(t[k.key])}`).join(' · '),
          TOKEN_KINDS.filter((k) => k.key === 'cacheCreation' || k.key === 'cacheRead').map((k) => `${k.label} ${formatCompact(t[k.key])}`).join(' · '),
          ...(t.webSearchRequests ? [`${formatCount(t.webSearchRequests)} web search requests`] : []),
        ]}
      />
      <Stat label="Anthropic cost" value={formatUsd(usage.anthropic.cost.total)} exact={formatUsdExact(usage.anthropic.cost.total)} />
      <Stat label="OpenAI cost" value={formatUsd(usage.openai.cost.total)} exact={formatUsdExact(usage.openai.cost.total)} />
      <Stat label="Total cost" value={formatUsd(combinedCost(usage))} exact={formatUsdExact(combinedCost(usage))} detail={['Both vendors, in USD as reported']} />
    </dl>
  );
}
