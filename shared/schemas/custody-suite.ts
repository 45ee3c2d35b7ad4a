import { DisplayName, Id, RecordMeta } from './common.ts';
import * as z from './zod.ts';

/** A police force as the register names it, e.g. "West Mercia Police". */
export const PoliceForce = DisplayName.check(z.maxLength(80, 'must be at most 80 characters'));

/** The areas a custody suite serves: at least one of the partnership's areas. */
const SuiteAreas = z.array(Id).check(
  z.minLength(1, 'must name at least one area the suite serves'),
  z.maxLength(50, 'must name at most 50 areas'),
  z.refine((ids) => new Set(ids).size === ids.length, 'must not name an area twice'),
);

/** A police custody suite the partnership works in (API.md "Criminal-justice pathways"). */
export const CustodySuite = z.extend(RecordMeta, {
  name: z.string(),
  policeForce: z.string(),
  areaIds: z.array(z.string()),
});
export type CustodySuite = z.infer<typeof CustodySuite>;

/** `POST /custody-suites`: the chair adds a suite. */
export const CreateCustodySuiteBody = z.strictObject({
  name: DisplayName.check(z.maxLength(120, 'must be at most 120 characters')),
  policeForce: PoliceForce,
  areaIds: SuiteAreas,
});

/** `PATCH /custody-suites/{custodySuiteId}`: any of the fields. */
export const UpdateCustodySuiteBody = z
  .strictObject({
    name: z.optional(DisplayName.check(z.maxLength(120, 'must be at most 120 characters'))),
    policeForce: z.optional(PoliceForce),
    areaIds: z.optional(SuiteAreas),
  })
  .check(z.refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' }));

/** `GET /custody-suites/suggestions?policeForce=`: the public register's suites of a force. */
export const CustodySuiteSuggestionsQuery = z.object({
  policeForce: z.optional(z.string().check(z.maxLength(80, 'must be at most 80 characters'))),
});

/** The forces the register knows, and the suites of the one asked for (none when none was asked). */
export const CustodySuiteSuggestions = z.object({
  policeForces: z.array(z.string()),
  items: z.array(z.object({ name: z.string(), policeForce: z.string() })),
});
