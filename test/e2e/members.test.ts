import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_PASSWORD } from '../../infra/local/demo-data.ts';
import { type E2e, expectAccessible, expectHeading, newPage, signIn, startE2e } from './app.ts';

const INVITED = { name: 'Casey Jones', email: 'casey.jones@example.test' };

describe('members', () => {
  let e2e: E2e;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2e('members');
    ({ context, page } = await newPage(e2e.browser));
    await signIn(page, e2e.stack, 'chair@example.test');
  });

  afterAll(async () => {
    await context?.close();
    await e2e?.stop();
  });

  const memberRow = () => page.getByRole('row').filter({ hasText: INVITED.email });

  it('lets the chair invite a caseworker for an area', async () => {
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Members' }).click();
    await page.getByRole('button', { name: 'Invite a member' }).click();
    await expectHeading(page, 'Invite a member');

    // A caseworker with no area is refused, and nothing typed is lost.
    await page.getByLabel('Email address').fill(INVITED.email);
    await page.getByLabel('Name', { exact: true }).fill(INVITED.name);
    await page.getByRole('radio', { name: 'Caseworker' }).check();
    await page.getByRole('button', { name: 'Send invitation' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').first().getAttribute('href')).toBe('#areaIds');
    await expect(page.getByLabel('Email address').inputValue()).resolves.toBe(INVITED.email);
    await expect(page.getByRole('radio', { name: 'Caseworker' }).isChecked()).resolves.toBe(true);

    await page.getByRole('checkbox', { name: 'Worcestershire' }).check();

    // The API refuses an address that is already a member's; its answer points at the email.
    await page.getByLabel('Email address').fill('manager@example.test');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    const duplicate = summary.getByRole('link', { name: /already a member/ });
    await duplicate.waitFor();
    expect(await duplicate.getAttribute('href')).toBe('#email');

    await page.getByLabel('Email address').fill(INVITED.email);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.waitForURL((url) => url.pathname === '/members');
    await page
      .getByRole('alert')
      .filter({ hasText: `Invitation sent to ${INVITED.email}` })
      .waitFor();
    await memberRow().waitFor();
    expect(await memberRow().textContent()).toContain('Caseworker');
    expect(await memberRow().textContent()).toContain('Worcestershire');
  });

  it('lets the chair change their role and areas', async () => {
    await memberRow()
      .getByRole('link', { name: `Change ${INVITED.name}` })
      .click();
    await expectHeading(page, 'Change member');
    await expect(page.getByRole('radio', { name: 'Caseworker' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('checkbox', { name: 'Worcestershire' }).isChecked()).resolves.toBe(true);
    await page.getByRole('radio', { name: 'Manager' }).check();
    await page.getByRole('checkbox', { name: 'Herefordshire' }).check();
    await expectAccessible(page, 'the change member form');
    await page.getByRole('button', { name: 'Save changes' }).click();

    await page.waitForURL((url) => url.pathname === '/members');
    await page
      .getByRole('alert')
      .filter({ hasText: `Changes to ${INVITED.name} saved` })
      .waitFor();
    const text = await memberRow().textContent();
    expect(text).toContain('Manager');
    expect(text).toContain('Herefordshire');
  });

  it('lets the chair remove them after a warning', async () => {
    await memberRow()
      .getByRole('link', { name: `Remove ${INVITED.name}` })
      .click();
    await expectHeading(page, `Are you sure you want to remove ${INVITED.name}?`);
    await page.getByText('They will lose access to Continuity at once').waitFor();
    await expectAccessible(page, 'the remove member page');
    await page.getByRole('button', { name: 'Remove member' }).click();

    await page.waitForURL((url) => url.pathname === '/members');
    await page
      .getByRole('alert')
      .filter({ hasText: `${INVITED.name} has been removed` })
      .waitFor();
    await page.getByRole('cell', { name: 'manager@example.test' }).waitFor();
    expect(await memberRow().count()).toBe(0);
  });

  it('signs the chair out here and at the identity provider', async () => {
    await page.getByRole('link', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.origin === e2e.stack.url && url.pathname === '/signed-out');
    await expectHeading(page, 'You have signed out');

    // Both sessions are over: a page that needs sign-in leads to the provider's form again,
    // and signing in there comes back to that page.
    await page.goto(`${e2e.stack.url}/areas`);
    await page.getByLabel('Email address').fill('chair@example.test');
    await page.getByLabel('Password').fill(LOCAL_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.origin === e2e.stack.url && url.pathname === '/areas');
    await expectHeading(page, 'Areas');
  });

  it('tells the user when the API no longer accepts their session', async () => {
    // Spoil the stored access token, as if it had expired or been revoked.
    await page.evaluate(() => {
      for (const key of Object.keys(sessionStorage)) {
        if (!key.startsWith('oidc.user:')) continue;
        const user = JSON.parse(sessionStorage.getItem(key) ?? '{}') as { access_token?: string };
        user.access_token = 'not-a-token';
        sessionStorage.setItem(key, JSON.stringify(user));
      }
    });
    await page.reload();
    await expectHeading(page, 'You need to sign in again');
    expect(await page.getByRole('link', { name: 'Sign out' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The provider still has a session, so sign-in completes without the form.
    await page.waitForURL((url) => url.origin === e2e.stack.url && url.pathname === '/areas');
    await expectHeading(page, 'Areas');
  });

  it('tells a caseworker they cannot see the members page', async () => {
    const caseworker = await newPage(e2e.browser);
    try {
      await signIn(caseworker.page, e2e.stack, 'caseworker.worcs@example.test');
      const nav = caseworker.page.getByRole('navigation', { name: 'Menu' });
      expect(await nav.getByRole('link', { name: 'Members' }).count()).toBe(0);
      await caseworker.page.goto(`${e2e.stack.url}/members`);
      await expectHeading(caseworker.page, 'You do not have access to this page');
    } finally {
      await caseworker.context.close();
    }
  });

  it('shows the operator the partnerships and lets them add one', async () => {
    const operator = await newPage(e2e.browser);
    try {
      await signIn(operator.page, e2e.stack, 'operator@example.test');
      await operator.page.waitForURL((url) => url.pathname === '/admin/partnerships');
      await expectHeading(operator.page, 'Partnerships');
      await operator.page.getByRole('rowheader', { name: 'Worcestershire and Herefordshire CDP' }).waitFor();
      await expectAccessible(operator.page, 'the partnerships list');

      await operator.page.getByRole('button', { name: 'Add a partnership' }).click();
      await operator.page.getByLabel('Partnership name').fill('Test Shire CDP');
      await operator.page.getByLabel('Chair’s name').fill('Morgan Lee');
      await operator.page.getByLabel('Chair’s email address').fill('not-an-email');
      await operator.page.getByRole('button', { name: 'Add partnership' }).click();
      const link = operator.page.locator('.govuk-error-summary').getByRole('link');
      await link.first().waitFor();
      expect(await link.first().getAttribute('href')).toBe('#chair-email');
      await expectAccessible(operator.page, 'the new partnership form with errors');

      await operator.page.getByLabel('Chair’s email address').fill('morgan.lee@example.test');
      await operator.page.getByRole('button', { name: 'Add partnership' }).click();
      await operator.page.getByRole('heading', { name: 'Partnership added' }).waitFor();
      await operator.page.getByText('morgan.lee@example.test').waitFor();
      await operator.page.getByRole('link', { name: 'Go to partnerships' }).click();
      await operator.page.getByRole('rowheader', { name: 'Test Shire CDP' }).waitFor();
    } finally {
      await operator.context.close();
    }
  });
});
