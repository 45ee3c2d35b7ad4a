import type { ContinuityRow } from '../../api/types.ts';
import { ChartFigure, TargetLine } from './ChartParts.tsx';
import { PLOT, yOf } from './chart-frame.ts';
import { formatMonth, formatRate, rateText, shortMonth } from './report-format.ts';

/**
 * The continuity-of-care rate by release month as bars against the target's dashed line, drawn
 * by hand as one accessible image: its title names it and its description reads out every bar.
 * The same figures are in the table under it.
 */
export function RateChart({
  rows,
  target,
  windowDays,
  seriesName,
}: {
  /** One row per month, in order, for the series shown. */
  rows: readonly ContinuityRow[];
  target: number;
  windowDays: number;
  seriesName: string;
}) {
  const band = PLOT.width / Math.max(rows.length, 1);
  const barWidth = Math.min(48, band * 0.6);
  const title = `Continuity-of-care rate by release month, ${seriesName}`;
  const values = rows.map(
    (row) => `${formatMonth(row.month)}: ${rateText(row.rate, [row.engaged, row.cohort, row.pending], row)}`,
  );
  const description = `Bars show the share of people released in each month who started treatment within ${windowDays} days; the dashed line is the target of ${formatRate(target)}. ${values.join('. ')}.`;
  return (
    <ChartFigure
      title={title}
      description={description}
      keyItems={[
        { swatch: 'bar', text: `Share who started treatment within ${windowDays} days of release` },
        { swatch: 'target', text: `Target (${formatRate(target)})` },
        { swatch: 'none', text: 'No rate for the month: none released, all still pending, or withheld' },
      ]}
    >
      {rows.map((row, index) => {
        const centre = PLOT.left + band * (index + 0.5);
        const firstOfYear = index === 0 || row.month.endsWith('-01');
        return (
          <g key={row.month}>
            {row.rate === null ? (
              <text className="continuity-chart__none" x={centre} y={PLOT.bottom - 8} textAnchor="middle">
                –
              </text>
            ) : (
              <>
                <rect
                  className="continuity-chart__bar"
                  x={centre - barWidth / 2}
                  y={yOf(row.rate)}
                  width={barWidth}
                  height={PLOT.bottom - yOf(row.rate)}
                />
                <text
                  className="continuity-chart__value"
                  x={centre}
                  y={yOf(row.rate) - 6}
                  textAnchor="middle"
                >
                  {formatRate(row.rate)}
                </text>
              </>
            )}
            <text className="continuity-chart__label" x={centre} y={PLOT.bottom + 20} textAnchor="middle">
              {shortMonth(row.month)}
            </text>
            {firstOfYear && (
              <text className="continuity-chart__label" x={centre} y={PLOT.bottom + 38} textAnchor="middle">
                {row.month.slice(0, 4)}
              </text>
            )}
          </g>
        );
      })}
      <TargetLine target={target} />
    </ChartFigure>
  );
}
