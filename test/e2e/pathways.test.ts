import { readFile } from 'node:fs/promises';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaIds, callApi, createCase, day, nextPrisonNumber } from './api.ts';
import { type E2e, expectAccessible, expectHeading, newPage, signIn, startE2e } from './app.ts';
import { expectBanner, fillDate, longDate, summaryLinks } from './page-helpers.ts';

const CASEWORKER = 'caseworker.worcs@example.test';
const MANAGER = 'manager@example.test';
const CHAIR = 'chair@example.test';
/** The custody suite the tests add for themselves, so they depend on no demo suite. */
const SUITE = { name: 'Worcester Custody Suite (test)', policeForce: 'West Mercia Police' };

/** A row of a summary list on the page (or in one of its cards), by its key. */
const fact = (page: Page, key: string, within: Page | Locator = page) =>
  within.locator('.govuk-summary-list__row').filter({ has: page.locator('dt', { hasText: key }) });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Menu' });

let people = 0;
/** Adds a person through the API, with a family name and date of birth no other person of the run has. */
async function addPerson(e2e: E2e, areaId: string, given: string, family: string): Promise<string> {
  people += 1;
  const person = await callApi<{ id: string }>(e2e.stack, CASEWORKER, 'POST', '/people', {
    givenName: given,
    familyName: family,
    prisonNumber: nextPrisonNumber('P'),
    dateOfBirth: `19${70 + people}-02-1${people}`,
    sex: 'male',
    areaId,
    substanceGroup: 'opiate',
    flags: [],
  });
  return person.id;
}

/** A time typed into the booking form on `iso` (UK time), as the case page writes it. */
const when = (iso: string, time: string) => `${longDate(iso)} at ${time}`;

