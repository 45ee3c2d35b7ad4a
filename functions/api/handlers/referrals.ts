import type { z } from 'zod';
import { actorOf, areasToList, requireAreaOf, requireOwnArea } from '../../../shared/auth/area-access.ts';
import { auditItem, recordReads } from '../../../shared/data/audit-repo.ts';
import { newId } from '../../../shared/data/ids.ts';
import { findMember } from '../../../shared/data/members-repo.ts';
import { getPartnership } from '../../../shared/data/partnerships-repo.ts';
import { getPeople, getPerson } from '../../../shared/data/people-repo.ts';
import * as referrals from '../../../shared/data/referrals-repo.ts';
import { listTimeline, timelineItem } from '../../../shared/data/timeline.ts';
import { caseloadOrder, matchesDue } from '../../../shared/domain/caseload.ts';
import { isPrisonPathway, notBefore, notInFuture } from '../../../shared/domain/referral-rules.ts';
import { ValidationFailed } from '../../../shared/errors.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { listResponse, pageRequest } from '../../../shared/http/pagination.ts';
import type { Person } from '../../../shared/schemas/person.ts';
import type { CaseloadQuery, CreateReferralBody } from '../../../shared/schemas/referral.ts';
import { route } from '../routes.ts';

type ReferralParams = { referralId: string };

const summaryOf = (person: Person | undefined) =>
  person && {
    id: person.id,
    givenName: person.givenName,
    familyName: person.familyName,
    dateOfBirth: person.dateOfBirth,
    prisonNumber: person.prisonNumber,
  };

/** `POST /people/{personId}/referrals`: put a person on a pathway. */
export const createReferral = apiHandler<{ personId: string }, unknown, z.output<typeof CreateReferralBody>>(
  route('createReferral'),
  async (request, deps) => {
    const actor = actorOf(request);
    const { tenantId } = actor.principal;
    const { body } = request;
    const now = deps.clock();
    const person = await getPerson(deps.table, tenantId, request.params.personId);
    requireAreaOf(actor.principal, person.areaId, 'person');
    requireOwnArea(actor.principal, body.areaId);
    notInFuture('referredOn', body.referredOn, now);
    notBefore('referredOn', body.referredOn, person.dateOfBirth, 'date of birth');
    if (body.expectedReleaseOn) {
      if (!isPrisonPathway(body.pathway)) {
        throw new ValidationFailed('Only prison pathways have a release.', {
          expectedReleaseOn: `a ${body.pathway} referral has no prison release: leave this out`,
        });
      }
      notBefore('expectedReleaseOn', body.expectedReleaseOn, body.referredOn, 'referral date');
    }
    let assignedToName: string | undefined;
    if (body.assignedTo) {
      const member = await findMember(deps.table, tenantId, body.assignedTo);
      assignedToName = member?.name;
      const covers =
        member && ['caseworker', 'manager'].includes(member.role) && member.areaIds.includes(body.areaId);
      if (!covers) {
        throw new ValidationFailed('Assign the case to a caseworker or manager of its area.', {
          assignedTo: 'must be a caseworker or manager who covers the referral’s area',
        });
      }
    }
    const settings = (await getPartnership(deps.table, tenantId)).settings;
    const id = newId(now);
    const item = referrals.newReferralItem(
      tenantId,
      {
        id,
        personId: person.id,
        ...body,
        ...(assignedToName ? { assignedToName } : {}),
        status: 'referred',
        offences: [],
      },
      settings,
      now,
    );
    const referral = await referrals.createReferral(deps.table, tenantId, item, [
      {
        Put: {
          TableName: deps.table.name,
          Item: timelineItem(
            tenantId,
            id,
            'referred',
            `Referred to the ${body.pathway.replaceAll('_', ' ')} pathway from ${body.source}`,
            actor,
            now,
          ),
        },
      },
      {
        Put: {
          TableName: deps.table.name,
          Item: auditItem(
            tenantId,
            { personId: person.id, action: 'create', record: 'referral', recordId: id },
            actor,
            now,
          ),
        },
      },
    ]);
    return { status: 201, body: referral };
  },
);

