import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaIds, callApi, day, nextPrisonNumber } from './api.ts';
import { type E2e, expectAccessible, expectHeading, newPage, signIn, startE2e } from './app.ts';
import { expectBanner, fillDate, longDate, summaryLinks } from './page-helpers.ts';

const CASEWORKER = { email: 'caseworker.worcs@example.test', name: 'Sam Patel' };
/** Leaves prison in three days: the in-reach work happens now. */
const SOON = { given: 'Robin', family: 'Hale', name: 'Robin Hale' };
/** Left prison two days ago, with no first appointment yet. */
const OUT = { given: 'Jamie', family: 'Reed', name: 'Jamie Reed' };
const MISSED = 'First appointment missed';

/** A row of the case page's summary list. */
const fact = (page: Page, key: string) =>
  page.locator('.govuk-summary-list__row').filter({ has: page.locator('dt', { hasText: key }) });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Menu' });
const worklistItem = (page: Page, name: string) =>
  page
    .getByRole('list', { name: 'Cases, most urgent first' })
    .getByRole('listitem')
    .filter({ hasText: name });

/** Adds a person and a prison-pathway referral through the API; answers the referral's id. */
async function addCase(
  e2e: E2e,
  areaId: string,
  person: { given: string; family: string },
  referral: { expectedReleaseOn?: string; releasedOn?: string },
): Promise<string> {
  const { stack } = e2e;
  const created = await callApi<{ id: string }>(stack, CASEWORKER.email, 'POST', '/people', {
    givenName: person.given,
    familyName: person.family,
    prisonNumber: nextPrisonNumber('R'),
    dateOfBirth: person.given === SOON.given ? '1986-05-14' : '1979-11-02',
    sex: 'male',
    areaId,
    substanceGroup: 'opiate',
    flags: [],
  });
  const { id } = await callApi<{ id: string }>(
    stack,
    CASEWORKER.email,
    'POST',
    `/people/${created.id}/referrals`,
    {
      pathway: 'continuity_of_care',
      areaId,
      source: 'HMP Hewell',
      referredOn: day(-20),
      ...(referral.expectedReleaseOn ? { expectedReleaseOn: referral.expectedReleaseOn } : {}),
    },
  );
  if (referral.releasedOn) {
    await callApi(stack, CASEWORKER.email, 'POST', `/referrals/${id}/release`, {
      releasedOn: referral.releasedOn,
      releaseType: 'licence',
      establishment: 'HEI',
    });
  }
  return id;
}

