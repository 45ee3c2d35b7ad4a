import { join } from 'node:path';
import { DEMO_MEMBERS, LOCAL_PASSWORD, OPERATOR_EMAIL } from './demo-data.ts';
import { MAIL_PAGE, REPO_ROOT, startLocalStack } from './stack.ts';

/**
 * `npm start`: the whole service on one port with the demo partnership, data kept under .data/
 * across restarts. Ctrl-C stops everything it started.
 */
async function main(): Promise<void> {
  // Node 20 is supported here; the SDK's notice about future releases is noise at every start.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const port = Number(process.env.PORT ?? 3000);
  const dataDir = process.env.CONTINUITY_DATA_DIR ?? join(REPO_ROOT, '.data');
  const stack = await startLocalStack({ port, dataDir, seedDemo: true, demoCases: true, runSchedules: true });

  const lines = [
    '',
    `Continuity is running at ${stack.url}`,
    '',
    `  Sent mail:    ${stack.url}${MAIL_PAGE}`,
    `  API:          ${stack.apiUrl}  (OpenAPI: ${stack.apiUrl}/openapi.json)`,
    `  Data kept in: .data/ (delete it to start again)`,
    '',
    `Demo sign-ins (password for all: ${LOCAL_PASSWORD}):`,
    ...DEMO_MEMBERS.map((member) => `  ${member.role.padEnd(11)} ${member.email}`),
    `  ${'operator'.padEnd(11)} ${OPERATOR_EMAIL}`,
    '',
    'Press Ctrl-C to stop.',
    '',
  ];
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`Could not start the local stack: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
