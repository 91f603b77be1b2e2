import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BreakdownTable } from '../../../../renderer/review/activity/charts/BreakdownTable';
import { TimeBarChart } from '../../../../renderer/review/activity/charts/TimeBarChart';
import type { TimeChartData } from '../../../../renderer/review/activity/usageSeries';

const data: TimeChartData = {
  granularity: 'day',
  buckets: ['2026-03-01', '2026-03-02', '2026-03-03'],
  series: [
    { id: 'a', label: 'Anthropic', series: 5, values: [1.5, 0, 2], display: ['$1.50', '$0.00', '$2.00'] },
    { id: 'o', label: 'OpenAI', series: 2, values: [1, 1, 0], display: ['$1.00', '$1.00', '$0.00'] },
  ],
  totals: ['$2.50', '$1.00', '$2.00'],
};

describe('the SVG charts', () => {
  it('draws one rect per non-zero value, themed by series class, with a title and a description', () => {
    const html = renderToStaticMarkup(<TimeBarChart title="Cost per day" description="Cost in USD per day." data={data} formatAxis={(n) => `$${n}`} totalLabel="Total" />);
    expect(html.match(/<rect class="act-series-5"/g)).toHaveLength(2);
    expect(html.match(/<rect class="act-series-2"/g)).toHaveLength(2);
    expect(html).toMatch(/<title id="[^"]+">Cost per day<\/title>/);
    expect(html).toMatch(/<desc id="[^"]+">Cost in USD per day.<\/desc>/);
    expect(html).toContain('role="img"');
    expect(html).toContain('Show table');
    // Colours come only from classes (activity.css), never hard-coded fills, so dark mode applies.
    expect(html).not.toMatch(/fill="#/);
  });

  it('lists groups as table rows with exact money in the tooltip and rounded money in the cell', () => {
    const html = renderToStaticMarkup(
      <BreakdownTable
        title="OpenAI cost by project"
        description="Cost per project."
        rows={[{ key: 'proj_1', tokens: null, cost: '1183.363848' }, { key: null, tokens: null, cost: '0.005' }]}
        labelFor={(k) => k ?? 'No project'}
        columns={{ tokens: false, cost: true }}
        barBy="cost"
        empty="none"
      />,
    );
    expect(html).toContain('<abbr title="$1,183.363848">$1,183.36</abbr>');
    expect(html).toContain('<abbr title="$0.005">$0.01</abbr>');
    expect(html).toContain('width:100.00%');
    expect(html.match(/<th scope="row"/g)).toHaveLength(2);
  });
});
