import { describe, expect, it } from 'vitest';
import { workerAccess } from '../../infra/aws/worker-access.ts';
import type { Adapters } from '../../shared/adapters/deps.ts';

const WORKERS = ['sweep', 'notify', 'import-worker', 'hmpps-ingest', 'retention'] as const;

/**
 * A worker wires the adapters (shared/adapters) its IAM lets it use, and no others: one more
 * would be a client its bundle carries for nothing, one fewer a grant it never uses. The API's
 * feature functions check the same against their routes when they load.
 */
describe('worker adapters', () => {
  it.each(WORKERS)('functions/%s wires exactly the adapters its access grants', async (module) => {
    // Prepare
    const entry = (await import(`../../functions/${module}/handler.ts`)) as { adapters?: Adapters };
    const access = workerAccess(module);
    // Act
    const wired = Object.keys(entry.adapters ?? {}).sort();
    // Assess
    const granted = [
      ...(access.publishEvents ? ['publisher'] : []),
      ...(access.sendMail ? ['mailer'] : []),
      ...(access.identityActions.length > 0 ? ['identity'] : []),
    ].sort();
    expect(wired).toEqual(granted);
  });
});
