import { useId, useState, type ReactNode } from 'react';
import { formatUsd, formatUsdExact, usdForGeometry } from '../money';
import { formatCompact, formatCount, TOKEN_KINDS, totalTokens } from '../tokens';
import type { BreakdownRow } from '../usageSeries';

const SHOWN = 8;

interface Props {
  title: string;
  description: string;
  rows: readonly BreakdownRow[];
  /** The group's name as the reader should see it (a model, a workspace id, a key link). */
  labelFor: (key: string | null) => ReactNode;
  columns: { tokens: boolean; cost: boolean };
  /** Which figure sizes the bars. */
  barBy: 'tokens' | 'cost';
  /** Shown instead of the table when there are no rows. */
  empty: string;
}

function tokenTitle(row: BreakdownRow): string {
  if (!row.tokens) return '';
  return TOKEN_KINDS.map((k) => `${k.label}: ${formatCount(row.tokens![k.key])}`).join('\n');
}

/**
 * A ranked bar chart that is also a table: one row per group, a bar sized by tokens or cost,
 * and the exact figures beside it (a cost's every reported digit is in its tooltip).
 */
export function BreakdownTable({ title, description, rows, labelFor, columns, barBy, empty }: Props) {
  const id = useId();
  const [all, setAll] = useState(false);
  const metric = (r: BreakdownRow) => (barBy === 'cost' ? (r.cost === null ? 0 : usdForGeometry(r.cost)) : r.tokens === null ? 0 : totalTokens(r.tokens));
  const max = Math.max(0, ...rows.map(metric));
  const shown = all ? rows : rows.slice(0, SHOWN);

  return (
    <section className="act-breakdown" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="act-chart__title">
        {title}
      </h3>
      <p className="act-chart__caption">{description}</p>
      {rows.length === 0 ? (
        <p className="muted act-breakdown__empty">{empty}</p>
      ) : (
        <table className="act-breakdown__table">
          <caption className="visually-hidden">{`${title}: ${description}`}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              {columns.tokens && (
                <th scope="col" className="act-num">
                  Tokens
                </th>
              )}
              {columns.cost && (
                <th scope="col" className="act-num">
                  Cost
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const share = max > 0 ? metric(r) / max : 0;
              return (
                <tr key={r.key ?? '\u0000null'}>
                  <th scope="row" className="act-breakdown__name">
                    <span className="act-breakdown__label">{labelFor(r.key)}</span>
                    {/* The bar repeats the figure beside it, so screen readers skip it. */}
                    <span className="act-bar" aria-hidden="true">
                      <span className={`act-bar__fill act-series-${barBy === 'cost' ? 5 : 1}`} style={{ width: `${(share * 100).toFixed(2)}%` }} />
                    </span>
                  </th>
                  {columns.tokens && (
                    <td className="num act-num" title={tokenTitle(r)}>
                      {r.tokens ? <abbr title={`${formatCount(totalTokens(r.tokens))} tokens\n${tokenTitle(r)}`}>{formatCompact(totalTokens(r.tokens))}</abbr> : '—'}
                    </td>
                  )}
                  {columns.cost && (
                    <td className="num act-num">{r.cost !== null ? <abbr title={formatUsdExact(r.cost)}>{formatUsd(r.cost)}</abbr> : '—'}</td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {rows.length > SHOWN && (
        <button type="button" className="button button--quiet button--small act-breakdown__more" onClick={() => setAll((a) => !a)} aria-expanded={all}>
          {all ? `Show the top ${SHOWN}` : `Show all ${rows.length}`}
        </button>
      )}
    </section>
  );
}
