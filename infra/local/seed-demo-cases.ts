import type { Deps } from '../../shared/adapters/deps.ts';
import type { MemberActor } from '../../shared/auth/area-access.ts';
import {
  bookAppointment,
  changeAppointment,
  recordEngagement,
  recordRelease,
} from '../../shared/cases/case-actions.ts';
import { recordContact } from '../../shared/cases/contacts.ts';
import { referPerson } from '../../shared/cases/create-referral.ts';
import { saveReleasePlan } from '../../shared/cases/release-plan.ts';
import { allCustodySuites } from '../../shared/data/custody-suites-repo.ts';
import { allMembers } from '../../shared/data/members-repo.ts';
import { addDays, londonDate } from '../../shared/domain/dates.ts';
import { addPerson } from '../../shared/people/people.ts';
import type { CustodySuite } from '../../shared/schemas/custody-suite.ts';
import type { Member } from '../../shared/schemas/member.ts';
import type { ReleasePlanBody } from '../../shared/schemas/release-plan.ts';
import type * as z from '../../shared/schemas/zod.ts';
import { DEMO_PARTNERSHIP } from './demo-data.ts';

/** One demo case: who, where, and how far along the release work is (days relative to today). */
interface DemoCase {
  person: {
    givenName: string;
    familyName: string;
    dateOfBirth: string;
    sex: 'male' | 'female';
    prisonNumber: string;
  };
  substanceGroup: 'opiate' | 'non_opiate' | 'alcohol' | 'non_opiate_and_alcohol';
  /** The caseworker's email who records it (and holds it, when `assigned`). */
  by: string;
  assigned: boolean;
  establishment: string;
  referredDaysAgo: number;
  /** Not yet released: expected in this many days (negative: it was expected already). */
  expectedInDays?: number;
  releasedDaysAgo?: number;
  plan?: z.output<typeof ReleasePlanBody>;
  /** A pre-release in-reach contact this many days ago. */
  inReachDaysAgo?: number;
  /** A first appointment this many days after release, and whether it was missed. */
  firstAppointment?: { dayAfterRelease: number; missed?: boolean };
  engagedDaysAgo?: number;
  programmes?: readonly string[];
}

const WORCS = 'caseworker.worcs@example.test';
const HEREFORD = 'caseworker.hereford@example.test';

/**
 * The demo caseload: a handful of releases at every stage, so the worklist, the caseload and the
 * alerts have something true to show. Names and prison numbers are made up.
 */
