import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, expectAccessible, expectHeading, newPage, signIn, startE2e } from './app.ts';

describe('areas, as the chair', () => {
  let e2e: E2e;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2e('areas');
    ({ context, page } = await newPage(e2e.browser));
  });

  afterAll(async () => {
    await context?.close();
    await e2e?.stop();
  });

  it('shows an accessible start page to someone signed out', async () => {
    await page.goto(`${e2e.stack.url}/`);
    await expectHeading(page, 'Continuity');
    expect(await page.title()).toBe('Continuity');
    await expectAccessible(page, 'the start page');
  });

  it('signs the chair in through the local sign-in page and shows their home page', async () => {
    await signIn(page, e2e.stack, 'chair@example.test');
    expect(new URL(page.url()).pathname).toBe('/');
    await expectHeading(page, 'Welcome, Priya Shah');
    await expect(page.getByText('Worcestershire and Herefordshire CDP').first().isVisible()).resolves.toBe(
      true,
    );
    expect(await page.title()).toBe('Home – Continuity');
    await expectAccessible(page, 'the home page');
  });

  it('shows the partnership settings', async () => {
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Partnership' }).click();
    await expectHeading(page, 'Partnership settings');
    await page.getByText('21 days').waitFor();
    await expect(page.getByText('75%').isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'the partnership page');
  });

  it('lets the chair change the settings, checking the numbers first', async () => {
    await page.getByRole('link', { name: 'Change partnership name and settings' }).click();
    await expectHeading(page, 'Change partnership settings');
    await page.getByLabel('Engagement window').fill('5');
    await page.getByLabel('Target rate').fill('80');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const link = page.locator('.govuk-error-summary').getByRole('link', { name: /Engagement window/ });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('#settings-engagementWindowDays');
    await expect(page.getByLabel('Target rate').inputValue()).resolves.toBe('80');

    await page.getByLabel('Engagement window').fill('28');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('alert').filter({ hasText: 'Partnership settings saved' }).waitFor();
    await page.getByText('28 days').waitFor();
    await page.getByText('80%').waitFor();
  });

  it('lists the areas', async () => {
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Areas' }).click();
    await expectHeading(page, 'Areas');
    // After a page change inside the app, focus is on the new page's heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.getByRole('cell', { name: 'E10000034' }).waitFor();
    await expect(page.getByRole('cell', { name: 'E06000019' }).isVisible()).resolves.toBe(true);
    expect(await page.title()).toBe('Areas – Continuity');
    await expectAccessible(page, 'the areas list');
  });

  it('keeps what was typed and links the error summary to the ONS code when the code is wrong', async () => {
    await page.getByRole('button', { name: 'Add an area' }).click();
    await expectHeading(page, 'Add an area');
    await page.getByLabel('Name', { exact: true }).fill('Malvern Hills');
    await page.getByLabel('ONS code').fill('E1234');
    await page.getByRole('button', { name: 'Add area' }).click();

    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    const link = summary.getByRole('link', { name: /ONS code/ });
    expect(await link.getAttribute('href')).toBe('#onsCode');
    expect(await page.title()).toMatch(/^Error: Add an area – Continuity$/);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(
      true,
    );
    await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('Malvern Hills');
    await expect(page.getByLabel('ONS code').inputValue()).resolves.toBe('E1234');
    await expect(page.locator('#onsCode-error').textContent()).resolves.toContain('Error:');
    await expectAccessible(page, 'the area form with errors');

    await link.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('onsCode');
  });

  it('links the server’s refusal of a code already in use to the ONS code', async () => {
    await page.getByLabel('ONS code').fill('E10000034');
    await page.getByRole('button', { name: 'Add area' }).click();
    const link = page.locator('.govuk-error-summary').getByRole('link', { name: /already has the ONS code/ });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('#onsCode');
    await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('Malvern Hills');
  });

  it('adds the area once the code is right and lists it', async () => {
    await page.getByLabel('ONS code').fill('E07000235');
    await page.getByRole('button', { name: 'Add area' }).click();
    await page.waitForURL((url) => url.pathname === '/areas');
    await page.getByRole('alert').filter({ hasText: 'Malvern Hills added' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Malvern Hills' });
    await row.getByRole('cell', { name: 'E07000235' }).waitFor();
  });

  it('changes an area, and says so when someone else changed it first', async () => {
    await page
      .getByRole('row')
      .filter({ hasText: 'Malvern Hills' })
      .getByRole('link', { name: 'Change Malvern Hills' })
      .click();
    await expectHeading(page, 'Change area');
    await expect(page.getByLabel('ONS code').inputValue()).resolves.toBe('E07000235');

    // Someone else saves the area while this form is open.
    const token = await e2e.stack.token('chair@example.test');
    const areaId = new URL(page.url()).pathname.split('/')[2] as string;
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${e2e.stack.apiUrl}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
      });
    const current = (await (await api(`/areas/${areaId}`)).json()) as { version: number };
    const changed = await api(`/areas/${areaId}`, {
      method: 'PATCH',
      headers: { 'if-match': `"${current.version}"` },
      body: JSON.stringify({ alertEmails: ['malvern-duty@example.test'] }),
    });
    expect(changed.status).toBe(200);

    await page.getByLabel('Alert emails').fill('malvern-team@example.test');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const reload = page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: 'This record was changed by someone else; reload to see the latest.' });
    await reload.waitFor();
    await reload.click();
    await expectHeading(page, 'Change area');
    await expect(page.getByLabel('Alert emails').inputValue()).resolves.toBe('malvern-duty@example.test');

    await page.getByLabel('Alert emails').fill('malvern-duty@example.test\nmalvern-team@example.test');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('alert').filter({ hasText: 'Malvern Hills saved' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'malvern-team@example.test' }).waitFor();
  });

  it('lists the members and offers an accessible invitation form', async () => {
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Members' }).click();
    await expectHeading(page, 'Members');
    await page.getByRole('cell', { name: 'manager@example.test' }).waitFor();
    await expectAccessible(page, 'the members list');

    await page.getByRole('button', { name: 'Invite a member' }).click();
    await expectHeading(page, 'Invite a member');
    await page.getByRole('checkbox', { name: 'Malvern Hills' }).waitFor();
    await expectAccessible(page, 'the invitation form');
  });
});
