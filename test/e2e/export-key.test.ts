import { generateIdentity, identityToRecipient } from 'age-encryption';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, expectAccessible, expectHeading, newPage, signIn, startE2e } from './app.ts';

describe('the export key, as the chair', () => {
  let e2e: E2e;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2e('export-key');
    ({ context, page } = await newPage(e2e.browser));
    await signIn(page, e2e.stack, 'chair@example.test');
  });

  afterAll(async () => {
    await context?.close();
    await e2e?.stop();
  });

  const exportKeyCard = () => page.locator('.govuk-summary-card').filter({ hasText: 'Export key' });

  it('shows that no export key is set, and offers to set one', async () => {
    // Act
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Partnership' }).click();
    // Assess
    await expectHeading(page, 'Partnership settings');
    await exportKeyCard()
      .getByText(/^Not set/)
      .waitFor();
    await expectAccessible(page, 'the partnership page without an export key');
  });

  it('refuses an OpenPGP key with the error summary linked to the field, keeping what was typed', async () => {
    // Prepare
    await page.getByRole('button', { name: 'Set export key' }).click();
    await expectHeading(page, 'Set export key');
    // The heading shows while the partnership loads; the form follows.
    await page.getByText(/the private key \(starting AGE-SECRET-KEY\) never leaves/).waitFor();
    await expectAccessible(page, 'the export key page');
    const pgp = '-----BEGIN PGP PUBLIC KEY BLOCK----- mDMEZabcdeYJKwYBBAHaRw8BAQdA';
    // Act
    await page.getByLabel('Public key').fill(pgp);
    await page.getByRole('button', { name: 'Save export key' }).click();
    // Assess
    const summary = page.locator('.govuk-error-summary');
    const link = summary.getByRole('link', { name: /Public key is an OpenPGP key/ });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('#publicKey');
    await expect(summary.getByText(/give an age recipient/).isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Public key').inputValue()).resolves.toBe(pgp);
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page, 'the export key page with an error');
  });

  it('asks for the key when nothing is typed', async () => {
    await page.getByLabel('Public key').fill('');
    await page.getByRole('button', { name: 'Save export key' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: 'Enter the partnership’s public key' })
      .waitFor();
  });

  it('saves an age recipient and shows it, with who set it', async () => {
    // Prepare
    const recipient = await identityToRecipient(await generateIdentity());
    // Act
    await page.getByLabel('Public key').fill(recipient);
    await page.getByRole('button', { name: 'Save export key' }).click();
    // Assess
    await page.getByRole('alert').filter({ hasText: 'Export key saved' }).waitFor();
    await expectHeading(page, 'Partnership settings');
    await exportKeyCard().getByText(recipient).waitFor();
    await expect(
      exportKeyCard()
        .getByText(/Priya Shah on/)
        .isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(page, 'the partnership page with an export key');
  });

  it('lets the chair change the key', async () => {
    // Prepare
    const next = await identityToRecipient(await generateIdentity());
    // Act
    await exportKeyCard().getByRole('link', { name: 'Change export key' }).click();
    await expectHeading(page, 'Change export key');
    await page.getByLabel('Public key').fill(next);
    await page.getByRole('button', { name: 'Save export key' }).click();
    // Assess
    await page.getByRole('alert').filter({ hasText: 'Export key saved' }).waitFor();
    await exportKeyCard().getByText(next).waitFor();
  });

  it('shows a manager the key but no way to change it', async () => {
    const manager = await newPage(e2e.browser);
    try {
      await signIn(manager.page, e2e.stack, 'manager@example.test');
      await manager.page.goto(`${e2e.stack.url}/partnership`);
      await expectHeading(manager.page, 'Partnership settings');
      const card = manager.page.locator('.govuk-summary-card').filter({ hasText: 'Export key' });
      await card.getByText(/^age1/).waitFor();
      expect(await card.getByRole('link').count()).toBe(0);
      await manager.page.goto(`${e2e.stack.url}/partnership/export-key`);
      await expectHeading(manager.page, 'You do not have access to this page');
    } finally {
      await manager.context.close();
    }
  });
});