describe('the release work, as a new Worcestershire caseworker on the demo partnership', () => {
  let e2e: E2e;
  let context: BrowserContext;
  let page: Page;
  let soonId = '';
  let outId = '';
  let reference = '';

  beforeAll(async () => {
    e2e = await startE2e('release-work');
    const { Worcestershire } = await areaIds(e2e.stack, CASEWORKER.email);
    soonId = await addCase(e2e, Worcestershire as string, SOON, { expectedReleaseOn: day(3) });
    outId = await addCase(e2e, Worcestershire as string, OUT, { releasedOn: day(-2) });
    ({ context, page } = await newPage(e2e.browser));
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, e2e.stack, CASEWORKER.email);
  });

  afterAll(async () => {
    await context?.close();
    await e2e?.stop();
  });

  it('opens on the worklist, which counts the work and says why each case is on it', async () => {
    expect(new URL(page.url()).pathname).toBe('/');
    await expectHeading(page, 'Worklist');
    expect(await page.title()).toBe('Worklist – Continuity');
    await page.getByText('1 releasing in the next 7 days').waitFor();
    await page.getByText('1 in their first 4 days after release').waitFor();
    for (const person of [SOON, OUT]) {
      const item = worklistItem(page, person.name);
      await item.waitFor();
      const why = item.getByRole('list', { name: 'Why it is on the list' }).getByRole('listitem');
      expect(await why.count(), `why ${person.name} is on the worklist`).toBeGreaterThan(0);
      expect(await item.textContent()).toMatch(/C-[0-9A-Z]{8}/);
      await item.getByText('Next action:').waitFor();
      await item.getByText('Assigned to: Nobody').waitFor();
    }
    // Released two days ago: in the first days, when the risk is highest.
    await worklistItem(page, OUT.name)
      .locator('.govuk-tag', { hasText: 'First days after release' })
      .waitFor();
    await expectAccessible(page, 'the worklist');

    await page.getByRole('link', { name: 'My cases' }).click();
    await page.waitForURL((url) => url.searchParams.get('assignee') === 'me');
    await page.getByText('None of your cases needs anything now.').waitFor();
    await page.getByRole('link', { name: 'Unassigned' }).click();
    await page.waitForURL((url) => url.searchParams.get('assignee') === 'unassigned');
    await worklistItem(page, SOON.name).waitFor();
    expect(await page.getByRole('link', { name: 'Unassigned' }).getAttribute('aria-current')).toBe('page');
  });

  it('takes a case from the worklist and assigns it to themselves', async () => {
    await worklistItem(page, SOON.name).getByRole('link', { name: SOON.name }).click();
    await page.waitForURL((url) => url.pathname === `/referrals/${soonId}`);
    await fact(page, 'Case reference')
      .getByText(/^C-[0-9A-Z]{8}$/)
      .waitFor();
    await fact(page, 'Assigned to').getByRole('link', { name: 'Change who the case is assigned to' }).click();
    await expectHeading(page, 'Change who the case is assigned to');
    await page.getByRole('radio', { name: 'Nobody (unassigned)' }).waitFor();
    await expectAccessible(page, 'the assignment form');
    await page.getByRole('radio', { name: `${CASEWORKER.name} (you)` }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expectBanner(page, `Case assigned to ${CASEWORKER.name}`);
    await fact(page, 'Assigned to').getByText('You', { exact: true }).waitFor();

    await nav(page).getByRole('link', { name: 'Worklist' }).click();
    await page.getByRole('link', { name: 'My cases' }).click();
    await worklistItem(page, SOON.name).getByText('Assigned to: You').waitFor();
  });

  it('finds their cases and the coming releases in the caseload, sorted across the whole caseload', async () => {
    await nav(page).getByRole('link', { name: 'Caseload' }).click();
    await expectHeading(page, 'Caseload');
    const row = (name: string) => page.getByRole('row').filter({ hasText: name });
    await row(SOON.name).getByRole('cell', { name: 'You' }).waitFor();
    await row(OUT.name).getByRole('cell', { name: 'Not assigned' }).waitFor();

    await page.getByLabel('Assigned to').selectOption('me');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL((url) => url.searchParams.get('assignee') === 'me');
    await row(SOON.name).waitFor();
    await expect.poll(() => row(OUT.name).count()).toBe(0);
    await page.getByLabel('Assigned to').selectOption('');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await row(OUT.name).waitFor();

    const name = page.getByRole('columnheader', { name: 'Name' });
    await name.getByRole('link', { name: 'Name' }).click();
    await expect.poll(() => name.getAttribute('aria-sort')).toBe('ascending');
    // The server orders the whole caseload; choosing the column again turns the order round.
    const names = async () =>
      (await page.getByRole('rowheader').allTextContents()).filter((text) =>
        [SOON.name, OUT.name].includes(text),
      );
    const ascending = await names();
    await name.getByRole('link', { name: 'Name' }).click();
    await expect.poll(() => name.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(names).toEqual([...ascending].reverse());
    await expectAccessible(page, 'the caseload sorted by name');

    await page.getByRole('link', { name: 'See who is releasing in the next 12 weeks' }).click();
    await expectHeading(page, 'Releasing in the next 12 weeks');
    await page.waitForURL((url) => url.searchParams.get('releasingWithinDays') === '84');
    await row(SOON.name)
      .getByText(`Expected ${longDate(day(3))}`)
      .waitFor();
    await expect.poll(() => row(OUT.name).count()).toBe(0);
    expect(await page.getByRole('columnheader', { name: 'Expected release' }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    await expectAccessible(page, 'the releasing in the next 12 weeks view');
  });

  it('plans the release', async () => {
    await nav(page).getByRole('link', { name: 'Worklist' }).click();
    await page.getByRole('link', { name: 'My cases' }).click();
    await worklistItem(page, SOON.name).getByRole('link', { name: SOON.name }).click();
    await page.getByRole('heading', { level: 2, name: 'Release plan' }).waitFor();
    await page.getByText('No release plan has been made yet.').waitFor();
    await page.getByRole('button', { name: 'Plan the release' }).click();
    await expectHeading(page, 'Plan the release');
    await page.getByRole('button', { name: 'Save release plan' }).click();
    expect(await summaryLinks(page)).toEqual(['#accommodation']);
    await expectAccessible(page, 'the release plan form with an error');

    await page.getByRole('radio', { name: 'No fixed abode' }).check();
    await page
      .getByRole('group', { name: 'On opioid substitution treatment (OST) at release' })
      .getByRole('radio', { name: 'Yes', exact: true })
      .check();
    await page
      .getByRole('group', { name: 'Naloxone issued' })
      .getByRole('radio', { name: 'No', exact: true })
      .check();
    await page.getByLabel('Notes (optional)').fill('Housing officer to meet at the gate.');
    await page.getByRole('button', { name: 'Save release plan' }).click();

    await expectBanner(page, 'Release plan saved');
    const plan = page.locator('.govuk-summary-card', { hasText: 'Release plan' });
    await plan.getByText('No fixed abode').waitFor();
    await plan
      .locator('.govuk-summary-list__row', { hasText: 'Naloxone issued' })
      .getByText('No', { exact: true })
      .waitFor();
    await plan.getByText('Housing officer to meet at the gate.').waitFor();
    await page.getByRole('list', { name: 'Risks' }).getByText('No fixed abode').waitFor();

    // A second save sends the plan's own version.
    await plan.getByRole('link', { name: 'Change release plan' }).click();
    await expectHeading(page, 'Plan the release');
    await expect(page.getByRole('radio', { name: 'No fixed abode' }).isChecked()).resolves.toBe(true);
    await page
      .getByRole('group', { name: 'Registered with a GP' })
      .getByRole('radio', { name: 'Yes', exact: true })
      .check();
    await page.getByRole('button', { name: 'Save release plan' }).click();
    await expectBanner(page, 'Release plan saved');
    await plan
      .locator('.govuk-summary-list__row', { hasText: 'Registered with a GP' })
      .getByText('Yes', { exact: true })
      .waitFor();
    await expectAccessible(page, 'the case page with a release plan');
  });

  it('logs a pre-release visit, marked before release', async () => {
    await page.getByRole('button', { name: 'Add a contact' }).click();
    await expectHeading(page, 'Add a contact');
    await page.getByRole('button', { name: 'Add contact' }).click();
    expect(await summaryLinks(page)).toEqual(['#at-day', '#at-time', '#method', '#outcome']);
    await expectAccessible(page, 'the add a contact form with errors');

    await fillDate(page, 'at', day(-1));
    await page.getByLabel('Time').fill('10:00');
    await page.getByRole('radio', { name: 'In person' }).check();
    await page.getByRole('radio', { name: 'Spoke with them' }).check();
    await page.getByLabel('Note (optional)').fill('In-reach visit at HMP Hewell');
    await page.getByRole('button', { name: 'Add contact' }).click();

    await expectBanner(page, `Contact on ${longDate(day(-1))} at 10am added`);
    const row = page.getByRole('table', { name: 'Contacts, newest first' }).getByRole('row').filter({
      hasText: 'In-reach visit',
    });
    await row.locator('.govuk-tag', { hasText: 'Before release' }).waitFor();
    await row.getByText('In person').waitFor();
    await row.getByText(CASEWORKER.name).waitFor();
    await fact(page, 'Contacts').getByText('1 before release, 0 after release', { exact: false }).waitFor();
  });

  it('corrects a release date, asking why, and the timeline keeps the old and the new date', async () => {
    await page.goto(`${e2e.stack.url}/referrals/${outId}`);
    await fact(page, 'Released')
      .getByText(longDate(day(-2)), { exact: false })
      .waitFor();
    await page.getByText(/^Day 2 of 21 — the window closes on/).waitFor();
    await fact(page, 'Released').getByRole('link', { name: 'Change release date' }).click();
    await expectHeading(page, 'Correct the release date');
    await expect(page.locator('#releasedOn-day').inputValue()).resolves.toBe(
      String(Number(day(-2).slice(8))),
    );
    await fillDate(page, 'releasedOn', day(-3));
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await summaryLinks(page)).toEqual(['#reason']);
    await expectAccessible(page, 'the correct release date form with an error');

    await page
      .getByLabel('Why is it being corrected?')
      .fill('The prison’s discharge letter gave the wrong day');
    await page.getByRole('button', { name: 'Save' }).click();
    await expectBanner(page, `Release date corrected to ${longDate(day(-3))}`);
    await fact(page, 'Released')
      .getByText(longDate(day(-3)), { exact: false })
      .waitFor();
    await page.getByText(/^Day 3 of 21 — the window closes on/).waitFor();

    const timeline = page.getByRole('list', { name: 'Timeline, newest first' });
    const item = timeline.getByRole('listitem').filter({ hasText: 'wrong day' });
    const text = (await item.textContent()) ?? '';
    expect(text).toContain(longDate(day(-2)));
    expect(text).toContain(longDate(day(-3)));
    expect(text).toContain(`by ${CASEWORKER.name}`);
    expect(await page.locator('main').textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('rebooks a missed first appointment, and a second miss raises a second alert', async () => {
    const book = async (button: string, time: string) => {
      await page.getByRole('button', { name: button }).click();
      await expectHeading(page, 'Book an appointment');
      await fillDate(page, 'at', day(-1));
      await page.getByLabel('Time').fill(time);
      await page.getByLabel('Where').fill('Worcester Recovery Hub');
      await page.getByRole('radio', { name: 'First appointment' }).check();
      await page.getByRole('button', { name: 'Book appointment' }).click();
      await expectBanner(page, /First appointment booked/);
    };
    const markMissed = async (time: string) => {
      const row = page.getByRole('row').filter({ hasText: time });
      await row.getByRole('link', { name: /^Mark missed/ }).click();
      await expectHeading(page, 'Update appointment');
      await page.getByRole('button', { name: 'Save' }).click();
      await expectBanner(page, /marked missed/);
      await page
        .getByRole('row')
        .filter({ hasText: time })
        .locator('.govuk-tag', { hasText: 'Missed' })
        .waitFor();
    };

    await book('Book appointment', '9:30');
    await markMissed('9:30am');
    await fact(page, 'Next action due')
      .getByText(/Book a new first appointment/)
      .waitFor();
    await page.getByRole('list', { name: 'Risks' }).getByText('Missed first appointment').waitFor();
    expect(await page.locator('main li', { hasText: `${MISSED}, raised` }).count()).toBe(1);
    await expectAccessible(page, 'the case page after a missed first appointment');

    // The button offers the new first appointment, already chosen on the form.
    await page.getByRole('button', { name: 'Book a new first appointment' }).click();
    await expectHeading(page, 'Book an appointment');
    await expect(page.getByRole('radio', { name: 'First appointment' }).isChecked()).resolves.toBe(true);
    await page.getByRole('link', { name: 'Cancel' }).click();
    await book('Book a new first appointment', '15:00');
    await markMissed('3pm');

    await page.waitForFunction(
      (text) =>
        [...document.querySelectorAll('main li')].filter((li) => li.textContent?.includes(text)).length >= 2,
      `${MISSED}, raised`,
    );
    await nav(page)
      .getByRole('link', { name: /^Alerts/ })
      .click();
    await expectHeading(page, 'Alerts');
    const rows = page.getByRole('row').filter({ hasText: MISSED }).filter({ hasText: OUT.name });
    await expect.poll(() => rows.count()).toBe(2);
    await expectAccessible(page, 'the alerts list');
  });

  it('finds the case by the reference an alert gives', async () => {
    const row = page.getByRole('row').filter({ hasText: MISSED }).filter({ hasText: OUT.name }).first();
    reference = /C-[0-9A-Z]{8}/.exec((await row.textContent()) ?? '')?.[0] ?? '';
    expect(reference).toMatch(/^C-[0-9A-Z]{8}$/);

    await nav(page).getByRole('link', { name: 'Find a person' }).click();
    await expectHeading(page, 'Find a person');
    await page.getByLabel('Name, number or case reference').fill(reference.toLowerCase());
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { name: /1 person matches/ }).waitFor();
    await expectAccessible(page, 'the search results for a case reference');
    await page.getByRole('row').filter({ hasText: reference }).getByRole('link', { name: OUT.name }).click();

    await page.waitForURL((url) => url.pathname === `/referrals/${outId}`);
    await fact(page, 'Case reference').getByText(reference, { exact: true }).waitFor();
  });

  it('lets a manager of both areas move the expected release and the case itself', async () => {
    const manager = await newPage(e2e.browser);
    try {
      await manager.page.setViewportSize({ width: 1280, height: 900 });
      await signIn(manager.page, e2e.stack, 'manager@example.test');
      await expectHeading(manager.page, 'Worklist');
      await manager.page.goto(`${e2e.stack.url}/referrals/${soonId}`);
      await fact(manager.page, 'Expected release')
        .getByRole('link', { name: 'Change expected release date' })
        .click();
      await expectHeading(manager.page, 'Change expected release date');
      await fillDate(manager.page, 'expectedReleaseOn', day(5));
      await expectAccessible(manager.page, 'the expected release date form');
      await manager.page.getByRole('button', { name: 'Save' }).click();
      await expectBanner(manager.page, `Expected release date changed to ${longDate(day(5))}`);
      await fact(manager.page, 'Expected release')
        .getByText(longDate(day(5)))
        .waitFor();

      await fact(manager.page, 'Area').getByRole('link', { name: 'Change area' }).click();
      await expectHeading(manager.page, 'Move the case to another area');
      await expectAccessible(manager.page, 'the move case form');
      await manager.page.getByRole('radio', { name: 'Herefordshire' }).check();
      await manager.page.getByRole('button', { name: 'Move case' }).click();
      await expectBanner(manager.page, 'Case moved to Herefordshire');
      await fact(manager.page, 'Area').getByText('Herefordshire').waitFor();
      // Sam Patel covers Worcestershire only, so the case is no longer theirs.
      await fact(manager.page, 'Assigned to').getByText('Not assigned').waitFor();
    } finally {
      await manager.context.close();
    }
  });
});
