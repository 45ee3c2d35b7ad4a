import type { TimeToEngagementReport } from '../../api/types.ts';
import { ChartFigure, TargetLine } from './ChartParts.tsx';
import { PLOT, yOf } from './chart-frame.ts';
import { formatRate } from './report-format.ts';

type CurvePoint = TimeToEngagementReport['curve'][number];

/** Runs of consecutive days that have a share; a withheld day breaks the line. */
function segments(points: readonly CurvePoint[]): CurvePoint[][] {
  const runs: CurvePoint[][] = [];
  let run: CurvePoint[] = [];
  for (const point of points) {
    if (point.share === null) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else run.push(point);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Days at which the day axis is labelled: every week. */
const DAY_TICKS = [0, 7, 14, 21, 28];

/**
 * The cumulative share engaged by each day after release, as a line against the target and the
 * end of the engagement window, drawn by hand as one accessible image.
 */
export function EngagementCurve({
  curve,
  windowDays,
  target,
}: {
  curve: readonly CurvePoint[];
  windowDays: number;
  target: number;
}) {
  const lastDay = Math.max(curve.length - 1, 1);
  const xOf = (day: number) => PLOT.left + (day / lastDay) * PLOT.width;
  const shown = curve.filter((point) => DAY_TICKS.includes(point.day) || point.day === windowDays);
  const description = `A line shows the share of people whose window has closed who had started treatment by each day after release, from day 0 (the release date) to day ${lastDay}; the dashed lines mark the target of ${formatRate(target)} and the end of the ${windowDays}-day window. ${shown
    .map((point) => `Day ${point.day}: ${point.share === null ? 'withheld' : formatRate(point.share)}`)
    .join('. ')}. Every day is in the table below.`;
  return (
    <ChartFigure
      title="Time to engagement: share started treatment by day after release"
      description={description}
      keyItems={[
        { swatch: 'line', text: 'Share who had started treatment by that day' },
        {
          swatch: 'target',
          text: `Target (${formatRate(target)}) and the end of the ${windowDays}-day window`,
        },
      ]}
    >
      {DAY_TICKS.filter((day) => day <= lastDay).map((day) => (
        <text
          key={day}
          className="continuity-chart__label"
          x={xOf(day)}
          y={PLOT.bottom + 20}
          textAnchor="middle"
        >
          {day}
        </text>
      ))}
      <text
        className="continuity-chart__label"
        x={PLOT.left + PLOT.width / 2}
        y={PLOT.bottom + 42}
        textAnchor="middle"
      >
        Days after release
      </text>
      {windowDays <= lastDay && (
        <g className="continuity-chart__target">
          <line
            x1={xOf(windowDays)}
            x2={xOf(windowDays)}
            y1={PLOT.top}
            y2={PLOT.bottom}
            strokeDasharray="4 4"
          />
          <text x={xOf(windowDays) + 6} y={PLOT.top + 12}>
            Day {windowDays}
          </text>
        </g>
      )}
      <TargetLine target={target} />
      {segments(curve).map((run) => (
        <g key={run[0]?.day} className="continuity-chart__line">
          <polyline points={run.map((point) => `${xOf(point.day)},${yOf(point.share ?? 0)}`).join(' ')} />
          {run.map((point) => (
            <circle key={point.day} cx={xOf(point.day)} cy={yOf(point.share ?? 0)} r={3} />
          ))}
        </g>
      ))}
    </ChartFigure>
  );
}
