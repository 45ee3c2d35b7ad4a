import type { Page } from 'playwright-core';

/** What the browser tests do on the app's GOV.UK pages, and read back from them. */

/** A date as the app shows it: "14 March 2026". */
export function longDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));
}

/** Types a `YYYY-MM-DD` date into the GOV.UK date input with id `id`. */
export async function fillDate(page: Page, id: string, iso: string): Promise<void> {
  const [year, month, dayOfMonth] = iso.split('-');
  await page.locator(`#${id}-day`).fill(String(Number(dayOfMonth)));
  await page.locator(`#${id}-month`).fill(String(Number(month)));
  await page.locator(`#${id}-year`).fill(year as string);
}

/** Waits for the success banner that says `text`. */
export async function expectBanner(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.govuk-notification-banner--success').filter({ hasText: text }).waitFor();
}

/** The hrefs of the error summary's links, in order. */
export async function summaryLinks(page: Page): Promise<(string | null)[]> {
  const summary = page.locator('.govuk-error-summary');
  await summary.waitFor();
  const links = summary.getByRole('link');
  return Promise.all((await links.all()).map((link) => link.getAttribute('href')));
}
