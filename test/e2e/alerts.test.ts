import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaIds, callApi, createCase, day } from './api.ts';
import { type E2e, expectAccessible, expectHeading, newPage, signIn, startE2e } from './app.ts';

const CASEWORKER = { email: 'caseworker.worcs@example.test', name: 'Sam Patel' };
const RULE = 'No first appointment booked';
const NOTE = 'Spoke to the person; first appointment booked for Tuesday at 10am';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Menu' });

/** The row of the alerts table for the case. */
const alertRow = (page: Page) => page.getByRole('row').filter({ hasText: RULE });

/** Waits for the success banner that says `text`. */
async function expectBanner(page: Page, text: string): Promise<void> {
  await page.locator('.govuk-notification-banner--success').filter({ hasText: text }).waitFor();
}

describe('alerts, as the Worcestershire caseworker', () => {
  let e2e: E2e;
  let context: BrowserContext;
  let page: Page;
  let referralId = '';
  let caseReference = '';

  beforeAll(async () => {
    e2e = await startE2e('alerts');
    const { Worcestershire } = await areaIds(e2e.stack, CASEWORKER.email);
    // Released yesterday with no first appointment booked: due a day after the release.
    referralId = await createCase(e2e.stack, CASEWORKER.email, {
      areaId: Worcestershire as string,
      referredOn: day(-3),
      releasedOn: day(-1),
      establishment: 'HEI',
      givenName: 'Robin',
      familyName: 'Alder',
    });
    const moved = await fetch(`${e2e.stack.apiUrl}/_local/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceHours: 30 }),
    });
    expect(moved.status).toBe(200);
    const swept = await fetch(`${e2e.stack.apiUrl}/_local/sweep`, { method: 'POST' });
    expect(((await swept.json()) as { raised: number }).raised).toBeGreaterThan(0);
    ({ context, page } = await newPage(e2e.browser));
    await signIn(page, e2e.stack, CASEWORKER.email);
  });

  afterAll(async () => {
    await context?.close();
    await e2e?.stop();
  });

  it('shows the number of open alerts beside "Alerts" in the navigation', async () => {
    const link = nav(page).getByRole('link', { name: /^Alerts/ });
    await expect.poll(() => link.textContent()).toBe('Alerts 1 open alert');
    await link.locator('.govuk-tag', { hasText: '1' }).waitFor();
    await expectAccessible(page, 'the home page with the alert count');
  });

  it('lists the alert with the person, the case reference, area, times and status', async () => {
    await nav(page)
      .getByRole('link', { name: /^Alerts/ })
      .click();
    await expectHeading(page, 'Alerts');
    expect(await page.title()).toBe('Alerts – Continuity');
    const row = alertRow(page);
    await row.waitFor();
    // The person's name links to the case; the reference beside it is the one the emails give.
    const link = row.getByRole('link', { name: 'Robin Alder' });
    expect(await link.getAttribute('href')).toBe(`/referrals/${referralId}`);
    caseReference = /C-[0-9A-Z]{8}/.exec((await row.textContent()) ?? '')?.[0] ?? '';
    expect(caseReference).toBe(`C-${referralId.slice(-8).toUpperCase()}`);
    await row.getByRole('cell', { name: 'Worcestershire' }).waitFor();
    await row.locator('.govuk-tag', { hasText: 'Open' }).waitFor();
    // Raised and due times are written out in UK time, never as ISO.
    expect(await row.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await row.textContent()).toMatch(/\d{1,2} \w+ \d{4} at \d/);
    await expectAccessible(page, 'the alerts list');
  });

  it('acknowledges the alert with an optional note', async () => {
    await alertRow(page)
      .getByRole('link', { name: `Acknowledge alert: ${RULE.toLowerCase()}` })
      .click();
    await expectHeading(page, 'Acknowledge alert');
    await page.locator('.govuk-summary-list').getByText(RULE).waitFor();
    await expectAccessible(page, 'the acknowledge alert page');
    await page.getByRole('button', { name: 'Acknowledge alert' }).click();

    await page.waitForURL((url) => url.pathname === '/alerts');
    await expectBanner(page, `Alert acknowledged: ${RULE}`);
    const row = alertRow(page);
    await row.locator('.govuk-tag', { hasText: 'Acknowledged' }).waitFor();
    await row.getByText(`Acknowledged by ${CASEWORKER.name}`).waitFor();
    expect(await row.getByRole('link', { name: /^Acknowledge/ }).count()).toBe(0);
    // No alert is open any more, so the navigation shows no count.
    await expect
      .poll(() =>
        nav(page)
          .getByRole('link', { name: /^Alerts/ })
          .textContent(),
      )
      .toBe('Alerts');
  });

  it('shows the alert on the case page', async () => {
    await alertRow(page).getByRole('link', { name: 'Robin Alder' }).click();
    await page.waitForURL((url) => url.pathname === `/referrals/${referralId}`);
    await page.getByRole('heading', { level: 2, name: 'Alerts' }).waitFor();
    const item = page.locator('main li', { hasText: `${RULE}, raised` });
    await item.locator('.govuk-tag', { hasText: 'Acknowledged' }).waitFor();
    await item.getByText(`Acknowledged by ${CASEWORKER.name}`).waitFor();
    await expectAccessible(page, 'the case page with an alert');
  });

  it('resolves it from the case page, asking for a note first', async () => {
    const item = page.locator('main li', { hasText: `${RULE}, raised` });
    await item.getByRole('link', { name: `Resolve alert: ${RULE.toLowerCase()}` }).click();
    await expectHeading(page, 'Resolve alert');
    await page.getByRole('button', { name: 'Resolve alert' }).click();

    const summary = page.locator('.govuk-error-summary');
    const link = summary.getByRole('link', { name: 'Enter what was done to resolve the alert' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('#note');
    expect(await page.title()).toBe('Error: Resolve alert – Continuity');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(
      true,
    );
    await expect(page.locator('#note-error').textContent()).resolves.toContain(
      'Enter what was done to resolve the alert',
    );
    await expectAccessible(page, 'the resolve alert page with an error');
    await link.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('note');

    await page.getByLabel('What was done').fill(NOTE);
    await page.getByRole('button', { name: 'Resolve alert' }).click();
    await page.waitForURL((url) => url.pathname === `/referrals/${referralId}`);
    await expectBanner(page, `Alert resolved: ${RULE}`);
    const resolved = page.locator('main li', { hasText: `${RULE}, raised` });
    await resolved.locator('.govuk-tag', { hasText: 'Resolved' }).waitFor();
    await resolved.getByText(`Resolved by ${CASEWORKER.name}`).waitFor();
    await resolved.getByText(NOTE).waitFor();
    expect(await resolved.getByRole('link', { name: /^Resolve/ }).count()).toBe(0);
    const timeline = page.getByRole('list', { name: 'Timeline, newest first' });
    await timeline
      .getByRole('listitem')
      .filter({ hasText: `Alert resolved: ${RULE}` })
      .waitFor();
  });

  it('lists the resolved alert under its status', async () => {
    await nav(page)
      .getByRole('link', { name: /^Alerts/ })
      .click();
    await expectHeading(page, 'Alerts');
    await page.getByLabel('Status').selectOption('open');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'open');
    await page.getByText('No alerts match these filters.').waitFor();

    await page.getByLabel('Status').selectOption('resolved');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const row = alertRow(page);
    await row.locator('.govuk-tag', { hasText: 'Resolved' }).waitFor();
    await row.getByText(NOTE).waitFor();
    expect(await row.getByRole('link', { name: /^(Acknowledge|Resolve)/ }).count()).toBe(0);
    await expectAccessible(page, 'the resolved alerts');

    const api = await callApi<{ items: { status: string; note?: string }[] }>(
      e2e.stack,
      CASEWORKER.email,
      'GET',
      '/alerts?status=resolved',
    );
    expect(api.items).toEqual([expect.objectContaining({ status: 'resolved', note: NOTE })]);
  });

  it('lets the chair change when alerts are raised, checking the at-risk day against the window', async () => {
    const chair = await newPage(e2e.browser);
    try {
      const { page: chairPage } = chair;
      await signIn(chairPage, e2e.stack, 'chair@example.test');
      // Chairs act on no cases, so they have no alerts.
      expect(
        await nav(chairPage)
          .getByRole('link', { name: /^Alerts/ })
          .count(),
      ).toBe(0);
      await nav(chairPage).getByRole('link', { name: 'Partnership' }).click();
      await expectHeading(chairPage, 'Partnership settings');
      await chairPage.getByRole('link', { name: 'Change alert rules' }).click();
      await expectHeading(chairPage, 'Change partnership settings');
      await chairPage.getByLabel('No first appointment after').fill('48');
      await chairPage.getByLabel('Engagement at risk on day').fill('21');
      await chairPage.getByRole('button', { name: 'Save settings' }).click();

      const link = chairPage.locator('.govuk-error-summary').getByRole('link', {
        name: /Engagement at risk on day must be before the end of the engagement window/,
      });
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe('#settings-alertRules-engagementAtRiskDay');
      await expectAccessible(chairPage, 'the alert rules with an error');

      await chairPage.getByLabel('Engagement at risk on day').fill('10');
      await chairPage.getByRole('button', { name: 'Save settings' }).click();
      await expectBanner(chairPage, 'Partnership settings saved');
      await chairPage.getByText('48 hours from release').waitFor();
      await chairPage.getByText('day 10 after release').waitFor();
      await expectAccessible(chairPage, 'the partnership settings with the new alert rules');

      const saved = await callApi<{ settings: { alertRules: Record<string, number> } }>(
        e2e.stack,
        'chair@example.test',
        'GET',
        '/partnership',
      );
      expect(saved.settings.alertRules).toMatchObject({
        noFirstAppointmentHours: 48,
        engagementAtRiskDay: 10,
      });
    } finally {
      await chair.context.close();
    }
  });
});
