import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { LOCAL_PASSWORD } from '../../infra/local/demo-data.ts';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { launchBrowser } from './browser.ts';

const BUILT_APP = fileURLToPath(new URL('../../frontend/dist/index.html', import.meta.url));

/** The local stack and a browser, started once per test file. */
export interface E2e {
  stack: LocalStack;
  browser: Browser;
  stop(): Promise<void>;
}

/**
 * Starts the local stack with the demo partnership (in its own table of the run's shared
 * DynamoDB Local) and Chromium. The web app must have been built first.
 */
export async function startE2e(name: string): Promise<E2e> {
  if (!existsSync(BUILT_APP)) {
    throw new Error('frontend/dist is missing: run `npx vite build --config frontend/vite.config.ts` first');
  }
  const stack = await startLocalStack({
    port: 0,
    seedDemo: true,
    quiet: true,
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName: `e2e-${name}-${Date.now().toString(36)}`,
  });
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await stack.stop();
    throw error;
  });
  return {
    stack,
    browser,
    stop: async () => {
      await browser.close();
      await stack.stop();
    },
  };
}

/** A fresh browser session (no one signed in) with one page. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  return { context, page };
}

/**
 * Signs in the way a person does: "Sign in" on the start page, the local provider's form,
 * and back into the app, signed in.
 */
export async function signIn(page: Page, stack: LocalStack, email: string): Promise<void> {
  await page.goto(`${stack.url}/`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(LOCAL_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.origin === stack.url && url.pathname !== '/auth/callback');
  await page.locator('a[href="/sign-out"]').waitFor({ state: 'attached' });
}

/** Waits for the page's h1 to read `text` (pages show their heading while their data loads). */
export async function expectHeading(page: Page, text: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();
}

/** Runs axe on the page as it is now and fails with a readable list of any violations. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
        .map((node) => node.target.join(' '))
        .join('; ')}`,
  );
  expect(violations, `accessibility of ${what}`).toEqual([]);
}
