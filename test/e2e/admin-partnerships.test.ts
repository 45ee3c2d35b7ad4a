import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, expectAccessible, expectHeading, newPage, signIn, startE2e } from './app.ts';

describe('adding partnerships, as the operator', () => {
  let e2e: E2e;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2e('admin-partnerships');
    ({ context, page } = await newPage(e2e.browser));
    await signIn(page, e2e.stack, 'operator@example.test');
  });

  afterAll(async () => {
    await context?.close();
    await e2e?.stop();
  });

  /** Fills and sends the new partnership form. */
  async function addPartnership(name: string, chairEmail: string) {
    await page.goto(`${e2e.stack.url}/admin/partnerships/new`);
    await expectHeading(page, 'Add a partnership');
    await page.getByLabel('Partnership name').fill(name);
    await page.getByLabel('Chair’s name').fill('Robin Ash');
    await page.getByLabel('Chair’s email address').fill(chairEmail);
    await page.getByRole('button', { name: 'Add partnership' }).click();
  }

  it('adds a partnership and names it on the confirmation, with its chair', async () => {
    // Act
    await addPartnership('Marcher Shires CDP', 'robin.ash@example.test');
    // Assess
    const panel = page.locator('.govuk-panel');
    await panel.getByRole('heading', { name: 'Partnership added' }).waitFor();
    await expect(panel.getByText('Marcher Shires CDP').isVisible()).resolves.toBe(true);
    await page.getByText('robin.ash@example.test').waitFor();
    await page.getByRole('link', { name: 'Go to partnerships' }).click();
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Marcher Shires CDP' }) });
    await row.waitFor();
    // Its export key is not set yet: the operator can see that exports must wait for it.
    await expect(row.getByRole('cell', { name: 'Not set' }).isVisible()).resolves.toBe(true);
  });

  it('refuses a second partnership of that name, however it is cased or spaced, at the name', async () => {
    // Act
    await addPartnership('  marcher   SHIRES cdp ', 'someone.else@example.test');
    // Assess
    const link = page.locator('.govuk-error-summary').getByRole('link', {
      name: /Partnership name is already used by another partnership/,
    });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('#name');
    await expectAccessible(page, 'the new partnership form with a duplicate name');
  });
});
