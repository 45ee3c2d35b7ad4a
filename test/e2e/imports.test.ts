import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaIds, callApi, day } from './api.ts';
import { type E2e, expectAccessible, expectHeading, newPage, signIn, startE2e } from './app.ts';

const MANAGER = 'manager@example.test';
const HEADER =
  'given_name,family_name,date_of_birth,sex,prison_number,area,substance_group,establishment,expected_release_date';
const PEOPLE = [
  { given: 'Morgan', family: 'Ashby', prisonNumber: 'F1001AB', area: 'Worcestershire' },
  { given: 'Casey', family: 'Brook', prisonNumber: 'F1002AB', area: 'E06000019' },
  { given: 'Jamie', family: 'Clift', prisonNumber: 'F1003AB', area: 'herefordshire' },
];

/** A release list: the header, then one line per row. */
const csv = (rows: string[]) => `${[HEADER, ...rows].join('\r\n')}\r\n`;

/** Chooses a CSV file with these contents in the upload field and submits it. */
async function upload(page: Page, contents: string): Promise<void> {
  await page.locator('#file').setInputFiles({
    name: 'releases.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(contents, 'utf8'),
  });
  await page.getByRole('button', { name: 'Upload and check' }).click();
}

/** The id of the import the page shows. */
async function importIdOf(page: Page): Promise<string> {
  await page.waitForURL(
    (url) => /^\/imports\/[^/]+$/.test(url.pathname) && url.pathname !== '/imports/releases',
  );
  return new URL(page.url()).pathname.split('/')[2] as string;
}