const DEMO_CASES: readonly DemoCase[] = [
  {
    person: {
      givenName: 'Daniel',
      familyName: 'Hughes',
      dateOfBirth: '1988-04-12',
      sex: 'male',
      prisonNumber: 'A4821DH',
    },
    substanceGroup: 'opiate',
    by: WORCS,
    assigned: true,
    establishment: 'HEI',
    programmes: ['through_the_gate'],
    referredDaysAgo: 30,
    releasedDaysAgo: 2,
    plan: { accommodation: 'no_fixed_abode', onOstAtRelease: true, naloxoneIssued: false, metAtGate: false },
    inReachDaysAgo: 9,
  },
  {
    person: {
      givenName: 'Kerry',
      familyName: 'Watts',
      dateOfBirth: '1979-11-03',
      sex: 'female',
      prisonNumber: 'A1937KW',
    },
    substanceGroup: 'opiate',
    by: WORCS,
    assigned: true,
    establishment: 'EWI',
    referredDaysAgo: 21,
    releasedDaysAgo: 1,
    plan: {
      accommodation: 'approved_premises',
      onOstAtRelease: true,
      bridgingPrescription: true,
      naloxoneIssued: true,
      gpRegistered: true,
      metAtGate: true,
    },
    inReachDaysAgo: 5,
    firstAppointment: { dayAfterRelease: 3 },
  },
  {
    person: {
      givenName: 'Liam',
      familyName: 'Brennan',
      dateOfBirth: '1995-02-27',
      sex: 'male',
      prisonNumber: 'A7710LB',
    },
    substanceGroup: 'non_opiate_and_alcohol',
    by: WORCS,
    assigned: true,
    establishment: 'HEI',
    referredDaysAgo: 14,
    expectedInDays: 3,
    plan: { accommodation: 'temporary', housingReferralMade: true },
    inReachDaysAgo: 2,
  },
  {
    person: {
      givenName: 'Marcus',
      familyName: 'Oyelaran',
      dateOfBirth: '1983-07-19',
      sex: 'male',
      prisonNumber: 'A3364MO',
    },
    substanceGroup: 'opiate',
    by: WORCS,
    assigned: false,
    establishment: 'LLI',
    referredDaysAgo: 10,
    expectedInDays: 6,
  },
  {
    person: {
      givenName: 'Natalie',
      familyName: 'Price',
      dateOfBirth: '1990-09-08',
      sex: 'female',
      prisonNumber: 'A5502NP',
    },
    substanceGroup: 'alcohol',
    by: WORCS,
    assigned: true,
    establishment: 'EWI',
    referredDaysAgo: 35,
    releasedDaysAgo: 10,
    plan: { accommodation: 'settled', naloxoneIssued: true },
    firstAppointment: { dayAfterRelease: 2, missed: true },
  },
  {
    person: {
      givenName: 'Gareth',
      familyName: 'Lloyd',
      dateOfBirth: '1976-01-30',
      sex: 'male',
      prisonNumber: 'A2089GL',
    },
    substanceGroup: 'opiate',
    by: WORCS,
    assigned: true,
    establishment: 'HEI',
    referredDaysAgo: 40,
    releasedDaysAgo: 8,
    firstAppointment: { dayAfterRelease: 1 },
    engagedDaysAgo: 5,
  },
  {
    person: {
      givenName: 'Aisha',
      familyName: 'Rahman',
      dateOfBirth: '1998-05-14',
      sex: 'female',
      prisonNumber: 'A6671AR',
    },
    substanceGroup: 'non_opiate',
    by: WORCS,
    assigned: false,
    establishment: 'EWI',
    referredDaysAgo: 5,
    expectedInDays: 45,
  },
  {
    person: {
      givenName: 'Owen',
      familyName: 'Pritchard',
      dateOfBirth: '1985-12-02',
      sex: 'male',
      prisonNumber: 'A8145OP',
    },
    substanceGroup: 'opiate',
    by: HEREFORD,
    assigned: true,
    establishment: 'HEI',
    referredDaysAgo: 25,
    releasedDaysAgo: 3,
    plan: { accommodation: 'settled', onOstAtRelease: false, naloxoneIssued: true },
  },
  {
    person: {
      givenName: 'Shannon',
      familyName: 'Davies',
      dateOfBirth: '1992-03-21',
      sex: 'female',
      prisonNumber: 'A9023SD',
    },
    substanceGroup: 'non_opiate',
    by: HEREFORD,
    assigned: false,
    establishment: 'EWI',
    referredDaysAgo: 12,
    expectedInDays: -2,
  },
];

/** At 10:00 on a day (UTC), as the API writes times. */
const tenOClock = (date: string) => `${date}T10:00:00+00:00`;

/**
 * Seeds the demo caseload through the service's own use cases (so every index key, alert and
 * timeline event is what the API would have written), as the demo caseworkers, once, when the
 * demo partnership is first seeded. The clock stays where it is: dates are set back instead.
 */
