import type { CaseRecord } from '../../api/types.ts';
import { formatDayMonth } from '../../format/dates.ts';

/**
 * Where a released case stands in its engagement window: "Day 3 of 21 — the window closes on
 * 18 December". Shown only while the case waits for its treatment start, when the count matters.
 */
export function DayCounter({ record }: { record: CaseRecord }) {
  const { daysSinceRelease: day, windowDays, windowClosesOn } = record;
  if (record.status !== 'released' || typeof day !== 'number' || !windowDays || !windowClosesOn) return null;
  const closes = formatDayMonth(windowClosesOn);
  return (
    <p className="govuk-body-l continuity-day-counter">
      {day <= windowDays
        ? `Day ${day} of ${windowDays} — the window closes on ${closes}`
        : `Day ${day} — the ${windowDays}-day window closed on ${closes}`}
    </p>
  );
}
