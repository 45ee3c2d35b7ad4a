/**
 * The drawing area shared by the dashboard's charts: an SVG viewBox with room for the axis
 * labels, and the scale from a share (0 to 1) to a height.
 */
export const CHART = { width: 720, height: 300, left: 52, right: 20, top: 20, bottom: 52 } as const;

/** Where the bars and lines go inside the viewBox: the chart less its margins for labels. */
export const PLOT = {
  left: CHART.left,
  right: CHART.width - CHART.right,
  top: CHART.top,
  bottom: CHART.height - CHART.bottom,
  width: CHART.width - CHART.left - CHART.right,
  height: CHART.height - CHART.top - CHART.bottom,
} as const;

/** The y coordinate of a share from 0 to 1 (clamped). */
export function yOf(share: number): number {
  const clamped = Math.min(1, Math.max(0, share));
  return PLOT.bottom - clamped * PLOT.height;
}

/** The gridlines of the share axis. */
export const SHARE_TICKS = [0, 0.25, 0.5, 0.75, 1] as const;