export async function seedDemoCases(deps: Deps): Promise<number> {
  const tenantId = DEMO_PARTNERSHIP.id;
  const members = await allMembers(deps.table, tenantId);
  const today = londonDate(deps.clock());
  const day = (offset: number) => addDays(today, offset);
  for (const demo of DEMO_CASES) {
    const member = members.find((candidate) => candidate.email === demo.by);
    if (!member) continue;
    const actor = actorOf(member);
    const areaId = member.areaIds[0] as string;
    const person = await addPerson(deps, actor, {
      ...demo.person,
      areaId,
      substanceGroup: demo.substanceGroup,
      flags: [],
    });
    const referral = await referPerson(deps, actor, person.id, {
      pathway: 'continuity_of_care',
      areaId,
      source: `Prison healthcare (${demo.establishment})`,
      referredOn: day(-demo.referredDaysAgo),
      ...(demo.expectedInDays !== undefined || demo.releasedDaysAgo !== undefined
        ? { expectedReleaseOn: day(demo.expectedInDays ?? -(demo.releasedDaysAgo as number)) }
        : {}),
      ...(demo.assigned ? { assignedTo: member.id } : {}),
      ...(demo.programmes ? { programmes: [...demo.programmes] } : {}),
    });
    const id = referral.id;
    if (demo.inReachDaysAgo !== undefined) {
      await recordContact(deps, actor, id, {
        at: tenOClock(day(-demo.inReachDaysAgo)),
        method: 'in_person',
        outcome: 'made',
        note: 'In-reach visit on the wing: talked through the first appointment and the hub’s address.',
      });
    }
    if (demo.plan) await saveReleasePlan(deps, actor, id, demo.plan, undefined);
    if (demo.releasedDaysAgo === undefined) continue;
    const releasedOn = day(-demo.releasedDaysAgo);
    await recordRelease(deps, actor, id, {
      releasedOn,
      releaseType: 'licence',
      establishment: demo.establishment,
    });
    if (demo.firstAppointment) {
      const at = tenOClock(addDays(releasedOn, demo.firstAppointment.dayAfterRelease));
      const booked = await bookAppointment(deps, actor, id, {
        at,
        location: 'CGL Worcester hub',
        kind: 'first',
      });
      if (demo.firstAppointment.missed) {
        await changeAppointment(
          deps,
          actor,
          { referralId: id, appointmentId: booked.id },
          { status: 'missed' },
          1,
        );
      } else if (demo.engagedDaysAgo !== undefined) {
        await changeAppointment(
          deps,
          actor,
          { referralId: id, appointmentId: booked.id },
          { status: 'attended' },
          1,
        );
      }
    }
    if (demo.engagedDaysAgo !== undefined) {
      await recordEngagement(deps, actor, id, { startedOn: day(-demo.engagedDaysAgo) });
    }
  }
  const suites = await allCustodySuites(deps.table, tenantId);
  for (const demo of DEMO_PATHWAY_CASES) {
    const member = members.find((candidate) => candidate.email === demo.by);
    if (!member) continue;
    await seedPathwayCase(deps, actorOf(member), demo, day, suites);
  }
  return DEMO_CASES.length + DEMO_PATHWAY_CASES.length;
}

/** A demo case on one of the other criminal-justice pathways, with the steps taken so far. */
interface DemoPathwayCase {
  person: DemoCase['person'];
  substanceGroup: DemoCase['substanceGroup'];
  by: string;
  pathway: 'drug_testing_on_arrest' | 'divert' | 'arrest_referral' | 'drr' | 'atr';
  source: string;
  referredDaysAgo: number;
  /** The custody suite, by its demo name. */
  suite?: string;
  testedDaysAgo?: number;
  resolutionDaysAgo?: number;
  order?: { madeDaysAgo: number; months: number; court: string; reviewsInDays: number[] };
  /** Appointments: kind, days from today, and what became of them. */
  appointments?: {
    kind: 'initial_assessment' | 'follow_up_assessment' | 'session' | 'first';
    inDays: number;
    mode?: 'video' | 'in_person';
    outcome?: 'attended' | 'missed';
  }[];
  engagedDaysAgo?: number;
}

/** Made-up people on every other pathway, at different steps. */
const DEMO_PATHWAY_CASES: readonly DemoPathwayCase[] = [
  {
    person: {
      givenName: 'Callum',
      familyName: 'Ashdown',
      dateOfBirth: '1995-02-17',
      sex: 'male',
      prisonNumber: 'A7302CA',
    },
    substanceGroup: 'opiate',
    by: WORCS,
    pathway: 'drug_testing_on_arrest',
    source: 'Drug test on arrest, Kidderminster custody',
    referredDaysAgo: 6,
    suite: 'Kidderminster',
    testedDaysAgo: 6,
    appointments: [{ kind: 'initial_assessment', inDays: -3, outcome: 'missed' }],
  },
  {
    person: {
      givenName: 'Megan',
      familyName: 'Thorne',
      dateOfBirth: '1990-11-03',
      sex: 'female',
      prisonNumber: 'A7315MT',
    },
    substanceGroup: 'non_opiate',
    by: WORCS,
    pathway: 'drug_testing_on_arrest',
    source: 'Drug test on arrest, Kidderminster custody',
    referredDaysAgo: 12,
    suite: 'Kidderminster',
    testedDaysAgo: 12,
    appointments: [
      { kind: 'initial_assessment', inDays: -9, outcome: 'attended' },
      { kind: 'follow_up_assessment', inDays: 2 },
    ],
  },
  {
    person: {
      givenName: 'Jordan',
      familyName: 'Pryce',
      dateOfBirth: '2001-06-22',
      sex: 'male',
      prisonNumber: 'A7328JP',
    },
    substanceGroup: 'non_opiate',
    by: HEREFORD,
    pathway: 'divert',
    source: 'Community resolution, Hereford custody',
    referredDaysAgo: 20,
    suite: 'Hereford',
    resolutionDaysAgo: 21,
    appointments: [
      { kind: 'session', inDays: -14, mode: 'video', outcome: 'attended' },
      { kind: 'session', inDays: 3, mode: 'in_person' },
    ],
  },
  {
    person: {
      givenName: 'Aisha',
      familyName: 'Brennan',
      dateOfBirth: '1986-09-30',
      sex: 'female',
      prisonNumber: 'A7331AB',
    },
    substanceGroup: 'non_opiate_and_alcohol',
    by: WORCS,
    pathway: 'arrest_referral',
    source: 'Arrest referral worker, Kidderminster custody',
    referredDaysAgo: 4,
    suite: 'Kidderminster',
    appointments: [{ kind: 'first', inDays: 1 }],
  },
  {
    person: {
      givenName: 'Liam',
      familyName: 'Okafor',
      dateOfBirth: '1983-01-14',
      sex: 'male',
      prisonNumber: 'A7344LO',
    },
    substanceGroup: 'opiate',
    by: WORCS,
    pathway: 'drr',
    source: 'Probation: drug rehabilitation requirement',
    referredDaysAgo: 60,
    order: { madeDaysAgo: 60, months: 12, court: 'Worcester Magistrates’ Court', reviewsInDays: [5, 33] },
    appointments: [{ kind: 'first', inDays: -55, outcome: 'attended' }],
    engagedDaysAgo: 55,
  },
  {
    person: {
      givenName: 'Rhiannon',
      familyName: 'Vale',
      dateOfBirth: '1979-05-08',
      sex: 'female',
      prisonNumber: 'A7357RV',
    },
    substanceGroup: 'alcohol',
    by: HEREFORD,
    pathway: 'atr',
    source: 'Probation: alcohol treatment requirement',
    referredDaysAgo: 30,
    order: { madeDaysAgo: 30, months: 6, court: 'Hereford Magistrates’ Court', reviewsInDays: [20] },
  },
];

