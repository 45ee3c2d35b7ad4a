import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaIds, callApi, createCase } from './api.ts';
import { type E2e, expectAccessible, expectHeading, newPage, signIn, startE2e } from './app.ts';

const CHAIR = 'chair@example.test';
const MANAGER = 'manager@example.test';
/** The stack's today: mid-June 2026, so the last 12 months run from July 2025 to June 2026. */
const TODAY = new Date('2026-06-15T11:00:00Z');

type Count = number | '<5';
interface Row {
  month: string;
  areaId: string | null;
  cohort: Count;
  engaged: Count;
  pending: Count;
  exits: Count;
  rate: number | null;
  adjustedRate: number | null;
}
interface Report {
  from: string;
  to: string;
  target: number;
  windowDays: number;
  suppressed: boolean;
  rows: Row[];
}

const month = (value: string) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${value}-01T00:00:00Z`),
  );
const count = (value: Count) => (typeof value === 'number' ? value.toLocaleString('en-GB') : value);
const percent = (rate: number) => `${Number((rate * 100).toFixed(1))}%`;

/** The text a rate cell must show: the percentage, or "Withheld" when a hidden count enters it. */
function rateCell(rate: number | null, inputs: Count[]): string | RegExp {
  if (rate !== null) return percent(rate);
  return inputs.includes('<5') ? 'Withheld' : /^(No releases|Not yet known|No rate)$/;
}

/** Checks every row of the monthly table against the API's rows, cell by cell. */
async function expectTableMatches(
  page: Page,
  report: Report,
  areaNames: Record<string, string>,
  whole: string,
) {
  const table = page.getByRole('table', { name: /^Continuity of care by release month/ });
  const rows = table.locator('tbody tr');
  await expect.poll(() => rows.count()).toBe(report.rows.length);
  const cells = await rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')),
  );
  report.rows.forEach((row, index) => {
    const shown = cells[index] as string[];
    const what = `${row.month} ${row.areaId ?? 'all'}`;
    expect(shown.slice(0, 6), what).toEqual([
      month(row.month),
      row.areaId ? areaNames[row.areaId] : whole,
      count(row.cohort),
      count(row.engaged),
      count(row.pending),
      count(row.exits),
    ]);
    expect(shown[6], what).toMatch(rateCell(row.rate, [row.engaged, row.cohort, row.pending]));
    expect(shown[7], what).toMatch(
      rateCell(row.adjustedRate, [row.engaged, row.cohort, row.pending, row.exits]),
    );
  });
}

describe('the continuity-of-care dashboard', () => {
  let e2e: E2e;
  let context: BrowserContext;
  let page: Page;
  let areas: Record<string, string> = {};
  let names: Record<string, string> = {};

  beforeAll(async () => {
    e2e = await startE2e('reports');
    e2e.stack.clock.set(TODAY);
    areas = await areaIds(e2e.stack, MANAGER);
    names = Object.fromEntries(Object.entries(areas).map(([name, id]) => [id, name]));
    const worcs = areas.Worcestershire as string;
    const hereford = areas.Herefordshire as string;
    // March 2026, Worcestershire: 7 released, 5 engaged within 21 days, 1 died, 1 not engaged.
    const march = [
      { releasedOn: '2026-03-02', engagedOn: '2026-03-03', establishment: 'HEI' },
      { releasedOn: '2026-03-04', engagedOn: '2026-03-06', establishment: 'HEI' },
      { releasedOn: '2026-03-09', engagedOn: '2026-03-12', establishment: 'HEI' },
      { releasedOn: '2026-03-10', engagedOn: '2026-03-13', establishment: 'BMI' },
      { releasedOn: '2026-03-16', engagedOn: '2026-03-26', establishment: 'HEI' },
      { releasedOn: '2026-03-18', closed: { reason: 'died', closedOn: '2026-03-21' }, establishment: 'HEI' },
      { releasedOn: '2026-03-23', establishment: 'BMI' },
    ];
    for (const steps of march) {
      await createCase(e2e.stack, MANAGER, { areaId: worcs, referredOn: '2026-02-20', ...steps });
    }
    // May 2026, Herefordshire: 2 released a fortnight ago, one engaged, one still pending.
    await createCase(e2e.stack, MANAGER, {
      areaId: hereford,
      referredOn: '2026-05-20',
      releasedOn: '2026-05-30',
      engagedOn: '2026-06-02',
      establishment: 'HEI',
    });
    await createCase(e2e.stack, MANAGER, {
      areaId: hereford,
      referredOn: '2026-05-20',
      releasedOn: '2026-05-31',
      establishment: 'HEI',
    });
    // A DIVERT referral more than six months old with no further offence.
    await createCase(e2e.stack, MANAGER, { areaId: worcs, referredOn: '2025-11-03', pathway: 'divert' });
    ({ context, page } = await newPage(e2e.browser));
    await signIn(page, e2e.stack, CHAIR);
  });

  afterAll(async () => {
    await context?.close();
    await e2e?.stop();
  });

  it('is linked from the chair’s home page and explains the measure', async () => {
    await page.getByRole('link', { name: 'Continuity of care dashboard' }).click();
    await expectHeading(page, 'Continuity of care');
    expect(await page.title()).toBe('Continuity of care – Continuity');
    await page.getByText(/start community treatment within 21 days of release/).waitFor();
    await page.getByText(/national ambition is 75%/).waitFor();
    await expect(page.getByLabel('From (release month)').inputValue()).resolves.toBe('2025-07');
    await expect(page.getByLabel('To (release month)').inputValue()).resolves.toBe('2026-06');
  });

  it('draws the rate by month against the target, with the same figures as the API in the table', async () => {
    const report = await callApi<Report>(e2e.stack, CHAIR, 'GET', '/reports/continuity-of-care');
    expect(report).toMatchObject({ from: '2025-07', to: '2026-06', target: 0.75, suppressed: true });

    const chart = page.getByRole('img', {
      name: /^Continuity-of-care rate by release month, Whole partnership/,
    });
    await chart.waitFor();
    const marchWhole = report.rows.find((row) => row.month === '2026-03' && row.areaId === null) as Row;
    expect(marchWhole).toMatchObject({ cohort: 7, engaged: 5, pending: 0, exits: '<5', adjustedRate: null });
    expect(await chart.locator('desc').textContent()).toContain(
      `March 2026: ${percent(marchWhole.rate as number)}`,
    );
    expect(await chart.locator('desc').textContent()).toContain('May 2026: Withheld');
    // One bar for each month of the whole partnership that has a rate: only March.
    expect(await chart.locator('rect.continuity-chart__bar').count()).toBe(1);
    expect(await chart.locator('.continuity-chart__target line').count()).toBe(1);
    expect(
      await chart.locator('.continuity-chart__target line').getAttribute('stroke-dasharray'),
    ).toBeTruthy();

    await expectTableMatches(page, report, names, 'Whole partnership');
    await page.getByText(/Small-number suppression: counts from 1 to 4 are shown as “<5”/).waitFor();
    await expectAccessible(page, 'the dashboard');
  });

  it('shows time to engagement, the prisons and the other pathways as the API does', async () => {
    const timing = await callApi<{
      decided: Count;
      medianDaysToTreatmentStart: number | null;
      curve: { day: number; share: number | null }[];
    }>(e2e.stack, CHAIR, 'GET', '/reports/time-to-engagement');
    await page.getByRole('img', { name: /^Time to engagement/ }).waitFor();
    const figures = page.locator('.govuk-summary-list').filter({ hasText: 'Median days' });
    await figures
      .locator('.govuk-summary-list__row', { hasText: 'People whose window has closed' })
      .getByText(count(timing.decided), { exact: true })
      .waitFor();
    expect(timing.medianDaysToTreatmentStart).toBe(3);
    await figures
      .locator('.govuk-summary-list__row', { hasText: 'treatment start' })
      .getByText('3 days', { exact: true })
      .waitFor();
    const day10 = timing.curve.find((point) => point.day === 10);
    await page.getByText('Show the share for each day').click();
    const dayRow = page
      .getByRole('table', { name: /by day after release/ })
      .locator('tbody tr')
      .nth(10);
    expect(await dayRow.locator('td').last().textContent()).toBe(
      day10?.share === null || day10 === undefined ? 'Withheld' : percent(day10.share),
    );

    const prisons = await callApi<{ rows: { establishment: string; cohort: Count; rate: number | null }[] }>(
      e2e.stack,
      CHAIR,
      'GET',
      '/reports/by-establishment',
    );
    expect(prisons.rows.map((row) => row.establishment)).toEqual(['HEI', 'BMI']);
    const prisonTable = page.getByRole('table', { name: 'Continuity of care by releasing prison' });
    for (const row of prisons.rows) {
      const shown = prisonTable
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: row.establishment }) });
      expect(await shown.locator('td').first().textContent()).toBe(count(row.cohort));
    }

    const pathways = page.getByRole('table', { name: 'Other pathways' });
    const divert = pathways.getByRole('row').filter({ hasText: 'DIVERT' });
    await divert.waitFor();
    expect(await divert.locator('td').last().textContent()).toBe('Withheld');
    await expectAccessible(page, 'the dashboard with the daily shares open');
  });

  it('shows one area when the area filter changes', async () => {
    await page.getByLabel('Area', { exact: true }).selectOption({ label: 'Herefordshire' });
    await page.getByRole('button', { name: 'Show report' }).click();
    await page.waitForURL((url) => url.searchParams.get('areaId') === areas.Herefordshire);
    await page
      .getByRole('img', { name: /^Continuity-of-care rate by release month, Herefordshire/ })
      .waitFor();
    const report = await callApi<Report>(
      e2e.stack,
      CHAIR,
      'GET',
      `/reports/continuity-of-care?areaId=${areas.Herefordshire}`,
    );
    expect(report.rows.every((row) => row.areaId === areas.Herefordshire)).toBe(true);
    await expectTableMatches(page, report, names, 'Whole partnership');
    await expectAccessible(page, 'the dashboard for one area');
  });

  it('refuses a period that ends before it starts', async () => {
    await page.getByLabel('From (release month)').selectOption('2026-05');
    await page.getByLabel('To (release month)').selectOption('2026-02');
    await page.getByRole('button', { name: 'Show report' }).click();
    const link = page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: 'The first month must be the same as or before the last month' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('#from');
    expect(await page.title()).toBe('Error: Continuity of care – Continuity');
    await expectAccessible(page, 'the dashboard with a period error');

    await page.getByLabel('From (release month)').selectOption('2026-01');
    await page.getByLabel('To (release month)').selectOption('2026-06');
    await page.getByRole('button', { name: 'Show report' }).click();
    await page.waitForURL((url) => url.searchParams.get('from') === '2026-01');
    expect(await page.locator('.govuk-error-summary').count()).toBe(0);
    const rows = page
      .getByRole('table', { name: /^Continuity of care by release month/ })
      .locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(6);
  });

  it('downloads the same figures as CSV', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('continuity-of-care-2026-01-to-2026-06.csv');
    const saved = await readFile((await download.path()) as string, 'utf8');
    const token = await e2e.stack.token(CHAIR);
    const direct = await fetch(
      `${e2e.stack.apiUrl}/reports/continuity-of-care.csv?from=2026-01&to=2026-06&areaId=${areas.Herefordshire}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(saved).toBe(await direct.text());
    const lines = saved.trim().split('\r\n');
    expect(lines[0]).toMatch(/^month,area_id,area,cohort,engaged,pending,exits,rate,adjusted_rate/);
    expect(lines).toHaveLength(7);
    expect(lines.find((line) => line.startsWith('2026-05'))).toContain('<5');
  });

  it('shows a manager the exact figures for their areas', async () => {
    const manager = await newPage(e2e.browser);
    try {
      await signIn(manager.page, e2e.stack, MANAGER);
      await manager.page
        .getByRole('navigation', { name: 'Menu' })
        .getByRole('link', { name: 'Reports' })
        .click();
      await expectHeading(manager.page, 'Continuity of care');
      const report = await callApi<Report>(e2e.stack, MANAGER, 'GET', '/reports/continuity-of-care');
      expect(report.suppressed).toBe(false);
      await expectTableMatches(manager.page, report, names, 'All your areas');
      const march = manager.page
        .getByRole('table', { name: /^Continuity of care by release month/ })
        .getByRole('row')
        .filter({ hasText: 'March 2026' })
        .filter({ hasText: 'Worcestershire' });
      expect(await march.locator('td').allTextContents()).toEqual([
        'Worcestershire',
        '7',
        '5',
        '0',
        '1',
        '71.4%',
        '83.3%',
      ]);
      await expectAccessible(manager.page, 'the dashboard for a manager');
    } finally {
      await manager.context.close();
    }
  });
});
