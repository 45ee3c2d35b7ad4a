import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaIds, callApi } from './api.ts';
import { type E2e, expectAccessible, expectHeading, newPage, signIn, startE2e } from './app.ts';

const CASEWORKER = 'caseworker.worcs@example.test';
const HEREFORD_CASEWORKER = 'caseworker.hereford@example.test';
/** A valid NHS number (modulus-11) in the range the NHS keeps for tests. */
const NHS_NUMBER = '9990000018';
const BORN = { iso: '1979-11-05', day: '5', month: '11', year: '1979' };

/** Types the new person's answers: Zoë Oconnor, born as someone already recorded, with that NHS number. */
async function fillPerson(page: Page): Promise<void> {
  await page.getByLabel('Given name').fill('Zoë');
  await page.getByLabel('Family name').fill('OCONNOR');
  await page.locator('#dateOfBirth-day').fill(BORN.day);
  await page.locator('#dateOfBirth-month').fill(BORN.month);
  await page.locator('#dateOfBirth-year').fill(BORN.year);
  await page.getByRole('radio', { name: 'Female', exact: true }).check();
  await page.getByLabel('NHS number (optional)').fill('999 000 0018');
  await page.getByRole('radio', { name: 'Alcohol only' }).check();
}

describe('adding a person who may already be recorded', () => {
  let e2e: E2e;
  let context: BrowserContext;
  let page: Page;
  let sameName = '';
  let newId = '';

  beforeAll(async () => {
    e2e = await startE2e('duplicates');
    const areas = await areaIds(e2e.stack, CASEWORKER);
    const person = (areaId: string, fields: Record<string, unknown>) => ({
      givenName: 'Rosa',
      familyName: 'Brennan',
      dateOfBirth: '1990-01-01',
      sex: 'female',
      areaId,
      substanceGroup: 'opiate',
      flags: [],
      ...fields,
    });
    // One in the caseworker's own area with the same date of birth and family name, another spelling;
    // one in an area they do not cover with the same NHS number.
    sameName = (
      await callApi<{ id: string }>(
        e2e.stack,
        CASEWORKER,
        'POST',
        '/people',
        person(areas.Worcestershire as string, {
          givenName: 'Aoife',
          familyName: "O'Connor",
          dateOfBirth: BORN.iso,
          prisonNumber: 'E4410QZ',
        }),
      )
    ).id;
    await callApi(
      e2e.stack,
      HEREFORD_CASEWORKER,
      'POST',
      '/people',
      person(areas.Herefordshire as string, { nhsNumber: NHS_NUMBER }),
    );
    ({ context, page } = await newPage(e2e.browser));
    await signIn(page, e2e.stack, CASEWORKER);
  });

  afterAll(async () => {
    await context?.close();
    await e2e?.stop();
  });

  it('lists the people who may be them, linking only to those the caseworker may see', async () => {
    await page.goto(`${e2e.stack.url}/people/new`);
    await expectHeading(page, 'Add a person');
    await fillPerson(page);
    await page.getByRole('button', { name: 'Add person' }).click();

    const summary = page.locator('.govuk-error-summary');
    const found = summary.getByRole('link', { name: /may already be recorded/ });
    await found.waitFor();
    expect(await found.getAttribute('href')).toBe('#notDuplicate');
    const list = page.locator('form .govuk-summary-list');
    const known = list.getByRole('link', { name: "Aoife O'Connor" });
    expect(await known.getAttribute('href')).toBe(`/people/${sameName}`);
    await list.getByText('Prison number E4410QZ').waitFor();
    await list.getByText('A person in another area').waitFor();
    await list.getByText(/Ask the manager of that area/).waitFor();
    expect(await list.getByRole('link').count()).toBe(1);
    // Nothing typed is lost.
    await expect(page.getByLabel('Family name').inputValue()).resolves.toBe('OCONNOR');
    await expectAccessible(page, 'the add a person form with possible duplicates');
  });

  it('asks again when the form is sent without confirming', async () => {
    await page.getByRole('button', { name: 'Add person' }).click();
    const unconfirmed = page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: /Select “This is a different person”/ });
    await unconfirmed.waitFor();
    await expect(page.locator('#notDuplicate-error').textContent()).resolves.toContain(
      'Select “This is a different person”',
    );
    await unconfirmed.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('notDuplicate');
  });

  it('adds the person once the caseworker confirms it is someone else', async () => {
    await page.getByRole('checkbox', { name: 'This is a different person' }).check();
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.waitForURL((url) => /^\/people\/[^/]+$/.test(url.pathname) && url.pathname !== '/people/new');
    newId = new URL(page.url()).pathname.split('/')[2] as string;
    await page
      .locator('.govuk-notification-banner--success')
      .filter({ hasText: 'Zoë OCONNOR added' })
      .waitFor();
    await expectHeading(page, 'Zoë OCONNOR');
    expect(newId).not.toBe(sameName);
  });
});
