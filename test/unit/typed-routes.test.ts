import { describe, expect, it } from 'vitest';
import { routes } from '../../functions/api/routes/cases.ts';
import { routes as reportRoutes } from '../../functions/api/routes/reports.ts';
import { routes as listRoutes } from '../../functions/api/routes/views.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';

/**
 * The route map's typing, checked by `tsc` in `npm test`: each `@ts-expect-error` below fails the
 * type check the day the mistake it marks compiles. The wrong ones are never built.
 */
describe('the typed route map (functions/api/routes/, shared/http/api-types.ts)', () => {
  it('refuses a misspelt route, an undeclared field and a wrong answer at compile time', () => {
    const wrong = [
      // @ts-expect-error: no route is called recordReleas.
      () => apiHandler(routes.recordReleas, async () => ({ body: undefined })),
      // @ts-expect-error: the release body has no field `releaseDay`.
      () => apiHandler(routes.recordRelease, async ({ body }) => ({ body: body.releaseDay })),
      // @ts-expect-error: the path has no parameter `personId`.
      () => apiHandler(listRoutes.getReferral, async ({ params }) => ({ body: params.personId })),
      // @ts-expect-error: a JSON route must answer a body its response schema accepts.
      () => apiHandler(listRoutes.getReferral, async () => ({})),
      // @ts-expect-error: a CSV route answers text, not a body.
      () => apiHandler(reportRoutes.getContinuityReportCsv, async () => ({ body: 'x' })),
      // @ts-expect-error: the success status is the route's, not the handler's.
      () => apiHandler(listRoutes.listReferrals, async () => ({ status: 201, body: { items: [] } })),
    ];
    // A correct answer compiles and builds.
    const right = apiHandler(listRoutes.listReferrals, async () => ({ body: { items: [] } }));
    expect(wrong).toHaveLength(6);
    expect(typeof right).toBe('function');
  });
});
