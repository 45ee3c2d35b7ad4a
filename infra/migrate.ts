import { createDocumentClient } from '../shared/data/table.ts';
import { migrateProgrammes } from '../shared/lifecycle/migrate-programmes.ts';
import { migrateReleaseWork, partnershipIds } from '../shared/lifecycle/migrate-release-work.ts';

/**
 * `npm run migrate`: brings a deployed table up to the release work's shape and gives partnerships their programmes (README "Upgrading").
 * `TABLE_NAME` names the table, `AWS_REGION` its region (default eu-west-2) and the process's AWS
 * credentials reach it; `DYNAMODB_ENDPOINT` points at DynamoDB Local instead. Safe to run again.
 */
async function main() {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('Set TABLE_NAME to the table to migrate.');
  const table = {
    name,
    db: createDocumentClient({
      region: process.env.AWS_REGION ?? 'eu-west-2',
      endpoint: process.env.DYNAMODB_ENDPOINT,
    }),
  };
  for (const tenantId of await partnershipIds(table)) {
    const result = await migrateReleaseWork({ table, clock: () => new Date() }, tenantId);
    const programmesChosen = await migrateProgrammes(table, tenantId, new Date());
    console.log(JSON.stringify({ tenantId, ...result, programmesChosen }));
  }
}

await main();
