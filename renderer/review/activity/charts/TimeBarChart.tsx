import { useId, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { labelStride, niceScale } from '../chartScale';
import { bucketLabel, bucketTick } from '../timeBuckets';
import type { TimeChartData } from '../usageSeries';
import { ChartLegend } from './ChartLegend';
import { useWidth } from './useWidth';

const HEIGHT = 220;
const M = { top: 10, right: 8, bottom: 26, left: 64 };

interface Props {
  title: string;
  /** One sentence for screen readers and the figure's caption: what is drawn and how it is grouped. */
  description: string;
  data: TimeChartData;
  /** Axis labels only; tooltips and the table show the exact figures from `data`. */
  formatAxis: (n: number) => string;
  /** What the total row is called in the tooltip and table ("Tokens", "Cost"). */
  totalLabel: string;
  /** The values are counts: axis ticks stay whole numbers. */
  integer?: boolean;
}

/**
 * Stacked bars over time, drawn as plain SVG. Hover or focus it and use the arrow keys to
 * read one bucket's exact values; "Show table" lists them all. Colours come from the
 * theme (activity.css), so it follows light and dark.
 */
export function TimeBarChart({ title, description, data, formatAxis, totalLabel, integer = false }: Props) {
  const id = useId();
  const [wrapRef, width] = useWidth<HTMLDivElement>();
  const [active, setActive] = useState<number | null>(null);
  const [showTable, setShowTable] = useState(false);

  const n = data.buckets.length;
  const plotW = Math.max(1, width - M.left - M.right);
  const plotH = HEIGHT - M.top - M.bottom;
  const stackTotals = data.buckets.map((_, i) => data.series.reduce((a, s) => a + (s.values[i] ?? 0), 0));
  const scale = niceScale(Math.max(0, ...stackTotals), 4, integer);
  const band = plotW / Math.max(1, n);
  // A few buckets would make slabs; wide bars are capped so one day still reads as a bar.
  const barW = Math.min(48, band >= 4 ? band * 0.72 : Math.max(1, band - 0.5));
  const y = (v: number) => M.top + plotH - (v / scale.top) * plotH;
  const stride = labelStride(n, plotW, data.granularity === 'month' ? 78 : 56);

  const indexAt = (clientX: number, svg: SVGSVGElement) => {
    const x = clientX - svg.getBoundingClientRect().left - M.left;
    const i = Math.floor(x / band);
    return i >= 0 && i < n ? i : null;
  };
  const onMove = (e: MouseEvent<SVGSVGElement>) => setActive(indexAt(e.clientX, e.currentTarget));
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (n === 0) return;
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : e.key === 'Home' ? -n : e.key === 'End' ? n : 0;
    if (step === 0) return;
    e.preventDefault();
    setActive((a) => Math.min(n - 1, Math.max(0, (a ?? (step > 0 ? -1 : n)) + step)));
  };

  const tip = active !== null ? active : null;
  const tipLeft = tip !== null ? Math.min(Math.max(M.left + (tip + 0.5) * band, 110), Math.max(110, width - 110)) : 0;

  return (
    <figure className="act-chart" aria-labelledby={`${id}-title`}>
      <div className="act-chart__head">
        <h3 id={`${id}-title`} className="act-chart__title">
          {title}
        </h3>
        <button type="button" className="button button--quiet button--small" aria-expanded={showTable} aria-controls={`${id}-table`} onClick={() => setShowTable((s) => !s)}>
          {showTable ? 'Show chart' : 'Show table'}
        </button>
      </div>
      <ChartLegend items={data.series.map((s) => ({ id: s.id, label: s.label, series: s.series }))} />
      {/* Hidden rather than unmounted, so its width observer keeps watching the same element. */}
      <div
        hidden={showTable}
        ref={wrapRef}
        className="act-chart__plot"
        tabIndex={0}
        role="group"
        aria-label={`${title}. Use the left and right arrow keys to read each ${data.granularity}.`}
        onKeyDown={onKey}
        onBlur={() => setActive(null)}
      >
        <svg width={width} height={HEIGHT} role="img" aria-labelledby={`${id}-svgtitle ${id}-desc`} onMouseMove={onMove} onMouseLeave={() => setActive(null)}>
          <title id={`${id}-svgtitle`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          {scale.ticks.map((t) => (
            <g key={t}>
              <line className="act-chart__grid" x1={M.left} x2={M.left + plotW} y1={y(t)} y2={y(t)} />
              <text className="act-chart__axis" x={M.left - 8} y={y(t)} dy="0.32em" textAnchor="end">
                {formatAxis(t)}
              </text>
            </g>
          ))}
          {tip !== null && <rect className="act-chart__hover" x={M.left + tip * band} y={M.top} width={band} height={plotH} />}
          {data.buckets.map((b, i) => {
            let acc = 0;
            const x = M.left + i * band + (band - barW) / 2;
            return (
              <g key={b} data-bucket={b}>
                {data.series.map((s) => {
                  const v = s.values[i] ?? 0;
                  if (v <= 0) return null;
                  const y0 = y(acc);
                  acc += v;
                  const y1 = y(acc);
                  return <rect key={s.id} className={`act-series-${s.series}`} x={x} y={y1} width={barW} height={Math.max(0.5, y0 - y1)} />;
                })}
              </g>
            );
          })}
          <line className="act-chart__baseline" x1={M.left} x2={M.left + plotW} y1={y(0)} y2={y(0)} />
          {data.buckets.map((b, i) =>
            i % stride === 0 ? (
              <text key={b} className="act-chart__axis" x={M.left + (i + 0.5) * band} y={HEIGHT - 8} textAnchor="middle">
                {bucketTick(b, data.granularity)}
              </text>
            ) : null,
          )}
        </svg>
        {tip !== null && (
          <div className="act-tooltip" style={{ left: tipLeft }} role="status" aria-live="polite">
            <p className="act-tooltip__title">{bucketLabel(data.buckets[tip]!, data.granularity)}</p>
            <dl className="act-tooltip__rows">
              {data.series.map((s) => (
                <div key={s.id} className="act-tooltip__row">
                  <dt>
                    <span className={`act-swatch act-series-${s.series}`} aria-hidden="true" />
                    {s.label}
                  </dt>
                  <dd className="num">{s.display[tip]}</dd>
                </div>
              ))}
              <div className="act-tooltip__row act-tooltip__row--total">
                <dt>{totalLabel}</dt>
                <dd className="num">{data.totals[tip]}</dd>
              </div>
            </dl>
          </div>
        )}
      </div>
      {showTable && (
        <div id={`${id}-table`} className="table-scroll act-chart__table">
          <table className="grid-table">
            <caption className="visually-hidden">{description}</caption>
            <thead>
              <tr>
                <th scope="col">{data.granularity === 'day' ? 'Day' : data.granularity === 'week' ? 'Week of' : 'Month'}</th>
                {data.series.map((s) => (
                  <th key={s.id} scope="col" className="act-num">
                    {s.label}
                  </th>
                ))}
                <th scope="col" className="act-num">
                  {totalLabel}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.buckets.map((b, i) => (
                <tr key={b}>
                  <th scope="row" className="num">
                    {data.granularity === 'month' ? bucketLabel(b, 'month') : b}
                  </th>
                  {data.series.map((s) => (
                    <td key={s.id} className="num act-num">
                      {s.display[i]}
                    </td>
                  ))}
                  <td className="num act-num act-strong">{data.totals[i]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <figcaption className="act-chart__caption">{description}</figcaption>
    </figure>
  );
}