/** The member as the use cases see them, acting for the seed. */
function actorOf(member: Member): MemberActor {
  return {
    principal: {
      kind: 'member',
      role: member.role,
      tenantId: DEMO_PARTNERSHIP.id,
      memberId: member.id,
      name: member.name,
      areaIds: member.areaIds,
    } as MemberActor['principal'],
    memberId: member.id,
    name: member.name,
    role: member.role,
    requestId: 'demo-seed',
    sourceIp: '127.0.0.1',
  };
}

/** Seeds one pathway case through the use cases, as its caseworker. */
async function seedPathwayCase(
  deps: Deps,
  actor: MemberActor,
  demo: DemoPathwayCase,
  day: (offset: number) => string,
  suites: readonly CustodySuite[],
): Promise<void> {
  const areaId = actor.principal.areaIds[0] as string;
  const person = await addPerson(deps, actor, {
    ...demo.person,
    areaId,
    substanceGroup: demo.substanceGroup,
    flags: [],
  });
  const suite = suites.find((candidate) => candidate.name === demo.suite);
  const order = demo.order;
  const referral = await referPerson(deps, actor, person.id, {
    pathway: demo.pathway,
    areaId,
    source: demo.source,
    referredOn: day(-demo.referredDaysAgo),
    assignedTo: actor.memberId,
    ...(suite ? { custodySuiteId: suite.id } : {}),
    ...(demo.testedDaysAgo !== undefined
      ? { test: { testedOn: day(-demo.testedDaysAgo), result: 'opiates' as const } }
      : {}),
    ...(demo.resolutionDaysAgo !== undefined ? { communityResolutionOn: day(-demo.resolutionDaysAgo) } : {}),
    ...(order
      ? {
          order: {
            madeOn: day(-order.madeDaysAgo),
            months: order.months,
            court: order.court,
            reviewDates: order.reviewsInDays.map(day),
          },
        }
      : {}),
  });
  for (const appointment of demo.appointments ?? []) {
    const booked = await bookAppointment(deps, actor, referral.id, {
      at: tenOClock(day(appointment.inDays)),
      location: appointment.mode === 'video' ? 'Video call' : 'CGL hub',
      kind: appointment.kind,
      ...(appointment.mode ? { mode: appointment.mode } : {}),
    });
    if (appointment.outcome) {
      await changeAppointment(
        deps,
        actor,
        { referralId: referral.id, appointmentId: booked.id },
        { status: appointment.outcome },
        1,
      );
    }
  }
  if (demo.engagedDaysAgo !== undefined) {
    await recordEngagement(deps, actor, referral.id, { startedOn: day(-demo.engagedDaysAgo) });
  }
}