/**
 * `GET /referrals`: the caseload of the caller's areas, overdue first. An area holds a few
 * hundred open cases, so the list is read whole from the caseload index, filtered and ordered,
 * and paged by position.
 */
export const listReferrals = apiHandler<unknown, z.output<typeof CaseloadQuery>>(
  route('listReferrals'),
  async (request, deps) => {
    const actor = actorOf(request);
    const { tenantId } = actor.principal;
    const { status, pathway, due, limit, cursor } = request.query;
    const now = deps.clock();
    const areas = areasToList(actor.principal, request.query.areaId);
    const open = status !== 'closed';
    const all = (
      await Promise.all(areas.map((areaId) => referrals.caseloadOfArea(deps.table, tenantId, areaId, open)))
    ).flat();
    const rows = all
      .filter(
        (referral) => (!status || referral.status === status) && (!pathway || referral.pathway === pathway),
      )
      .filter((referral) => !due || matchesDue(referral.nextDueAt, due, now))
      .sort(caseloadOrder(now));
    const scope = `${tenantId}|${actor.memberId}|listReferrals|${JSON.stringify(request.query, ['areaId', 'status', 'pathway', 'due'])}`;
    const start = Number((await pageRequest(deps, { limit, cursor }, scope)).startKey?.offset ?? 0);
    const page = rows.slice(start, start + limit);
    const peopleById = await getPeople(
      deps.table,
      tenantId,
      page.map((referral) => referral.personId),
    );
    await recordReads(
      deps.table,
      tenantId,
      page.map((referral) => ({
        personId: referral.personId,
        action: 'list',
        record: 'referral',
        recordId: referral.id,
      })),
      actor,
      now,
    );
    const items = page.map((referral) => ({
      ...referral,
      person: summaryOf(peopleById.get(referral.personId)),
      overdue: referral.nextDueAt !== undefined && referral.nextDueAt <= now.toISOString(),
    }));
    return {
      body: await listResponse(
        deps,
        { items, lastKey: start + limit < rows.length ? { offset: start + limit } : undefined },
        scope,
      ),
    };
  },
);

/** `GET /referrals/{referralId}`: the case with its person summary, appointments and alerts. */
export const getReferral = apiHandler<ReferralParams>(route('getReferral'), async (request, deps) => {
  const actor = actorOf(request);
  const { tenantId } = actor.principal;
  const found = await referrals.loadCase(deps.table, tenantId, request.params.referralId);
  requireAreaOf(actor.principal, found.referral.areaId, 'referral');
  const person = await getPerson(deps.table, tenantId, found.referral.personId);
  await recordReads(
    deps.table,
    tenantId,
    [{ personId: person.id, action: 'read', record: 'referral', recordId: found.referral.id }],
    actor,
    deps.clock(),
  );
  return {
    body: {
      ...found.referral,
      person: summaryOf(person),
      appointments: found.appointments,
      alerts: found.alerts,
    },
  };
});

/** `GET /referrals/{referralId}/timeline`: every event of the case with who and when. */
export const getTimeline = apiHandler<ReferralParams, { limit: number; cursor?: string }>(
  route('getTimeline'),
  async (request, deps) => {
    const actor = actorOf(request);
    const { tenantId } = actor.principal;
    const { referral } = await referrals.loadCase(deps.table, tenantId, request.params.referralId);
    requireAreaOf(actor.principal, referral.areaId, 'referral');
    const scope = `${tenantId}|getTimeline|${referral.id}`;
    const page = await listTimeline(
      deps.table,
      tenantId,
      referral.id,
      await pageRequest(deps, request.query, scope),
    );
    await recordReads(
      deps.table,
      tenantId,
      [{ personId: referral.personId, action: 'read', record: 'timeline', recordId: referral.id }],
      actor,
      deps.clock(),
    );
    return { body: await listResponse(deps, page, scope) };
  },
);
