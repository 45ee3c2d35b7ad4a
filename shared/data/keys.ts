/**
 * Every key of the single table is built here and nowhere else. Tenant-owned keys start with
 * `T#<tenantId>#` or are `T#<tenantId>`; ids never contain `#`, so no tenant's key can be made
 * to look like another's.
 */
export interface Key {
  PK: string;
  SK: string;
}

const DELIMITER = '#';
const TENANT_PREFIX = `T${DELIMITER}`;

function part(value: string): string {
  if (value.length === 0 || value.includes(DELIMITER)) {
    throw new Error('A key part must be non-empty and must not contain the key delimiter');
  }
  return value;
}

/** Shards of the due-check index, so no one index partition takes every write. */
export const DUE_SHARDS = 4;

/** A stable shard for a case (FNV-1a of its ids). */
export function dueShard(tenantId: string, referralId: string): number {
  let hash = 0x811c9dc5;
  for (const char of `${tenantId}${DELIMITER}${referralId}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % DUE_SHARDS;
}

/** Partition of everything a tenant (partnership) owns. */
export const tenantPartition = (tenantId: string): string => `${TENANT_PREFIX}${part(tenantId)}`;

/**
 * Partitions of the partnership-name locks, one per name, outside every tenant: the one kind of
 * key outside its own partition that a member's request (a chair's rename) may write.
 */
export const PARTNERSHIP_NAME_PREFIX = `PARTNERSHIPNAME${DELIMITER}`;

/** The operator's list of every partnership (a GSI1 partition). */
const PARTNERSHIPS = 'PARTNERSHIPS';
/** The operator audit's partition, outside every tenant. */
const OPERATOR_AUDIT = 'OPSAUDIT';
/** The GSI1 partition of a prison number's locks across tenants. */
const followersPartition = (prisonNumber: string): string => `PRISONNO${DELIMITER}${part(prisonNumber)}`;

export const keys = {
  partnership: (tenantId: string): Key => ({ PK: tenantPartition(tenantId), SK: 'PARTNERSHIP' }),
  partnershipsPartition: PARTNERSHIPS,
  /**
   * Holds a partnership's name, in the form names are compared in, so that no two partnerships
   * share one. Outside every tenant: the name must be unique across them.
   */
  partnershipNameLock: (nameKey: string): Key => ({
    PK: `${PARTNERSHIP_NAME_PREFIX}${part(nameKey)}`,
    SK: 'PARTNERSHIPNAME',
  }),
  /** GSI1 keys that list every partnership for the operator, oldest first. */
  partnershipListing: (createdAt: string, tenantId: string) => ({
    GSI1PK: PARTNERSHIPS,
    GSI1SK: `${createdAt}${DELIMITER}${part(tenantId)}`,
  }),

  area: (tenantId: string, areaId: string): Key => ({
    PK: tenantPartition(tenantId),
    SK: `AREA${DELIMITER}${part(areaId)}`,
  }),
  areaPrefix: 'AREA#',
  /** Holds an area's ONS code so that no two areas of a partnership share one. */
  areaOnsCodeLock: (tenantId: string, onsCode: string): Key => ({
    PK: tenantPartition(tenantId),
    SK: `AREAONS${DELIMITER}${part(onsCode)}`,
  }),

  /** A member's id is their identity provider user id (the token's `sub`). */
  member: (tenantId: string, memberId: string): Key => ({
    PK: tenantPartition(tenantId),
    SK: `MEMBER${DELIMITER}${part(memberId)}`,
  }),
  memberPrefix: 'MEMBER#',
  /** Holds a member's email so that one address is one member in a partnership. */
  memberEmailLock: (tenantId: string, email: string): Key => ({
    PK: tenantPartition(tenantId),
    SK: `MEMBEREMAIL${DELIMITER}${email.toLowerCase()}`,
  }),

  /** A stored response for an `Idempotency-Key`, per caller scope and operation. */
  idempotency: (scope: string, operationId: string, key: string): Key => ({
    PK: scope,
    SK: `IDEMPOTENCY${DELIMITER}${part(operationId)}${DELIMITER}${key}`,
  }),
  /** Scope of an operator's own records (idempotency), outside every tenant. */
  operatorPartition: (userId: string): string => `OPERATOR${DELIMITER}${part(userId)}`,

  person: (tenantId: string, personId: string): Key => ({
    PK: tenantPartition(tenantId),
    SK: `PERSON${DELIMITER}${part(personId)}`,
  }),
  /** GSI1 keys that find people of an area by family name, then given name. */
  personByName: (
    tenantId: string,
    areaId: string,
    familyKey: string,
    givenKey: string,
    personId: string,
  ) => ({
    GSI1PK: `${tenantPartition(tenantId)}${DELIMITER}PEOPLE${DELIMITER}${part(areaId)}`,
    GSI1SK: `${familyKey}${DELIMITER}${givenKey}${DELIMITER}${part(personId)}`,
  }),
  /** GSI2 keys that find people of an area by given name, then family name. */
  personByGivenName: (
    tenantId: string,
    areaId: string,
    givenKey: string,
    familyKey: string,
    personId: string,
  ) => ({
    GSI2PK: `${tenantPartition(tenantId)}${DELIMITER}PEOPLEGIVEN${DELIMITER}${part(areaId)}`,
    GSI2SK: `${givenKey}${DELIMITER}${familyKey}${DELIMITER}${part(personId)}`,
  }),
  peopleOfAreaByGivenName: (tenantId: string, areaId: string): string =>
    `${tenantPartition(tenantId)}${DELIMITER}PEOPLEGIVEN${DELIMITER}${part(areaId)}`,
  peopleOfArea: (tenantId: string, areaId: string): string =>
    `${tenantPartition(tenantId)}${DELIMITER}PEOPLE${DELIMITER}${part(areaId)}`,
  /**
   * GSI1 keys of a prison-number lock, across tenants: the one way an HMPPS release event finds
   * every partnership that follows a prisoner. Only the event ingestion reads it.
   */
  prisonNumberFollowers: (prisonNumber: string, tenantId: string) => ({
    GSI1PK: followersPartition(prisonNumber),
    GSI1SK: tenantPartition(tenantId),
  }),
  followersPartition,
  /** A release list import and its chunks of validated rows. */
  importRecord: (tenantId: string, importId: string): Key => ({
    PK: tenantPartition(tenantId),
    SK: `IMPORT${DELIMITER}${part(importId)}`,
  }),
  importChunk: (tenantId: string, importId: string, chunk: number): Key => ({
    PK: tenantPartition(tenantId),
    SK: `IMPORT${DELIMITER}${part(importId)}${DELIMITER}CHUNK${DELIMITER}${String(chunk).padStart(4, '0')}`,
  }),
  importChunkPrefix: (importId: string): string =>
    `IMPORT${DELIMITER}${part(importId)}${DELIMITER}CHUNK${DELIMITER}`,
  /** Marks an HMPPS event as applied to a tenant, so the same event twice changes nothing. */
  hmppsEvent: (tenantId: string, eventKey: string): Key => ({
    PK: tenantPartition(tenantId),
    SK: `HMPPSEVENT${DELIMITER}${part(eventKey)}`,
  }),
  /** Holds a prison number so that it names one person in a partnership. */
  prisonNumberLock: (tenantId: string, prisonNumber: string): Key => ({
    PK: tenantPartition(tenantId),
    SK: `PRISONNO${DELIMITER}${part(prisonNumber)}`,
  }),
  /** A lookup item of a person by NHS number: the possible-duplicate check queries its prefix. */
  personByNhsNumber: (tenantId: string, nhsNumber: string, personId: string): Key => ({
    PK: tenantPartition(tenantId),
    SK: `NHSNO${DELIMITER}${part(nhsNumber)}${DELIMITER}${part(personId)}`,
  }),
  personByNhsNumberPrefix: (nhsNumber: string): string => `NHSNO${DELIMITER}${part(nhsNumber)}${DELIMITER}`,
  /** A lookup item of a person by date of birth and family-name key (shared/domain/name-key.ts). */
  personByBirthAndName: (
    tenantId: string,
    dateOfBirth: string,
    familyKey: string,
    personId: string,
  ): Key => ({
    PK: tenantPartition(tenantId),
    SK: `DOBNAME${DELIMITER}${part(dateOfBirth)}${DELIMITER}${part(familyKey)}${DELIMITER}${part(personId)}`,
  }),
  personByBirthAndNamePrefix: (dateOfBirth: string, familyKey: string): string =>
    `DOBNAME${DELIMITER}${part(dateOfBirth)}${DELIMITER}${part(familyKey)}${DELIMITER}`,

  referral: (tenantId: string, referralId: string): Key => ({
    PK: tenantPartition(tenantId),
    SK: `REFERRAL${DELIMITER}${part(referralId)}`,
  }),
  /** Prefix of a referral and everything under it: appointments, timeline events, alerts. */
  referralFamily: (referralId: string): string => `REFERRAL${DELIMITER}${part(referralId)}`,
  /** The last sort key of a referral's own items (itself, its alerts and appointments), before its timeline. */
  referralFamilyEnd: (referralId: string): string =>
    `REFERRAL${DELIMITER}${part(referralId)}${DELIMITER}APPT${DELIMITER}\uffff`,
  appointment: (tenantId: string, referralId: string, appointmentId: string): Key => ({
    PK: tenantPartition(tenantId),
    SK: `REFERRAL${DELIMITER}${part(referralId)}${DELIMITER}APPT${DELIMITER}${part(appointmentId)}`,
  }),
  timelineEvent: (tenantId: string, referralId: string, at: string, eventId: string): Key => ({
    PK: tenantPartition(tenantId),
    SK: `REFERRAL${DELIMITER}${part(referralId)}${DELIMITER}EVENT${DELIMITER}${at}${DELIMITER}${part(eventId)}`,
  }),
  timelinePrefix: (referralId: string): string =>
    `REFERRAL${DELIMITER}${part(referralId)}${DELIMITER}EVENT${DELIMITER}`,
  /** An alert of a referral, by its slot (its rule, or its rule and subject: shared/domain/alert-rules.ts). */
  alert: (tenantId: string, referralId: string, slot: string): Key => ({
    PK: tenantPartition(tenantId),
    SK: `REFERRAL${DELIMITER}${part(referralId)}${DELIMITER}ALERT${DELIMITER}${part(slot)}`,
  }),
  /**
   * A contact with the person, under its referral but after the items a case read takes
   * (`CONTACT` sorts after `APPT#\uffff`), newest last.
   */
  contact: (tenantId: string, referralId: string, at: string, contactId: string): Key => ({
    PK: tenantPartition(tenantId),
    SK: `REFERRAL${DELIMITER}${part(referralId)}${DELIMITER}CONTACT${DELIMITER}${at}${DELIMITER}${part(contactId)}`,
  }),
  contactPrefix: (referralId: string): string =>
    `REFERRAL${DELIMITER}${part(referralId)}${DELIMITER}CONTACT${DELIMITER}`,
  /**
   * A lookup item of a referral by its case reference (`C-…`, upper case), so search finds the
   * case an alert names. Several referrals may share a reference; each has its own item.
   */
  /** A police custody suite of the partnership. */
  custodySuite: (tenantId: string, custodySuiteId: string): Key => ({
    PK: tenantPartition(tenantId),
    SK: `CUSTODYSUITE${DELIMITER}${part(custodySuiteId)}`,
  }),
  custodySuitePrefix: 'CUSTODYSUITE#',
  /**
   * A drug-testing-on-arrest case closed as failed to attend, on its area's list for the police,
   * by the day it closed. A closed case never changes again, so the entry never moves.
   */
  failedToAttend: (tenantId: string, areaId: string, closedOn: string, referralId: string): Key => ({
    PK: tenantPartition(tenantId),
    SK: `FAILEDTOATTEND${DELIMITER}${part(areaId)}${DELIMITER}${part(closedOn)}${DELIMITER}${part(referralId)}`,
  }),
  /** The SK prefix of an area's failed-to-attend list. */
  failedToAttendOfArea: (areaId: string): string => `FAILEDTOATTEND${DELIMITER}${part(areaId)}${DELIMITER}`,
  caseReference: (tenantId: string, reference: string, referralId: string): Key => ({
    PK: tenantPartition(tenantId),
    SK: `CASEREF${DELIMITER}${part(reference)}${DELIMITER}${part(referralId)}`,
  }),
  caseReferencePrefix: (reference: string): string => `CASEREF${DELIMITER}${part(reference)}${DELIMITER}`,
  /**
   * GSI1 keys of the caseload: an area's open (or closed) cases in caseload order, so one page is
   * one query. `orderKey` comes from shared/domain/caseload.ts (`caseloadOrderKey`).
   */
  caseload: (tenantId: string, areaId: string, open: boolean, orderKey: string, referralId: string) => ({
    GSI1PK: `${tenantPartition(tenantId)}${DELIMITER}CASELOAD${DELIMITER}${part(areaId)}${DELIMITER}${open ? 'OPEN' : 'CLOSED'}`,
    GSI1SK: `${orderKey}${DELIMITER}${part(referralId)}`,
  }),
  /**
   * WorkIndex keys (sparse): the open cases of an area that have a next action, by urgency (the
   * worklist reads one page of them); `listedFrom` says from when each is on the worklist.
   */
  work: (tenantId: string, areaId: string, urgentAt: string, referralId: string) => ({
    workPK: `${tenantPartition(tenantId)}${DELIMITER}WORK${DELIMITER}${part(areaId)}`,
    workSK: `${urgentAt}${DELIMITER}${part(referralId)}`,
  }),
  workPartition: (tenantId: string, areaId: string): string =>
    `${tenantPartition(tenantId)}${DELIMITER}WORK${DELIMITER}${part(areaId)}`,
  /** GSI2 keys of a prison-pathway case not yet released, by expected release: in-reach planning. */
  releasing: (tenantId: string, areaId: string, expectedReleaseOn: string, referralId: string) => ({
    GSI2PK: `${tenantPartition(tenantId)}${DELIMITER}RELEASING${DELIMITER}${part(areaId)}`,
    GSI2SK: `${expectedReleaseOn}${DELIMITER}${part(referralId)}`,
  }),
  releasingPartition: (tenantId: string, areaId: string): string =>
    `${tenantPartition(tenantId)}${DELIMITER}RELEASING${DELIMITER}${part(areaId)}`,
  caseloadPartition: (tenantId: string, areaId: string, open: boolean): string =>
    `${tenantPartition(tenantId)}${DELIMITER}CASELOAD${DELIMITER}${part(areaId)}${DELIMITER}${open ? 'OPEN' : 'CLOSED'}`,
  /** GSI2 keys of the referral-month cohort of the pathways without a prison release. */
  referralCohort: (tenantId: string, month: string, areaId: string, referralId: string) => ({
    GSI2PK: `${tenantPartition(tenantId)}${DELIMITER}REFERRED${DELIMITER}${part(month)}`,
    GSI2SK: `${part(areaId)}${DELIMITER}${part(referralId)}`,
  }),
  cohortPartition: (tenantId: string, kind: 'RELEASED' | 'REFERRED', month: string): string =>
    `${tenantPartition(tenantId)}${DELIMITER}${kind}${DELIMITER}${part(month)}`,
  /** Prefix of one area's part of a cohort month. */
  cohortAreaPrefix: (areaId: string): string => `${part(areaId)}${DELIMITER}`,
  /** GSI2 keys of the release-month cohort (reports read only the months asked for). */
  releaseCohort: (tenantId: string, month: string, areaId: string, referralId: string) => ({
    GSI2PK: `${tenantPartition(tenantId)}${DELIMITER}RELEASED${DELIMITER}${part(month)}`,
    GSI2SK: `${part(areaId)}${DELIMITER}${part(referralId)}`,
  }),

  /** GSI1 keys that list an area's alerts, by when they were raised. */
  alertsOfArea: (tenantId: string, areaId: string, raisedAt: string, alertId: string) => ({
    GSI1PK: `${tenantPartition(tenantId)}${DELIMITER}ALERTS${DELIMITER}${part(areaId)}`,
    GSI1SK: `${raisedAt}${DELIMITER}${part(alertId)}`,
  }),
  alertsPartition: (tenantId: string, areaId: string): string =>
    `${tenantPartition(tenantId)}${DELIMITER}ALERTS${DELIMITER}${part(areaId)}`,
  /** The record of an alert's email, so each alert is mailed once however often it is delivered. */
  alertMail: (tenantId: string, alertId: string): Key => ({
    PK: tenantPartition(tenantId),
    SK: `ALERTMAIL${DELIMITER}${part(alertId)}`,
  }),
  /** Prefix of the mail records of a referral's alerts (an alert's id starts with its referral's). */
  alertMailOfReferral: (referralId: string): string => `ALERTMAIL${DELIMITER}${part(referralId)}-`,
  /**
   * DueIndex keys: the one index read across tenants, by the sweep only. It holds each open
   * case's next due check and each raised alert not yet published, spread over a few shards.
   */
  dueCheck: (tenantId: string, referralId: string, dueAt: string) => ({
    duePK: `DUE${DELIMITER}${dueShard(tenantId, referralId)}`,
    dueSK: `${dueAt}${DELIMITER}${part(tenantId)}${DELIMITER}${part(referralId)}`,
  }),
  alertOutbox: (tenantId: string, referralId: string, rule: string, raisedAt: string) => ({
    duePK: `DUE${DELIMITER}${dueShard(tenantId, referralId)}`,
    dueSK: `${raisedAt}${DELIMITER}${part(tenantId)}${DELIMITER}${part(referralId)}${DELIMITER}${part(rule)}`,
  }),
  duePartitions: (): string[] => Array.from({ length: DUE_SHARDS }, (_, shard) => `DUE${DELIMITER}${shard}`),
  /** The last DueIndex sort key due at `at`. */
  dueUpTo: (at: string): string => `${at}${DELIMITER}\uffff`,

  /** Who read or changed a person's records, newest last. */
  audit: (tenantId: string, personId: string, at: string, auditId: string): Key => ({
    PK: tenantPartition(tenantId),
    SK: `AUDIT${DELIMITER}${part(personId)}${DELIMITER}${at}${DELIMITER}${part(auditId)}`,
  }),
  auditPrefix: (personId: string): string => `AUDIT${DELIMITER}${part(personId)}${DELIMITER}`,

  /** The operator's own audit (exports, offboarding): outside every tenant, so it outlives one. */
  operatorAudit: (at: string, id: string): Key => ({
    PK: OPERATOR_AUDIT,
    SK: `${at}${DELIMITER}${part(id)}`,
  }),
  operatorAuditPartition: OPERATOR_AUDIT,

  /** Local stack only: the local OpenID provider's users, by email and by subject. */
  localUserByEmail: (email: string): Key => ({
    PK: 'LOCALIDP',
    SK: `EMAIL${DELIMITER}${email.toLowerCase()}`,
  }),
  localUserBySub: (sub: string): Key => ({ PK: 'LOCALIDP', SK: `SUB${DELIMITER}${part(sub)}` }),
};

/**
 * The tenant whose partition a key is in (`T#<tenantId>`, or a tenant-owned index key that
 * starts with it): how the sweep, reading across tenants, knows whose case it found.
 */
export function tenantOfKey(partitionKey: string): string {
  if (!partitionKey.startsWith(TENANT_PREFIX)) throw new Error('Not a tenant-owned key');
  return part(partitionKey.slice(TENANT_PREFIX.length).split(DELIMITER)[0] ?? '');
}
