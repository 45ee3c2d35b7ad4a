import { type ReactNode, useId } from 'react';
import { CHART, PLOT, SHARE_TICKS, yOf } from './chart-frame.ts';
import { formatRate } from './report-format.ts';

/** The share axis: a labelled gridline at 0%, 25%, 50%, 75% and 100%. */
export function ShareAxis() {
  return (
    <g className="continuity-chart__axis">
      {SHARE_TICKS.map((tick) => (
        <g key={tick}>
          <line
            x1={PLOT.left}
            x2={PLOT.right}
            y1={yOf(tick)}
            y2={yOf(tick)}
            className={tick === 0 ? 'continuity-chart__baseline' : 'continuity-chart__grid'}
          />
          <text x={PLOT.left - 8} y={yOf(tick)} textAnchor="end" dominantBaseline="middle">
            {formatRate(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** The target as a dashed line across the plot, labelled at its right-hand end. */
export function TargetLine({ target }: { target: number }) {
  const y = yOf(target);
  return (
    <g className="continuity-chart__target">
      <line x1={PLOT.left} x2={PLOT.right} y1={y} y2={y} strokeDasharray="8 5" />
      <text x={PLOT.right} y={y - 6} textAnchor="end">
        Target {formatRate(target)}
      </text>
    </g>
  );
}

/** The chart's key, in HTML beside the SVG (the SVG itself is one image to screen readers). */
export function ChartKey({
  items,
}: {
  items: readonly { swatch: 'bar' | 'line' | 'target' | 'none'; text: string }[];
}) {
  return (
    <ul className="govuk-list continuity-chart-key">
      {items.map((item) => (
        <li key={item.text}>
          <span className={`continuity-chart-key__swatch continuity-chart-key__swatch--${item.swatch}`}>
            {item.swatch === 'none' ? '–' : null}
          </span>
          {item.text}
        </li>
      ))}
    </ul>
  );
}

/**
 * A chart drawn by hand as one accessible image: its title names it and its description reads
 * out every figure; the share axis under what `children` draw, and the key beside it.
 */
export function ChartFigure({
  title,
  description,
  keyItems,
  children,
}: {
  title: string;
  description: string;
  keyItems: Parameters<typeof ChartKey>[0]['items'];
  children: ReactNode;
}) {
  const id = useId();
  return (
    <figure className="continuity-chart">
      <svg
        className="continuity-chart__svg"
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        focusable="false"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <ShareAxis />
        {children}
      </svg>
      <ChartKey items={keyItems} />
    </figure>
  );
}
