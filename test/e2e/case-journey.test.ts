import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, expectAccessible, expectHeading, newPage, signIn, startE2e } from './app.ts';
import { expectBanner, fillDate, longDate, summaryLinks } from './page-helpers.ts';

const PERSON = { given: 'Chris', family: 'Morgan', name: 'Chris Morgan', prisonNumber: 'G4821TK' };
const CASEWORKER = { email: 'caseworker.worcs@example.test', name: 'Sam Patel' };
const LOCATION = 'Worcester Recovery Hub';

/**
 * A date `days` from today as the API counts days (UTC): the stack runs on real time, and its
 * rules refuse dates after its today.
 */
function day(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Menu' });

describe('a case from referral to treatment start, as a caseworker', () => {
  let e2e: E2e;
  let context: BrowserContext;
  let page: Page;
  let personId = '';
  let referralId = '';

  beforeAll(async () => {
    e2e = await startE2e('cases');
    ({ context, page } = await newPage(e2e.browser));
    await signIn(page, e2e.stack, CASEWORKER.email);
  });

  afterAll(async () => {
    await context?.close();
    await e2e?.stop();
  });

  it('offers the case pages in the navigation and an empty caseload', async () => {
    // The home page of case staff is the worklist.
    await expectHeading(page, 'Worklist');
    for (const name of ['Worklist', 'Caseload', 'Find a person', 'Add a person']) {
      await nav(page).getByRole('link', { name }).waitFor();
    }
    await nav(page).getByRole('link', { name: 'Caseload' }).click();
    await expectHeading(page, 'Caseload');
    await page.getByText('No cases match these filters.').waitFor();
    expect(await page.title()).toBe('Caseload – Continuity');
  });

  it('refuses a wrong NHS number and a date of birth in the future, keeping what was typed', async () => {
    await nav(page).getByRole('link', { name: 'Add a person' }).click();
    await expectHeading(page, 'Add a person');
    await page.getByLabel('Given name').fill(PERSON.given);
    await page.getByLabel('Family name').fill(PERSON.family);
    const nextYear = String(new Date().getUTCFullYear() + 1);
    await fillDate(page, 'dateOfBirth', `${nextYear}-03-27`);
    await page.getByRole('radio', { name: 'Male', exact: true }).check();
    await page.getByLabel('Prison number (optional)').fill(PERSON.prisonNumber);
    await page.getByLabel('NHS number (optional)').fill('1234567890');
    // A caseworker with one area has it chosen already.
    await expect(page.getByRole('radio', { name: 'Worcestershire' }).isChecked()).resolves.toBe(true);
    await page.getByRole('radio', { name: 'Opiate', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Veteran' }).check();
    await page.getByRole('button', { name: 'Add person' }).click();

    expect(await summaryLinks(page)).toEqual(['#dateOfBirth-day', '#nhsNumber']);
    const summary = page.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: /Date of birth must be in the past/ }).waitFor();
    await summary.getByRole('link', { name: /NHS number/ }).waitFor();
    expect(await page.title()).toBe('Error: Add a person – Continuity');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(
      true,
    );
    await expect(page.getByLabel('NHS number (optional)').inputValue()).resolves.toBe('1234567890');
    await expect(page.locator('#dateOfBirth-year').inputValue()).resolves.toBe(nextYear);
    await expect(page.getByLabel('Given name').inputValue()).resolves.toBe(PERSON.given);
    await expect(page.getByRole('checkbox', { name: 'Veteran' }).isChecked()).resolves.toBe(true);
    await expectAccessible(page, 'the add a person form with errors');

    await summary.getByRole('link', { name: /Date of birth/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('dateOfBirth-day');
  });

  it('adds the person once the answers are right and shows their page', async () => {
    await page.locator('#dateOfBirth-year').fill('1985');
    await page.getByLabel('NHS number (optional)').fill('943 476 5919');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.waitForURL((url) => /^\/people\/[^/]+$/.test(url.pathname) && url.pathname !== '/people/new');
    personId = new URL(page.url()).pathname.split('/')[2] as string;
    await expectBanner(page, `${PERSON.name} added`);
    await expectHeading(page, PERSON.name);
    for (const text of ['27 March 1985', '943 476 5919', PERSON.prisonNumber, 'Veteran']) {
      await page.locator('.govuk-summary-list').getByText(text).waitFor();
    }
    await page.getByText(`There are no referrals for ${PERSON.name} yet.`).waitFor();
    // Managers only: a caseworker is not offered the audit.
    expect(await page.getByRole('link', { name: 'Who has seen this record' }).count()).toBe(0);
    await expectAccessible(page, 'the person page');
  });

  it('changes the person’s details', async () => {
    await page.getByRole('link', { name: 'Change personal details' }).click();
    await expectHeading(page, 'Change personal details');
    await expect(page.getByLabel('NHS number (optional)').inputValue()).resolves.toBe('9434765919');
    await expect(page.locator('#dateOfBirth-day').inputValue()).resolves.toBe('27');
    await expect(page.getByRole('checkbox', { name: 'Veteran' }).isChecked()).resolves.toBe(true);
    await page.getByRole('checkbox', { name: 'Veteran' }).uncheck();
    await expectAccessible(page, 'the change person form');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expectBanner(page, `Changes to ${PERSON.name} saved`);
    await page
      .locator('.govuk-summary-list__row', { hasText: 'Other facts' })
      .getByText('None', { exact: true })
      .waitFor();
  });

  it('adds a continuity of care referral, assigned to the caseworker, and shows the case', async () => {
    await page.getByRole('button', { name: 'Add a referral' }).click();
    await expectHeading(page, 'Add a referral');
    await page.getByRole('radio', { name: 'Continuity of care (prison release)' }).check();
    // The expected release date is asked only for the prison pathways.
    await fillDate(page, 'expectedReleaseOn', day(-1));
    await page.getByLabel('Referred from').fill('HMP Hewell');
    await fillDate(page, 'referredOn', day(-10));
    await page.getByRole('checkbox', { name: 'Assign this case to me' }).check();
    await expectAccessible(page, 'the add a referral form');
    await page.getByRole('button', { name: 'Add referral' }).click();

    await page.waitForURL((url) => /^\/referrals\/[^/]+$/.test(url.pathname));
    referralId = new URL(page.url()).pathname.split('/')[2] as string;
    await expectBanner(page, 'Referral added: Continuity of care (prison release)');
    await page
      .getByRole('heading', { level: 1, name: new RegExp(`${PERSON.name}.*${PERSON.prisonNumber}`) })
      .waitFor();
    await page.locator('.govuk-tag', { hasText: 'Referred' }).first().waitFor();
    // The release was expected yesterday and is not recorded: confirming it is overdue.
    const due = page.locator('.govuk-summary-list__row', { hasText: 'Next action due' });
    await due.getByText('Overdue').waitFor();
    await due.getByText(/Confirm the release/).waitFor();
    await page.getByText('No alerts').waitFor();
    await page
      .locator('.govuk-summary-list__row', { hasText: 'Assigned to' })
      .getByText('You', { exact: true })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Record treatment start' }).count()).toBe(0);
    await expectAccessible(page, 'the case page');
  });

  it('lists the alert the sweep raises when the release is not confirmed', async () => {
    const { raised } = await e2e.stack.sweep();
    expect(raised).toBeGreaterThan(0);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Alerts' }).waitFor();
    const alert = page.locator('main li', { hasText: 'Release not confirmed, raised' });
    await alert.waitFor();
    await alert.getByText('Open').waitFor();
    const timeline = page.getByRole('list', { name: 'Timeline, newest first' });
    const item = timeline.getByRole('listitem').filter({ hasText: 'Alert: Release not confirmed' });
    expect(await item.textContent()).toContain('by Continuity (automatic alert)');
  });

  it('records the release, refusing an empty form first', async () => {
    await page.getByRole('button', { name: 'Record release' }).click();
    await expectHeading(page, 'Record release');
    await expectAccessible(page, 'the record release form');
    await page.getByRole('button', { name: 'Record release' }).click();
    expect(await summaryLinks(page)).toEqual(['#releasedOn-day', '#releaseType']);
    await expectAccessible(page, 'the record release form with errors');

    await fillDate(page, 'releasedOn', day(0));
    await page.getByRole('radio', { name: 'On licence' }).check();
    await page.getByLabel('Prison released from (optional)').fill('hei');
    await page.getByRole('button', { name: 'Record release' }).click();

    await expectBanner(page, 'Release recorded');
    const released = page.locator('.govuk-summary-list__row', { hasText: 'Released' });
    await released.getByText(`${longDate(day(0))}, on licence, from HMP Hewell`).waitFor();
    expect(await page.getByRole('button', { name: 'Record release' }).count()).toBe(0);
  });

  it('books a first appointment for tomorrow at 10:30 UK time', async () => {
    await page.getByRole('button', { name: 'Book appointment' }).click();
    await expectHeading(page, 'Book an appointment');
    await expectAccessible(page, 'the book appointment form');
    await fillDate(page, 'at', day(1));
    await page.getByLabel('Time').fill('10:30');
    await page.getByLabel('Where').fill(LOCATION);
    await page.getByRole('radio', { name: 'First appointment' }).check();
    await page.getByRole('button', { name: 'Book appointment' }).click();

    const when = `${longDate(day(1))} at 10:30am`;
    await expectBanner(page, `First appointment booked for ${when}`);
    const row = page.getByRole('row').filter({ hasText: LOCATION });
    await row.getByRole('rowheader', { name: when }).waitFor();
    await row.getByRole('cell', { name: 'Booked' }).waitFor();
    await page
      .locator('.govuk-summary-list__row', { hasText: 'First appointment' })
      .getByText(when)
      .waitFor();
  });

  it('moves the appointment to 11am with the appointment’s own version', async () => {
    await page.getByRole('row').filter({ hasText: LOCATION }).getByRole('link', { name: /^Move/ }).click();
    await expectHeading(page, 'Update appointment');
    // The link chose "Moved to a new time", which reveals the new date and time.
    await expect(page.getByRole('radio', { name: 'Moved to a new time' }).isChecked()).resolves.toBe(true);
    expect(await page.getByRole('radio', { name: 'Attended' }).count()).toBe(0);
    await expectAccessible(page, 'the update appointment form');
    await fillDate(page, 'at', day(1));
    await page.getByRole('textbox', { name: 'New time' }).fill('11am');
    await page.getByRole('button', { name: 'Save' }).click();

    await expectBanner(page, `First appointment moved to ${longDate(day(1))} at 11am`);
    await page.getByRole('row').filter({ hasText: LOCATION }).getByRole('cell', { name: 'Moved' }).waitFor();
  });

  it('lists the case in the caseload, sorted on the server by release date and filtered by status', async () => {
    await nav(page).getByRole('link', { name: 'Caseload' }).click();
    await expectHeading(page, 'Caseload');
    const row = page.getByRole('row').filter({ hasText: PERSON.name });
    await row.waitFor();
    const text = await row.textContent();
    for (const part of [
      PERSON.prisonNumber,
      'Continuity of care (prison release)',
      'Released',
      longDate(day(0)),
    ]) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain('Overdue');

    // By next action until a column is chosen; the order is in the address, so the server sorts every page.
    expect(await page.getByRole('columnheader', { name: 'Next action due' }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    const header = page.getByRole('columnheader', { name: 'Release date' });
    expect(await header.getAttribute('aria-sort')).toBe('none');
    await header.getByRole('link', { name: 'Release date' }).click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'released');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    await header.getByRole('link', { name: 'Release date' }).click();
    await page.waitForURL((url) => url.searchParams.get('order') === 'desc');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    await page.getByRole('row').filter({ hasText: PERSON.name }).waitFor();
    const assigned = page
      .getByRole('row')
      .filter({ hasText: PERSON.name })
      .getByRole('cell', { name: 'You' });
    await assigned.waitFor();
    await expectAccessible(page, 'the caseload');

    await page.getByLabel('Status').selectOption('released');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'released');
    await page.getByRole('row').filter({ hasText: PERSON.name }).waitFor();

    await page.getByLabel('Status').selectOption('referred');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No cases match these filters.').waitFor();

    await page.getByLabel('Status').selectOption('');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('link', { name: PERSON.name }).click();
    await page.waitForURL((url) => url.pathname === `/referrals/${referralId}`);
  });

  it('finds the person by prison number', async () => {
    await nav(page).getByRole('link', { name: 'Find a person' }).click();
    await expectHeading(page, 'Find a person');
    await page.getByRole('button', { name: 'Search' }).click();
    expect(await summaryLinks(page)).toEqual(['#q']);
    await expectAccessible(page, 'the find a person form with an error');

    await page.getByLabel('Name, number or case reference').fill(PERSON.prisonNumber.toLowerCase());
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { name: /1 person matches/ }).waitFor();
    await expectAccessible(page, 'the search results');
    await page
      .getByRole('row')
      .filter({ hasText: '27 March 1985' })
      .getByRole('link', { name: PERSON.name })
      .click();
    await expectHeading(page, PERSON.name);
  });

  it('records the treatment start from the person’s page', async () => {
    await page.getByRole('link', { name: /^View case/ }).click();
    await page.getByRole('button', { name: 'Record treatment start' }).click();
    await expectHeading(page, 'Record treatment start');
    await expectAccessible(page, 'the record treatment start form');
    await fillDate(page, 'startedOn', day(0));
    await page.getByRole('button', { name: 'Record treatment start' }).click();

    await expectBanner(page, `Treatment start recorded: ${longDate(day(0))}`);
    await page.locator('.govuk-tag', { hasText: 'Treatment started' }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Record treatment start' }).count()).toBe(0);
  });

  it('shows every step on the timeline with who did it', async () => {
    const steps = [
      'Referred to the continuity of care pathway from HMP Hewell',
      `Released on ${longDate(day(0))} (on licence) from HMP Hewell`,
      `First appointment booked at ${LOCATION} for ${longDate(day(1))} at 10:30am`,
      `Appointment moved to ${longDate(day(1))} at 11am`,
      `Treatment started on ${longDate(day(0))}`,
    ];
    const timeline = page.getByRole('list', { name: 'Timeline, newest first' });
    for (const step of steps) {
      const item = timeline.getByRole('listitem').filter({ hasText: step });
      await item.waitFor();
      expect(await item.textContent()).toContain(`by ${CASEWORKER.name}`);
    }
    // Newest first, and no raw ISO dates anywhere on the page.
    expect(await timeline.getByRole('listitem').first().textContent()).toContain('Treatment started');
    expect(await page.locator('main').textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('offers an accessible further offence form', async () => {
    await page.getByRole('button', { name: 'Record further offence' }).click();
    await expectHeading(page, 'Record a further offence');
    await expectAccessible(page, 'the further offence form');
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.waitForURL((url) => url.pathname === `/referrals/${referralId}`);
  });

  it('closes the case, after saying when someone else changed it first', async () => {
    await page.getByRole('button', { name: 'Close case' }).click();
    await expectHeading(page, 'Close case');
    await expectAccessible(page, 'the close case form');
    await page.getByRole('radio', { name: 'Engaged in treatment and completed' }).check();
    await fillDate(page, 'closedOn', day(0));

    // Someone else records an offence on the case while this form is open.
    const token = await e2e.stack.token(CASEWORKER.email);
    const other = await fetch(`${e2e.stack.apiUrl}/referrals/${referralId}/offences`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ offendedOn: day(0) }),
    });
    expect(other.status).toBe(201);

    await page.getByRole('button', { name: 'Close case' }).click();
    const reload = page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: 'This record was changed by someone else; reload to see the latest.' });
    await reload.waitFor();
    await expect(
      page.getByRole('radio', { name: 'Engaged in treatment and completed' }).isChecked(),
    ).resolves.toBe(true);
    await reload.click();
    await expectHeading(page, 'Close case');
    await page.getByRole('radio', { name: 'Engaged in treatment and completed' }).check();
    await fillDate(page, 'closedOn', day(0));
    await page.getByRole('button', { name: 'Close case' }).click();

    await expectBanner(page, 'Case closed');
    await page.locator('.govuk-tag', { hasText: 'Closed' }).first().waitFor();
    const closed = page.locator('.govuk-summary-list__row', { hasText: 'Closed' });
    await closed.getByText(`${longDate(day(0))}: engaged in treatment and completed`).waitFor();
    const timeline = page.getByRole('list', { name: 'Timeline, newest first' });
    const item = timeline.getByRole('listitem').filter({ hasText: 'Case closed' });
    expect(await item.textContent()).toContain(`by ${CASEWORKER.name}`);
    for (const name of ['Book appointment', 'Record treatment start', 'Close case']) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
  });

  it('links a prison number already in use to the person who has it', async () => {
    await nav(page).getByRole('link', { name: 'Add a person' }).click();
    await expectHeading(page, 'Add a person');
    await page.getByLabel('Given name').fill('Another');
    await page.getByLabel('Family name').fill('Person');
    await fillDate(page, 'dateOfBirth', '1990-01-02');
    await page.getByRole('radio', { name: 'Female', exact: true }).check();
    await page.getByLabel('Prison number (optional)').fill(PERSON.prisonNumber);
    await page.getByRole('radio', { name: 'Alcohol only' }).check();
    await page.getByRole('button', { name: 'Add person' }).click();

    const link = page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: 'A person with this prison number already exists' });
    await link.waitFor();
    await expect(page.locator('#prisonNumber-error').textContent()).resolves.toContain(
      'A person with this prison number already exists',
    );
    // API.md: the 409 `duplicate` body names the existing person's id.
    expect(await link.getAttribute('href')).toBe(`/people/${personId}`);
  });

  it('shows a manager who has seen and changed the person’s records', async () => {
    const manager = await newPage(e2e.browser);
    try {
      await signIn(manager.page, e2e.stack, 'manager@example.test');
      await manager.page.goto(`${e2e.stack.url}/people/${personId}`);
      await expectHeading(manager.page, PERSON.name);
      await manager.page.getByRole('link', { name: 'Who has seen this record' }).click();
      await expectHeading(manager.page, 'Who has seen this record');
      const rows = manager.page.getByRole('row').filter({ hasText: `${CASEWORKER.name} (caseworker)` });
      await rows.first().waitFor();
      for (const what of [
        'Created: personal details',
        'Viewed: personal details',
        'Created: case',
        'Viewed: case',
        'Changed: case',
        'Changed: appointment',
        'Found in a search: personal details',
        'Listed in the caseload: case',
      ]) {
        expect(await rows.filter({ hasText: what }).count(), what).toBeGreaterThan(0);
      }
      await manager.page.getByRole('row').filter({ hasText: 'Tom Evans (manager)' }).first().waitFor();
      await expectAccessible(manager.page, 'the audit page');
    } finally {
      await manager.context.close();
    }
  });

  it('gives a chair no caseload', async () => {
    const chair = await newPage(e2e.browser);
    try {
      await signIn(chair.page, e2e.stack, 'chair@example.test');
      expect(await nav(chair.page).getByRole('link', { name: 'Caseload' }).count()).toBe(0);
      expect(await nav(chair.page).getByRole('link', { name: 'Find a person' }).count()).toBe(0);
      await chair.page.goto(`${e2e.stack.url}/caseload`);
      await expectHeading(chair.page, 'You do not have access to this page');
      await chair.page.goto(`${e2e.stack.url}/people/${personId}`);
      await expectHeading(chair.page, 'You do not have access to this page');
    } finally {
      await chair.context.close();
    }
  });
});
