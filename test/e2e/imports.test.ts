import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, day } from './api.ts';
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
    await page.getByRole('link', { name: 'Import a release list' }).click();
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

  it('lists every bad row with its column and adds nothing', async () => {
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
    await expectHeading(page, 'The release list was not imported');
    const summary = page.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'The file has 3 problems; nothing was added' }).waitFor();
    expect(await page.title()).toBe('Error: The release list was not imported – Continuity');

    const record = await callApi<{
      status: string;
      errors: { row: number; field: string; message: string }[];
    }>(e2e.stack, MANAGER, 'GET', `/imports/${importId}`);
    expect(record.status).toBe('failed');
    expect(record.errors.map((error) => [error.row, error.field])).toEqual([
      [2, 'date_of_birth'],
      [3, 'area'],
      [4, 'prison_number'],
    ]);
    const rows = page.getByRole('table', { name: 'Problems in the file' }).locator('tbody tr');
    expect(await rows.count()).toBe(3);
    for (const [index, error] of record.errors.entries()) {
      const cells = await rows.nth(index).locator('th, td').allTextContents();
      expect(cells.slice(0, 2)).toEqual([String(error.row), error.field]);
    }
    expect(await rows.nth(0).textContent()).toContain('Date of birth is not a date of birth in the past');
    expect(await rows.nth(1).textContent()).toContain('"Atlantis" is not one of your areas');
    expect(await rows.nth(2).textContent()).toContain('F2001AB is already on row 1');
    await expectAccessible(page, 'the failed import');

    const found = await callApi<{ items: unknown[] }>(e2e.stack, MANAGER, 'GET', '/people?q=F2001AB');
    expect(found.items).toEqual([]);
  });

  it('imports a clean file, showing its progress, then what it added', async () => {
    await page.getByRole('link', { name: 'Upload a corrected file' }).click();
    await expectHeading(page, 'Import a release list');
    // The first reading of the import is held at one row of three, so the progress bar shows.
    let held = false;
    await page.route('**/api/imports/*', async (route) => {
      if (held || route.request().method() !== 'GET') return route.continue();
      held = true;
      const response = await route.fetch();
      const body = (await response.json()) as Record<string, unknown>;
      await route.fulfill({ response, json: { ...body, status: 'running', processed: 1, created: 1 } });
    });
    await upload(
      page,
      csv(
        PEOPLE.map(
          (person, index) =>
            `${person.given},${person.family},1985-0${index + 1}-15,female,${person.prisonNumber},${person.area},opiate,HEI,${day(10 + index)}`,
        ),
      ),
    );
    await importIdOf(page);
    await expectHeading(page, 'Importing the release list');
    const progress = page.getByRole('progressbar', { name: 'Processed 1 of 3 rows' });
    await progress.waitFor();
    expect(await progress.getAttribute('value')).toBe('1');
    expect(await progress.getAttribute('max')).toBe('3');
    await expectAccessible(page, 'the import in progress');

    const panel = page.locator('.govuk-panel--confirmation');
    await panel.getByRole('heading', { level: 1, name: 'Release list imported' }).waitFor();
    await panel.getByText('3 people added').waitFor();
    await panel.getByText('0 people matched to records already in Continuity').waitFor();
    expect(await page.title()).toBe('Release list imported – Continuity');
    await page.unroute('**/api/imports/*');
    await expectAccessible(page, 'the completed import');

    await page.getByRole('link', { name: 'Go to the caseload' }).click();
    await expectHeading(page, 'Caseload');
    for (const person of PEOPLE) {
      const row = page.getByRole('row').filter({ hasText: `${person.given} ${person.family}` });
      await row.waitFor();
      expect(await row.textContent()).toContain(person.prisonNumber);
      expect(await row.textContent()).toContain('Referred');
    }
  });
});