describe('release list import, as a manager', () => {
  let e2e: E2e;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2e('imports');
    ({ context, page } = await newPage(e2e.browser));
    await signIn(page, e2e.stack, MANAGER);
  });

  afterAll(async () => {
    await context?.close();
    await e2e?.stop();
  });

  it('explains the columns and offers the template', async () => {
    // A manager's home page is the worklist; the import is offered on the caseload.
    await expectHeading(page, 'Worklist');
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Caseload' }).click();
    await page.getByRole('button', { name: 'Import a release list' }).click();
    await expectHeading(page, 'Import a release list');
    expect(await page.title()).toBe('Import a release list – Continuity');
    const columns = page.getByRole('table', { name: 'Columns of the release list' });
    for (const column of HEADER.split(',')) {
      await columns.getByRole('rowheader', { name: column, exact: true }).waitFor();
    }
    await columns.getByRole('row').filter({ hasText: 'such as Worcestershire or E10000034' }).waitFor();
    await expectAccessible(page, 'the import page');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the template' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('release-list-template.csv');
    const template = await readFile((await download.path()) as string, 'utf8');
    expect(template.split('\r\n')[0]).toBe(HEADER);
  });

  it('asks for a file before uploading', async () => {
    await page.getByRole('button', { name: 'Upload and check' }).click();
    const link = page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: 'Select a CSV file of expected releases' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('#file');
    expect(await page.title()).toBe('Error: Import a release list – Continuity');
    await expectAccessible(page, 'the import page with an error');
  });

  it('refuses the template’s example row, telling the user to delete it', async () => {
    // Prepare: the template as downloaded.
    const token = await e2e.stack.token(MANAGER);
    const text = await (
      await fetch(`${e2e.stack.apiUrl}/imports/releases/template.csv`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).text();
    // Act
    await upload(page, text);
    await importIdOf(page);
    // Assess
    await expectHeading(page, 'The release list has problems');
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: /^Row 2: This is the template’s example row/ })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Apply the release list' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Upload a corrected file' }).click();
    await expectHeading(page, 'Import a release list');
  });

  it('checks a file with problems: every problem with its spreadsheet row, nothing added, no Apply', async () => {
    // Act
    await upload(
      page,
      csv([
        `Robin,Dale,1984-02-11,male,F2001AB,Worcestershire,opiate,HEI,${day(14)}`,
        `Sasha,Ennis,31/02/1990,female,F2002AB,Worcestershire,alcohol,HEI,${day(14)}`,
        `Toni,Frost,1979-07-30,other,F2003AB,Atlantis,opiate,BMI,${day(20)}`,
        `Drew,Gale,1991-12-01,male,F2001AB,E10000034,non_opiate,HEI,${day(21)}`,
      ]),
    );
    const importId = await importIdOf(page);
    // Assess: the API counts rows after the header; the page says the spreadsheet's rows.
    await expectHeading(page, 'The release list has problems');
    expect(await page.title()).toBe('Error: The release list has problems – Continuity');
    const record = await callApi<{
      status: string;
      new: number;
      errors: { row: number; field: string; message: string }[];
    }>(e2e.stack, MANAGER, 'GET', `/imports/${importId}`);
    expect(record.status).toBe('checked');
    expect(record.errors.map((error) => [error.row, error.field])).toEqual([
      [2, 'date_of_birth'],
      [3, 'area'],
      [4, 'prison_number'],
    ]);
    const summary = page.locator('.govuk-error-summary');
    const links = summary.getByRole('link');
    expect(await links.allTextContents()).toEqual([
      'Row 3: Date of birth is not a date of birth in the past, got "31/02/1990": write it as YYYY-MM-DD or DD/MM/YYYY, such as 2026-03-14 or 14/03/2026',
      expect.stringMatching(/^Row 4: "Atlantis" is not one of your areas/),
      // The first F2001AB is the API's row 1: the spreadsheet's row 2.
      'Row 5: F2001AB is already on row 2: list each person once',
    ]);
    const rows = page.getByRole('table', { name: 'Problems in the file' }).locator('tbody tr');
    expect(await rows.count()).toBe(3);
    for (const [index, error] of record.errors.entries()) {
      const cells = await rows.nth(index).locator('th, td').allTextContents();
      expect(cells.slice(0, 2)).toEqual([String(error.row + 1), error.field]);
    }
    await links.first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('problem-0');
    await page.getByText('Row numbers are the rows of your spreadsheet').waitFor();
    expect(await page.getByRole('button', { name: 'Apply the release list' }).count()).toBe(0);
    await expectAccessible(page, 'the checked import with problems');
    const found = await callApi<{ items: unknown[] }>(e2e.stack, MANAGER, 'GET', '/people?q=F2001AB');
    expect(found.items).toEqual([]);
  });

  it('checks a clean file, shows what it adds and whom it matches, then applies it', async () => {
    // Prepare: someone already followed, whom the list names too.
    const areas = await areaIds(e2e.stack, MANAGER);
    const known = await callApi<{ id: string }>(e2e.stack, MANAGER, 'POST', '/people', {
      givenName: 'Rowan',
      familyName: 'Hale',
      dateOfBirth: '1982-05-06',
      sex: 'male',
      prisonNumber: 'F1004AB',
      areaId: areas.Worcestershire,
      substanceGroup: 'opiate',
    });
    await page.getByRole('link', { name: 'Upload a corrected file' }).click();
    await expectHeading(page, 'Import a release list');
    // Act
    await upload(
      page,
      csv([
        ...PEOPLE.map(
          (person, index) =>
            `${person.given},${person.family},1985-0${index + 1}-15,female,${person.prisonNumber},${person.area},opiate,HEI,${day(10 + index)}`,
        ),
        `ROWAN,hale,06/05/1982,male,F1004AB,Worcestershire,opiate,HEI,${day(12)}`,
      ]),
    );
    const importId = await importIdOf(page);
    // Assess: the check, with nothing added yet.
    await expectHeading(page, 'Check the release list');
    expect(await page.title()).toBe('Check the release list – Continuity');
    await page.getByText('3 people to add').waitFor();
    await page.getByText('1 row matches a person already in Continuity').waitFor();
    const matches = page.getByRole('table', { name: 'Rows that match people already in Continuity' });
    const match = matches.locator('tbody tr');
    expect(await match.count()).toBe(1);
    expect(await match.locator('th, td').allTextContents()).toEqual(['5', 'Rowan Hale']);
    expect(await match.getByRole('link', { name: 'Rowan Hale' }).getAttribute('href')).toBe(
      `/people/${known.id}`,
    );
    await expectAccessible(page, 'the checked import');
    expect(
      (await callApi<{ items: unknown[] }>(e2e.stack, MANAGER, 'GET', '/people?q=F1001AB')).items,
    ).toEqual([]);

    // Act: apply it. The first reading after the apply is held at one row of four, so the progress bar shows.
    let held = false;
    await page.route('**/api/imports/*', async (route) => {
      if (held || route.request().method() !== 'GET') return route.continue();
      held = true;
      const response = await route.fetch();
      const body = (await response.json()) as Record<string, unknown>;
      await route.fulfill({ response, json: { ...body, status: 'running', processed: 1, created: 1 } });
    });
    await page.getByRole('button', { name: 'Apply the release list' }).click();
    // Assess
    await expectHeading(page, 'Importing the release list');
    const progress = page.getByRole('progressbar', { name: 'Processed 1 of 4 rows' });
    await progress.waitFor();
    expect(await progress.getAttribute('value')).toBe('1');
    expect(await progress.getAttribute('max')).toBe('4');
    await expectAccessible(page, 'the import in progress');

    const panel = page.locator('.govuk-panel--confirmation');
    await panel.getByRole('heading', { level: 1, name: 'Release list imported' }).waitFor();
    await panel.getByText('3 people added').waitFor();
    await panel.getByText('1 person matched to records already in Continuity').waitFor();
    expect(await page.title()).toBe('Release list imported – Continuity');
    await page.unroute('**/api/imports/*');
    await expectAccessible(page, 'the completed import');
    const person = await callApi<{ referralIds: string[] }>(e2e.stack, MANAGER, 'GET', `/people/${known.id}`);
    expect(person.referralIds).toHaveLength(1);
    expect(
      (await callApi<{ status: string }>(e2e.stack, MANAGER, 'GET', `/imports/${importId}`)).status,
    ).toBe('completed');

    await page.getByRole('link', { name: 'Go to the caseload' }).click();
    await expectHeading(page, 'Caseload');
    for (const person of [...PEOPLE, { given: 'Rowan', family: 'Hale', prisonNumber: 'F1004AB' }]) {
      const row = page.getByRole('row').filter({ hasText: `${person.given} ${person.family}` });
      await row.waitFor();
      expect(await row.textContent()).toContain(person.prisonNumber);
      expect(await row.textContent()).toContain('Referred');
    }
  });
});