describe('the criminal-justice pathways, on the demo partnership', () => {
  let e2e: E2e;
  let context: BrowserContext;
  let page: Page;
  let worcs = '';
  let suiteId = '';

  beforeAll(async () => {
    e2e = await startE2e('pathways');
    ({ Worcestershire: worcs = '' } = await areaIds(e2e.stack, CASEWORKER));
    const suite = await callApi<{ id: string }>(e2e.stack, CHAIR, 'POST', '/custody-suites', {
      ...SUITE,
      areaIds: [worcs],
    });
    suiteId = suite.id;
    ({ context, page } = await newPage(e2e.browser));
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, e2e.stack, CASEWORKER);
  });

  afterAll(async () => {
    await context?.close();
    await e2e?.stop();
  });

  describe('drug testing on arrest, to a missed required assessment and failed to attend', () => {
    const PERSON = { given: 'Dale', family: 'Tester', name: 'Dale Tester' };
    const LOCATION = 'Worcester Recovery Hub, room 2';
    let personId = '';
    let referralId = '';
    let reference = '';

    beforeAll(async () => {
      personId = await addPerson(e2e, worcs, PERSON.given, PERSON.family);
    });

    it('asks for the test under the pathway, and shows the server’s field errors against their fields', async () => {
      await page.goto(`${e2e.stack.url}/people/${personId}/referrals/new`);
      await expectHeading(page, 'Add a referral');
      // Through the Gate is a programme now: no new referral is put on it as a pathway.
      expect(await page.getByRole('radio', { name: /Through the Gate/ }).count()).toBe(0);
      await page.getByRole('radio', { name: 'Drug testing on arrest', exact: true }).check();
      await page.getByRole('group', { name: 'Date of the test' }).waitFor();
      await expectAccessible(page, 'the referral form with the drug test revealed');

      await page.getByRole('button', { name: 'Add referral' }).click();
      const links = await summaryLinks(page);
      expect(links).toEqual(
        expect.arrayContaining(['#test-testedOn-day', '#test-result', '#source', '#referredOn-day']),
      );
      expect(links.indexOf('#test-testedOn-day')).toBeLessThan(links.indexOf('#source'));
      await expectAccessible(page, 'the referral form with errors');

      // A test after the referral date passes the form's checks; the API refuses it on its field.
      await fillDate(page, 'test-testedOn', day(-2));
      await page.getByRole('radio', { name: 'Cocaine', exact: true }).check();
      await page
        .getByLabel('Custody suite (optional)')
        .selectOption({ label: `${SUITE.name} (${SUITE.policeForce})` });
      await page.getByLabel('Referred from').fill('West Mercia Police custody');
      await fillDate(page, 'referredOn', day(-3));
      await page.getByRole('checkbox', { name: 'Assign this case to me' }).check();
      await page.getByRole('button', { name: 'Add referral' }).click();
      const error = page
        .locator('.govuk-error-summary')
        .getByRole('link', { name: /^Date of the test must be on or before the referral date/ });
      await error.waitFor();
      expect(await error.getAttribute('href')).toBe('#test-testedOn-day');
      await page.locator('#test-testedOn-error').waitFor();

      await fillDate(page, 'test-testedOn', day(-3));
      await page.getByRole('button', { name: 'Add referral' }).click();
      await expectBanner(page, 'Referral added: Drug testing on arrest');
      referralId = new URL(page.url()).pathname.split('/').pop() as string;
      reference = ((await fact(page, 'Case reference').locator('dd').first().textContent()) ?? '').trim();
      expect(reference).toMatch(/^C-[0-9A-Z]{8}$/);

      const card = page.locator('.govuk-summary-card').filter({ hasText: 'Drug test on arrest' });
      await fact(page, 'Date of the test', card)
        .getByText(longDate(day(-3)))
        .waitFor();
      await card.getByText('Cocaine', { exact: true }).waitFor();
      await card.getByRole('link', { name: 'Change drug test' }).click();
      await expectHeading(page, 'Change the drug test');
      expect(await page.getByRole('radio', { name: 'Cocaine', exact: true }).isChecked()).toBe(true);
      await expectAccessible(page, 'the change drug test page');
      await page.getByRole('radio', { name: 'Opiates and cocaine' }).check();
      await page.getByRole('button', { name: 'Save' }).click();
      await expectBanner(page, `Drug test changed to opiates and cocaine on ${longDate(day(-3))}`);
      await card.getByText('Opiates and cocaine', { exact: true }).waitFor();
      await card.getByText(SUITE.name, { exact: true }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Required assessments' }).waitFor();
      await expectAccessible(page, 'a drug testing on arrest case');
    });

    it('books the initial required assessment', async () => {
      await page.getByRole('button', { name: 'Book the initial assessment' }).click();
      await expectHeading(page, 'Book an appointment');
      expect(await page.getByRole('radio', { name: 'Initial required assessment' }).isChecked()).toBe(true);
      // Drug testing on arrest books its assessments and treatment appointments; no DIVERT session.
      expect(await page.getByRole('radio', { name: 'DIVERT session' }).count()).toBe(0);
      await expectAccessible(page, 'the booking form for a required assessment');
      await fillDate(page, 'at', day(-1));
      await page.getByLabel('Time').fill('10:00');
      await page.getByLabel('Where').fill(LOCATION);
      await page.getByRole('radio', { name: 'In person' }).check();
      await page.getByRole('button', { name: 'Book appointment' }).click();
      await expectBanner(page, `Initial required assessment booked for ${when(day(-1), '10am')}`);
      const row = page
        .getByRole('table', { name: 'Required assessments' })
        .getByRole('row')
        .filter({ hasText: LOCATION });
      await row.getByRole('cell', { name: 'In person' }).waitFor();
      await row.getByRole('cell', { name: 'Booked' }).waitFor();
    });

    it('marks it missed, which raises the alert and emails it without the person’s name', async () => {
      const row = page
        .getByRole('table', { name: 'Required assessments' })
        .getByRole('row')
        .filter({ hasText: LOCATION });
      await row.getByRole('link', { name: /^Mark missed/ }).click();
      await expectHeading(page, 'Update appointment');
      expect(await page.getByRole('radio', { name: 'Missed' }).isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Save' }).click();
      await expectBanner(page, `Initial required assessment on ${when(day(-1), '10am')} marked missed`);
      await page.locator('main li', { hasText: 'Required assessment missed, raised' }).waitFor();

      // The alert email, as the local mail sink received it.
      const alertMail = () =>
        e2e.stack.mail
          .list()
          .find(
            (sent) =>
              sent.subject.includes('Required assessment missed') &&
              sent.text.includes(`/referrals/${referralId}`),
          );
      await expect.poll(() => alertMail() !== undefined).toBe(true);
      const mail = alertMail();
      expect(mail?.to).toContain(CASEWORKER);
      expect(mail?.text).toContain('Pathway: Drug testing on arrest');
      for (const part of [PERSON.given, PERSON.family]) {
        expect(mail?.subject).not.toContain(part);
        expect(mail?.text).not.toContain(part);
      }
      // The same mail on the sink's page.
      await page.goto(`${e2e.stack.url}/_mail`);
      const article = page
        .getByRole('article', { name: /Required assessment missed/ })
        .filter({ hasText: reference });
      await article.waitFor();
      expect(await article.textContent()).not.toContain(PERSON.family);
      await page.goto(`${e2e.stack.url}/referrals/${referralId}`);
      await page.getByRole('heading', { level: 2, name: 'Required assessments' }).waitFor();
    });

    it('closes the case as failed to attend', async () => {
      await page.getByRole('button', { name: 'Close as failed to attend' }).click();
      await expectHeading(page, 'Close case');
      expect(
        await page.getByRole('radio', { name: 'Failed to attend a required assessment' }).isChecked(),
      ).toBe(true);
      // DIVERT's outcomes are not offered on drug testing on arrest.
      expect(await page.getByRole('radio', { name: 'Completed the programme' }).count()).toBe(0);
      await expectAccessible(page, 'the close form with failed to attend chosen');
      await fillDate(page, 'closedOn', day(0));
      await page.getByRole('button', { name: 'Close case' }).click();
      await expectBanner(page, 'Case closed: failed to attend a required assessment');
      await fact(page, 'Closed')
        .getByText(`${longDate(day(0))}: failed to attend a required assessment`)
        .waitFor();
    });

    it('is on the manager’s failed-to-attend list, which downloads as CSV', async () => {
      const manager = await newPage(e2e.browser);
      try {
        const mpage = manager.page;
        await mpage.setViewportSize({ width: 1280, height: 900 });
        await signIn(mpage, e2e.stack, MANAGER);
        await nav(mpage).getByRole('link', { name: 'Failed to attend' }).click();
        await expectHeading(mpage, 'Failed to attend');
        const row = mpage.getByRole('row').filter({ hasText: PERSON.name });
        await row.waitFor();
        for (const part of [
          reference,
          SUITE.name,
          `Opiates and cocaine, ${longDate(day(-3))}`,
          `Initial required assessment, ${when(day(-1), '10am')}`,
        ]) {
          expect(await row.textContent()).toContain(part);
        }
        expect(await row.getByRole('link', { name: PERSON.name }).getAttribute('href')).toBe(
          `/referrals/${referralId}`,
        );
        await expectAccessible(mpage, 'the failed-to-attend list');

        await fillDate(mpage, 'from', day(1));
        await mpage.getByRole('button', { name: 'Apply filters' }).click();
        await mpage.waitForURL((url) => url.searchParams.get('from') === day(1));
        await mpage.getByText('0 cases closed on or after').waitFor();
        await fillDate(mpage, 'from', day(-1));
        await fillDate(mpage, 'to', day(0));
        await mpage.getByRole('button', { name: 'Apply filters' }).click();
        await mpage.waitForURL((url) => url.searchParams.get('to') === day(0));
        await mpage.getByRole('row').filter({ hasText: PERSON.name }).waitFor();

        const [download] = await Promise.all([
          mpage.waitForEvent('download'),
          mpage.getByRole('button', { name: 'Download CSV' }).click(),
        ]);
        const csv = await readFile((await download.path()) as string, 'utf8');
        expect(csv).toContain(reference);
        expect(csv).toContain(PERSON.family);

        // A caseworker's menu has no such list.
        expect(await nav(page).getByRole('link', { name: 'Failed to attend' }).count()).toBe(0);
      } finally {
        await manager.context.close();
      }
    });
  });

  describe('DIVERT, through its sessions to completing the programme', () => {
    const PERSON = { given: 'Kit', family: 'Diverter', name: 'Kit Diverter' };
    const FIRST = 'Kidderminster Hub';
    const SECOND = 'Video call service';
    let personId = '';

    beforeAll(async () => {
      personId = await addPerson(e2e, worcs, PERSON.given, PERSON.family);
    });

    it('adds the referral with its community resolution', async () => {
      await page.goto(`${e2e.stack.url}/people/${personId}/referrals/new`);
      await expectHeading(page, 'Add a referral');
      await page.getByRole('radio', { name: 'DIVERT', exact: true }).check();
      await fillDate(page, 'communityResolutionOn', day(-10));
      await page.getByLabel('Referred from').fill('West Mercia Police custody');
      await fillDate(page, 'referredOn', day(-10));
      await expectAccessible(page, 'the referral form with DIVERT revealed');
      await page.getByRole('button', { name: 'Add referral' }).click();
      await expectBanner(page, 'Referral added: DIVERT');
      await fact(page, 'Community resolution')
        .getByText(longDate(day(-10)))
        .waitFor();
      await fact(page, 'Custody suite').getByText('Not recorded').waitFor();
      await page.getByText('No DIVERT sessions have been booked.').waitFor();
      await page.getByRole('link', { name: 'Change community resolution date' }).click();
      await expectHeading(page, 'Change the community resolution date');
      await fillDate(page, 'communityResolutionOn', day(-9));
      await page.getByRole('button', { name: 'Save' }).click();
      await expectBanner(page, `Community resolution date changed to ${longDate(day(-9))}`);
      await fact(page, 'Community resolution')
        .getByText(longDate(day(-9)))
        .waitFor();
      // On DIVERT a session attended is the engagement: there is no treatment start to record.
      expect(await page.getByRole('button', { name: 'Record treatment start' }).count()).toBe(0);
    });

    it('books two sessions, asking how each is held', async () => {
      await page.getByRole('button', { name: 'Book a session' }).first().click();
      await expectHeading(page, 'Book a DIVERT session');
      expect(await page.getByRole('radio', { name: 'First appointment' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Book session' }).click();
      expect(await summaryLinks(page)).toEqual(['#at-day', '#at-time', '#location', '#mode']);
      await expectAccessible(page, 'the session booking form with errors');
      await fillDate(page, 'at', day(-6));
      await page.getByLabel('Time').fill('10:00');
      await page.getByLabel('Where').fill(FIRST);
      await page.getByRole('radio', { name: 'In person' }).check();
      await page.getByRole('button', { name: 'Book session' }).click();
      await expectBanner(page, `DIVERT session booked for ${when(day(-6), '10am')}`);

      await page.getByRole('button', { name: 'Book a session' }).first().click();
      await expectHeading(page, 'Book a DIVERT session');
      await fillDate(page, 'at', day(-3));
      await page.getByLabel('Time').fill('14:00');
      await page.getByLabel('Where').fill(SECOND);
      await page.getByRole('radio', { name: 'Video call' }).check();
      await page.getByRole('button', { name: 'Book session' }).click();
      await expectBanner(page, `DIVERT session booked for ${when(day(-3), '2pm')}`);
      const sessions = page.getByRole('table', { name: 'Sessions' });
      await sessions
        .getByRole('row')
        .filter({ hasText: SECOND })
        .getByRole('cell', { name: 'Video call', exact: true })
        .waitFor();
      await expectAccessible(page, 'a DIVERT case with sessions');
    });

    it('marks them attended: the first records the engagement', async () => {
      for (const [location, at] of [
        [FIRST, when(day(-6), '10am')],
        [SECOND, when(day(-3), '2pm')],
      ] as const) {
        await page
          .getByRole('table', { name: 'Sessions' })
          .getByRole('row')
          .filter({ hasText: location })
          .getByRole('link', { name: /^Mark attended/ })
          .click();
        await expectHeading(page, 'Update appointment');
        await page.getByRole('button', { name: 'Save' }).click();
        await expectBanner(page, `DIVERT session on ${at} marked attended`);
        await page
          .getByRole('table', { name: 'Sessions' })
          .getByRole('row')
          .filter({ hasText: location })
          .getByRole('cell', { name: 'Attended' })
          .waitFor();
      }
      await fact(page, 'Engaged')
        .getByText(`First session attended on ${longDate(day(-6))}`)
        .waitFor();
      await page.locator('main .govuk-tag', { hasText: /^Engaged$/ }).waitFor();
    });

    it('closes as completed the programme', async () => {
      await page.getByRole('button', { name: 'Close as completed the programme' }).click();
      await expectHeading(page, 'Close case');
      expect(await page.getByRole('radio', { name: 'Completed the programme' }).isChecked()).toBe(true);
      expect(await page.getByRole('radio', { name: 'Failed to attend a required assessment' }).count()).toBe(
        0,
      );
      await fillDate(page, 'closedOn', day(0));
      await page.getByRole('button', { name: 'Close case' }).click();
      await expectBanner(page, 'Case closed: completed the programme');
      await fact(page, 'Closed')
        .getByText(`${longDate(day(0))}: completed the programme`)
        .waitFor();
      const referral = await callApi<{ status: string; closeReason: string; engagedOn: string }>(
        e2e.stack,
        CASEWORKER,
        'GET',
        `/referrals/${new URL(page.url()).pathname.split('/').pop()}`,
      );
      expect(referral).toMatchObject({
        status: 'closed',
        closeReason: 'completed_programme',
        engagedOn: day(-6),
      });
    });
  });

  describe('a drug rehabilitation requirement, with its court order', () => {
    let personId = '';

    beforeAll(async () => {
      personId = await addPerson(e2e, worcs, 'Ola', 'Orderly');
    });

    it('adds review dates one by one, and shows a review the API refuses on its own date', async () => {
      await page.goto(`${e2e.stack.url}/people/${personId}/referrals/new`);
      await expectHeading(page, 'Add a referral');
      await page.getByRole('radio', { name: 'Drug rehabilitation requirement' }).check();
      await fillDate(page, 'order-madeOn', day(-30));
      await page.getByLabel('Length of the order').fill('6');
      await page.getByLabel('Court', { exact: true }).fill('Worcester Magistrates’ Court');
      await page.getByRole('button', { name: 'Add a review date' }).click();
      await fillDate(page, 'order-reviewDates-0', day(20));
      await page.getByRole('button', { name: 'Add another review date' }).click();
      // Past the end of a six-month order: only the API knows when the order ends.
      await fillDate(page, 'order-reviewDates-1', day(300));
      await page.getByLabel('Referred from').fill('Worcester Magistrates’ Court');
      await fillDate(page, 'referredOn', day(-30));
      await expectAccessible(page, 'the referral form with a court order');
      await page.getByRole('button', { name: 'Add referral' }).click();
      const error = page
        .locator('.govuk-error-summary')
        .getByRole('link', { name: /^Review date 2 must fall within the order/ });
      await error.waitFor();
      expect(await error.getAttribute('href')).toBe('#order-reviewDates-1-day');

      await page.getByRole('button', { name: 'Remove review date 2' }).click();
      await page.getByRole('button', { name: 'Add referral' }).click();
      await expectBanner(page, 'Referral added: Drug rehabilitation requirement');
      const card = page.locator('.govuk-summary-card').filter({ hasText: 'Court order' });
      await card.getByText('6 months, to').waitFor();
      await card
        .getByRole('list', { name: 'Court review dates' })
        .getByText(longDate(day(20)))
        .waitFor();
      await card.locator('.govuk-tag', { hasText: 'Next review' }).waitFor();
      await expectAccessible(page, 'a DRR case with its order');
    });

    it('adds a review date to the order on its change page', async () => {
      await page.getByRole('link', { name: 'Change court order' }).click();
      await expectHeading(page, 'Change the court order');
      await expect(page.getByLabel('Length of the order').inputValue()).resolves.toBe('6');
      await page.getByRole('button', { name: 'Add another review date' }).click();
      await page.getByRole('button', { name: 'Save' }).click();
      expect(await summaryLinks(page)).toEqual(['#order-reviewDates-1-day']);
      await expectAccessible(page, 'the change court order page with an error');
      await fillDate(page, 'order-reviewDates-1', day(60));
      await page.getByRole('button', { name: 'Save' }).click();
      await expectBanner(page, 'Court order saved');
      const reviews = page.getByRole('list', { name: 'Court review dates' });
      await reviews.getByText(longDate(day(60))).waitFor();
      // The nearer review is still the next.
      await reviews
        .getByRole('listitem')
        .filter({ hasText: 'Next review' })
        .getByText(longDate(day(20)))
        .waitFor();
    });
  });

  describe('a prison release typed by the prison’s name', () => {
    let referralId = '';

    beforeAll(async () => {
      referralId = await createCase(e2e.stack, CASEWORKER, {
        areaId: worcs,
        referredOn: day(-14),
        givenName: 'Noor',
        familyName: 'Released',
      });
    });

    it('records the release from “HMP Hewell” and names the prison on the case', async () => {
      await page.goto(`${e2e.stack.url}/referrals/${referralId}`);
      await page.getByRole('button', { name: 'Record release' }).click();
      await expectHeading(page, 'Record release');
      // The register's names are suggested as they type.
      await expect
        .poll(() => page.locator('#establishment-suggestions option[value="HMP Hewell"]').count())
        .toBe(1);
      expect(await page.getByLabel('Prison released from (optional)').getAttribute('list')).toBe(
        'establishment-suggestions',
      );
      await fillDate(page, 'releasedOn', day(0));
      await page.getByRole('radio', { name: 'On licence' }).check();
      await page.getByLabel('Prison released from (optional)').fill('HMP Nowhere');
      await page.getByRole('button', { name: 'Record release' }).click();
      expect(await summaryLinks(page)).toEqual(['#establishment']);
      await expectAccessible(page, 'the release form with an unknown prison');

      await page.getByLabel('Prison released from (optional)').fill('HMP Hewell');
      await page.getByRole('button', { name: 'Record release' }).click();
      await expectBanner(page, 'Release recorded');
      await fact(page, 'Released')
        .getByText(`${longDate(day(0))}, on licence, from HMP Hewell`)
        .waitFor();
      await page
        .getByRole('list', { name: 'Timeline, newest first' })
        .getByText(`Released on ${longDate(day(0))} (on licence) from HMP Hewell`)
        .waitFor();
      const referral = await callApi<{ establishment: string }>(
        e2e.stack,
        CASEWORKER,
        'GET',
        `/referrals/${referralId}`,
      );
      expect(referral.establishment).toBe('HEI');
      await expectAccessible(page, 'the case page after the release');
    });
  });

  describe('the chair’s registers: custody suites and programmes', () => {
    let chair: { context: BrowserContext; page: Page };
    /** The suite the chair adds from the register's suggestions. */
    let addedSuite = '';

    beforeAll(async () => {
      chair = await newPage(e2e.browser);
      await chair.page.setViewportSize({ width: 1280, height: 900 });
      await signIn(chair.page, e2e.stack, CHAIR);
    });

    afterAll(async () => {
      await chair?.context.close();
    });

    it('adds a custody suite from the register’s suggestions for a force', async () => {
      const cpage = chair.page;
      await nav(cpage).getByRole('link', { name: 'Custody suites' }).click();
      await expectHeading(cpage, 'Custody suites');
      await cpage.getByRole('row').filter({ hasText: SUITE.name }).waitFor();
      await expectAccessible(cpage, 'the custody suites');
      await cpage.getByRole('button', { name: 'Add a custody suite' }).click();
      await expectHeading(cpage, 'Add a custody suite');
      await cpage.getByRole('button', { name: 'Add custody suite' }).click();
      expect(await summaryLinks(cpage)).toEqual(['#policeForce', '#areaIds']);
      await expectAccessible(cpage, 'the add custody suite form with errors');

      await cpage.getByLabel('Police force').selectOption('West Mercia Police');
      const suggestions = cpage.getByRole('group', { name: 'Which custody suite?' });
      await suggestions.waitFor();
      const first = suggestions.getByRole('radio').first();
      const name = (
        (await cpage.locator(`label[for="${await first.getAttribute('id')}"]`).textContent()) ?? ''
      ).trim();
      expect(name).not.toBe('');
      await first.check();
      addedSuite = name;
      await cpage.getByRole('checkbox', { name: 'Worcestershire' }).check();
      await expectAccessible(cpage, 'the add custody suite form with the suggestions');
      await cpage.getByRole('button', { name: 'Add custody suite' }).click();
      await expectBanner(cpage, `${name} added`);
      const row = cpage.getByRole('row').filter({ hasText: name });
      await row.getByRole('cell', { name: 'West Mercia Police' }).waitFor();

      // Suggested once: a suite the partnership has is not offered again.
      await cpage.getByRole('button', { name: 'Add a custody suite' }).click();
      await cpage.getByLabel('Police force').selectOption('West Mercia Police');
      await cpage.getByRole('group', { name: 'Which custody suite?' }).waitFor();
      expect(await cpage.getByRole('radio', { name, exact: true }).count()).toBe(0);
      await cpage.getByRole('link', { name: 'Cancel' }).click();

      await cpage
        .getByRole('row')
        .filter({ hasText: name })
        .getByRole('link', { name: `Change ${name}` })
        .click();
      await expectHeading(cpage, 'Change custody suite');
      await cpage.getByRole('checkbox', { name: 'Herefordshire' }).check();
      await cpage.getByRole('button', { name: 'Save changes' }).click();
      await expectBanner(cpage, `${name} saved`);
      await cpage
        .getByRole('row')
        .filter({ hasText: name })
        .getByRole('cell', { name: 'Worcestershire, Herefordshire' })
        .waitFor();
    });

    it('chooses the programmes the partnership runs, one of its own among them', async () => {
      const cpage = chair.page;
      await nav(cpage).getByRole('link', { name: 'Partnership' }).click();
      await expectHeading(cpage, 'Partnership settings');
      await cpage.getByRole('link', { name: 'Change programmes' }).click();
      await expectHeading(cpage, 'Programmes');
      await expectAccessible(cpage, 'the programmes form');
      for (const [label, wanted] of [
        ['Through the Gate', false],
        ['Starting Point Plus', true],
        ['RECONNECT', true],
      ] as const) {
        await cpage.getByRole('checkbox', { name: label }).setChecked(wanted);
      }
      await cpage.getByLabel('Add a programme of your own (optional)').fill('Recovery Navigators');
      await cpage.getByRole('button', { name: 'Save programmes' }).click();
      await expectBanner(cpage, 'Programmes saved');
      await fact(cpage, 'Programmes run')
        .getByText('Starting Point Plus, RECONNECT, Recovery navigators')
        .waitFor();
      const partnership = await callApi<{ settings: { programmes: string[] } }>(
        e2e.stack,
        CHAIR,
        'GET',
        '/partnership',
      );
      expect(partnership.settings.programmes).toEqual([
        'starting_point_plus',
        'reconnect',
        'recovery_navigators',
      ]);
      await expectAccessible(cpage, 'the partnership settings with programmes');
    });

    it('offers the programmes on a new referral and filters the caseload by them', async () => {
      const personId = await addPerson(e2e, worcs, 'Pat', 'Programmed');
      await page.goto(`${e2e.stack.url}/people/${personId}/referrals/new`);
      await expectHeading(page, 'Add a referral');
      await page.getByRole('radio', { name: 'Arrest referral', exact: true }).check();
      await page.getByLabel('Custody suite', { exact: true }).selectOption(suiteId);
      await page.getByLabel('Referred from').fill('West Mercia Police custody');
      await fillDate(page, 'referredOn', day(-1));
      await page.getByRole('checkbox', { name: 'Recovery navigators' }).check();
      await page.getByRole('button', { name: 'Add referral' }).click();
      await expectBanner(page, 'Referral added: Arrest referral');
      await fact(page, 'Programmes').getByText('Recovery navigators').waitFor();
      await fact(page, 'Custody suite').getByText(SUITE.name).waitFor();
      await page.getByRole('link', { name: 'Change custody suite' }).click();
      await expectHeading(page, 'Change the custody suite');
      await page.getByRole('radio', { name: new RegExp(`^${addedSuite}`) }).check();
      await expectAccessible(page, 'the change custody suite page');
      await page.getByRole('button', { name: 'Save' }).click();
      await expectBanner(page, `Custody suite changed to ${addedSuite}`);
      await fact(page, 'Custody suite').getByText(addedSuite, { exact: true }).waitFor();

      await nav(page).getByRole('link', { name: 'Caseload' }).click();
      await expectHeading(page, 'Caseload');
      await page.getByLabel('Programme').selectOption('recovery_navigators');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL((url) => url.searchParams.get('programme') === 'recovery_navigators');
      await page.getByRole('row').filter({ hasText: 'Pat Programmed' }).waitFor();
      // An open case on no programme is filtered out.
      await expect.poll(() => page.getByRole('row').filter({ hasText: 'Noor Released' }).count()).toBe(0);
      await expectAccessible(page, 'the caseload filtered by programme');
    });

    it('reports the pathways’ own measures and the referrals by custody suite, filtered by programme', async () => {
      const cpage = chair.page;
      await nav(cpage).getByRole('link', { name: 'Reports' }).click();
      await expectHeading(cpage, 'Continuity of care');
      const own = cpage.getByRole('table', { name: 'Each pathway’s own measures' });
      await own
        .getByRole('row')
        .filter({ hasText: 'Drug testing on arrest' })
        .filter({ hasText: 'Closed as failed to attend a required assessment' })
        .waitFor();
      await own.getByRole('row').filter({ hasText: 'Closed as completed the programme' }).waitFor();
      await own.getByRole('row').filter({ hasText: 'Court reviews still to come' }).waitFor();
      const bySuite = cpage.getByRole('table', { name: 'Other pathways by custody suite' });
      await bySuite
        .getByRole('row')
        .filter({ hasText: addedSuite })
        .filter({ hasText: 'Arrest referral' })
        .waitFor();
      await expectAccessible(cpage, 'the dashboard with the pathways’ measures');

      await cpage.getByLabel('Programme').selectOption('recovery_navigators');
      await cpage.getByRole('button', { name: 'Show report' }).click();
      await cpage.waitForURL((url) => url.searchParams.get('programme') === 'recovery_navigators');
      await cpage.getByText(/, on Recovery navigators$/).waitFor();
      const pathways = cpage.getByRole('table', { name: 'Other pathways', exact: true });
      await pathways.getByRole('row').filter({ hasText: 'Arrest referral' }).waitFor();
      await expect.poll(() => pathways.getByRole('row').filter({ hasText: 'DIVERT' }).count()).toBe(0);

      await cpage.getByLabel('Custody suite (other pathways)').selectOption({ label: SUITE.name });
      await cpage.getByRole('button', { name: 'Show report' }).click();
      await cpage.waitForURL((url) => url.searchParams.get('custodySuiteId') === suiteId);
      await cpage.getByText(`Referrals from ${SUITE.name} only.`).waitFor();
      await expectAccessible(cpage, 'the dashboard filtered by programme and custody suite');
    });
  });
});
