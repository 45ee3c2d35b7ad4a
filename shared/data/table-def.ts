/**
 * The single table's shape, declared once: the CDK app creates it in AWS and the local
 * stack creates it in DynamoDB Local from this same description.
 */
export const TABLE_KEYS = { partitionKey: 'PK', sortKey: 'SK' } as const;

export interface IndexDef {
  name: string;
  partitionKey: string;
  sortKey: string;
  /** Why the index exists; sparse indexes hold only the items that set their keys. */
  purpose: string;
  /** The attributes it keeps besides the keys (all of them when absent). */
  projected?: readonly string[];
}

/**
 * What the worklist reads of a case (shared/cases/worklist.ts), and so all its index keeps: a
 * worklist page reads small index items, not whole cases.
 */
export const WORK_INDEX_ATTRIBUTES = [
  'id',
  'personId',
  'personSummary',
  'areaId',
  'assignedTo',
  'assignedToName',
  'pathway',
  'status',
  'releasedOn',
  'expectedReleaseOn',
  'windowClosesOn',
  'riskFlags',
  'nextDueAt',
  'nextDueRule',
  'openAlerts',
  'listedFrom',
] as const;

export const TABLE_INDEXES: readonly IndexDef[] = [
  {
    name: 'GSI1',
    partitionKey: 'GSI1PK',
    sortKey: 'GSI1SK',
    purpose: 'lookups within a tenant (partnership list, people by name, caseload by area)',
  },
  {
    name: 'GSI2',
    partitionKey: 'GSI2PK',
    sortKey: 'GSI2SK',
    purpose: 'release-month cohorts for reports, by tenant and month; cases expected to release, by date',
  },
  {
    name: 'WorkIndex',
    partitionKey: 'workPK',
    sortKey: 'workSK',
    purpose: 'sparse: the open cases of an area with a next action, by urgency, for the worklist',
    projected: WORK_INDEX_ATTRIBUTES,
  },
  {
    name: 'DueIndex',
    partitionKey: 'duePK',
    sortKey: 'dueSK',
    purpose: 'sparse: the next due alert check of each open referral, read by the sweep',
  },
];

/** Attribute DynamoDB's TTL deletes by (epoch seconds): idempotency records. */
export const TTL_ATTRIBUTE = 'expiresAt';
