import { type MemberActor, requireAreaOf } from '../auth/area-access.ts';
import { recordReads } from '../data/audit-repo.ts';
import { newId } from '../data/ids.ts';
import { keys } from '../data/keys.ts';
import { type Page, type PageRequest, prefixQuery, queryAll, queryPage } from '../data/query-page.ts';
import { newItem, toRecord } from '../data/records.ts';
import { loadCase } from '../data/referrals-repo.ts';
import type { Table } from '../data/table.ts';
import { putNew } from '../data/table-io.ts';
import { londonDate } from '../domain/dates.ts';
import { requireOpen } from '../domain/referral-rules.ts';
import { ValidationFailed, VersionConflict } from '../errors.ts';
import type { Contact, ContactStage, CreateContactBody } from '../schemas/contact.ts';
import type * as z from '../schemas/zod.ts';
import { type CaseDeps, changeCase } from './change-case.ts';
import type { ReadDeps } from './read-cases.ts';

/** A contact is before release when it falls on a day (in England) before the release, or none is recorded. */
export const stageOf = (at: string, releasedOn: string | undefined): ContactStage =>
  !releasedOn || londonDate(new Date(at)) < releasedOn ? 'pre_release' : 'post_release';

const METHOD_WORDS: Record<Contact['method'], string> = {
  in_person: 'In-person contact',
  phone: 'Phone call',
  video: 'Video call',
  letter: 'Letter',
  message: 'Message',
  other: 'Contact',
};
const OUTCOME_WORDS: Record<Contact['outcome'], string> = {
  made: 'made',
  attempted: 'attempted, not reached',
  declined: 'declined by the person',
};

/**
 * `POST /referrals/{referralId}/contacts`: records a contact with the person (an in-reach visit
 * before release, a call after it), on the timeline, and counts it on the case by stage.
 */
export async function recordContact(
  deps: CaseDeps,
  actor: MemberActor,
  referralId: string,
  body: z.output<typeof CreateContactBody>,
): Promise<Contact> {
  // Contacts logged at the same moment (two staff, two tabs) all count: a contact needs no
  // If-Match, so one that lost the race to another change of the case is tried again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await recordContactOnce(deps, actor, referralId, body);
    } catch (error) {
      if (!(error instanceof VersionConflict) || attempt >= 5) throw error;
    }
  }
}

async function recordContactOnce(
  deps: CaseDeps,
  actor: MemberActor,
  referralId: string,
  body: z.output<typeof CreateContactBody>,
): Promise<Contact> {
  let recorded: Contact | undefined;
  await changeCase(deps, actor, referralId, ({ tenantId, current, now }) => {
    const { referral } = current;
    requireOpen(referral);
    const at = new Date(body.at).toISOString();
    if (at > now.toISOString()) {
      throw new ValidationFailed('A contact is recorded once it has happened.', {
        at: `must be now or earlier, got ${body.at}`,
      });
    }
    if (londonDate(new Date(at)) < referral.referredOn) {
      throw new ValidationFailed('A contact belongs to the case from its referral on.', {
        at: `must be on or after the referral date (${referral.referredOn}), got ${body.at}`,
      });
    }
    const id = newId(now);
    const stage = stageOf(at, referral.releasedOn);
    const item = newItem(
      keys.contact(tenantId, referral.id, at, id),
      'contact',
      {
        id,
        referralId: referral.id,
        at,
        method: body.method,
        outcome: body.outcome,
        ...(body.note ? { note: body.note } : {}),
        stage,
        recordedBy: { memberId: actor.memberId, name: actor.name },
      },
      now,
    );
    recorded = toRecord<Contact>(item);
    const counts = { ...referral.contactCounts };
    if (stage === 'pre_release') counts.preRelease += 1;
    else counts.postRelease += 1;
    return {
      changes: {
        contactCounts: counts,
        lastContactAt: referral.lastContactAt && referral.lastContactAt > at ? referral.lastContactAt : at,
      },
      writes: [putNew(item)],
      event: {
        kind: 'contact_recorded',
        summary: `${METHOD_WORDS[body.method]} ${OUTCOME_WORDS[body.outcome]} (${stage === 'pre_release' ? 'before' : 'after'} release)`,
        details: { contactId: id, at, method: body.method, outcome: body.outcome, stage },
      },
      audited: { record: 'contact', recordId: id },
    };
  });
  return recorded as Contact;
}

/**
 * How many of a case's contacts fall before and after a release on `releasedOn`: recounted when
 * the release is recorded or its date corrected, since the stage follows the release date.
 */
export async function contactCountsFor(
  table: Table,
  tenantId: string,
  referralId: string,
  releasedOn: string | undefined,
): Promise<{ preRelease: number; postRelease: number }> {
  const items = await queryAll(table, {
    ...prefixQuery(keys.referral(tenantId, referralId).PK, keys.contactPrefix(referralId)),
    ProjectionExpression: '#at',
    ExpressionAttributeNames: { '#at': 'at' },
  });
  const counts = { preRelease: 0, postRelease: 0 };
  for (const item of items) {
    if (stageOf(String(item.at), releasedOn) === 'pre_release') counts.preRelease += 1;
    else counts.postRelease += 1;
  }
  return counts;
}

/**
 * `GET /referrals/{referralId}/contacts`: the case's contacts, newest first; the read is audited.
 * Each contact's stage is judged against the release date as it now is (it may have been
 * recorded or corrected since).
 */
export async function listContacts(
  deps: ReadDeps,
  actor: MemberActor,
  referralId: string,
  page: () => Promise<PageRequest>,
): Promise<Page<Contact>> {
  const { tenantId } = actor.principal;
  const { referral } = await loadCase(deps.table, tenantId, referralId);
  requireAreaOf(actor.principal, referral.areaId, 'referral');
  const listed = await queryPage(
    deps.table,
    {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.referral(tenantId, referral.id).PK,
        ':prefix': keys.contactPrefix(referral.id),
      },
      ScanIndexForward: false,
    },
    await page(),
  );
  await recordReads(
    deps.table,
    tenantId,
    [{ personId: referral.personId, action: 'read', record: 'contact', recordId: referral.id }],
    actor,
    deps.clock(),
  );
  return {
    items: listed.items.map((item) => {
      const contact = toRecord<Contact>(item);
      return { ...contact, stage: stageOf(contact.at, referral.releasedOn) };
    }),
    lastKey: listed.lastKey,
  };
}
