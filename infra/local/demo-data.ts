/**
 * The demo partnership `npm start` seeds: two areas of a real two-county partnership, and one
 * member of each role. Every local user signs in with LOCAL_PASSWORD.
 */
export const LOCAL_PASSWORD = 'continuity-demo';
export const OPERATOR_EMAIL = 'operator@example.test';

export const DEMO_PARTNERSHIP = {
  id: 'demo-worcs-hereford',
  name: 'Worcestershire and Herefordshire CDP',
};

export const DEMO_AREAS = [
  {
    key: 'worcs',
    name: 'Worcestershire',
    onsCode: 'E10000034',
    alertEmails: ['worcs-cjs-team@example.test'],
  },
  {
    key: 'hereford',
    name: 'Herefordshire',
    onsCode: 'E06000019',
    alertEmails: ['hereford-cjs-team@example.test'],
  },
] as const;

export type DemoAreaKey = (typeof DEMO_AREAS)[number]['key'];

/** The demo's custody suites: West Mercia Police's in each area, as the public register names them. */
export const DEMO_CUSTODY_SUITES: readonly { name: string; policeForce: string; area: DemoAreaKey }[] = [
  { name: 'Kidderminster', policeForce: 'West Mercia Police', area: 'worcs' },
  { name: 'Hereford', policeForce: 'West Mercia Police', area: 'hereford' },
];

/** The programmes the demo partnership runs. */
export const DEMO_PROGRAMMES = ['through_the_gate', 'starting_point_plus', 'reconnect'] as const;

export const DEMO_MEMBERS: readonly {
  email: string;
  name: string;
  role: 'chair' | 'manager' | 'caseworker' | 'analyst';
  areas: readonly DemoAreaKey[];
}[] = [
  { email: 'chair@example.test', name: 'Priya Shah', role: 'chair', areas: [] },
  { email: 'manager@example.test', name: 'Tom Evans', role: 'manager', areas: ['worcs', 'hereford'] },
  { email: 'caseworker.worcs@example.test', name: 'Sam Patel', role: 'caseworker', areas: ['worcs'] },
  { email: 'caseworker.hereford@example.test', name: 'Jo Williams', role: 'caseworker', areas: ['hereford'] },
  { email: 'analyst@example.test', name: 'Alex Morgan', role: 'analyst', areas: [] },
];
