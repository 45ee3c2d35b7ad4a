// One cold start of a bundle, as Lambda's init phase runs an ESM handler: evaluate the module.
// Run by bench/bundles.ts in a fresh `node` (no tsx, no loader) with the function's environment:
// `node bench/init-child.mjs <bundle>`. Prints {"ms": <elapsed>} or {"error": "..."}.
// Plain JavaScript so that nothing but the bundle is loaded between the two clock readings.
import { subscribe } from 'node:diagnostics_channel';
import { writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

// No network at init: any socket the bundle opens is destroyed at once and reported.
const attempts = [];
subscribe('net.client.socket', ({ socket }) => {
  attempts.push('a socket');
  socket.destroy(new Error('the init benchmark allows no network'));
});
const network = () => (attempts.length > 0 ? `opened ${attempts.length} connection(s) at init; ` : '');
process.on('uncaughtException', (error) => {
  writeSync(1, `${JSON.stringify({ error: `${network()}uncaught: ${error?.stack ?? error}` })}\n`);
  process.exit(1);
});

// Lambda's Node runtime has set up its console on stdout and stderr before it loads a handler,
// so a bundle whose logger writes there finds them ready; start the clock after the same.
void process.stdout;
void process.stderr;

const bundle = process.argv[2];
const started = performance.now();
let result;
try {
  await import(pathToFileURL(bundle).href);
  const ms = performance.now() - started;
  result = attempts.length > 0 ? { error: network().replace(/; $/, '') } : { ms };
} catch (error) {
  result = { error: `${network()}import threw: ${error?.stack ?? error}` };
}
writeSync(1, `${JSON.stringify(result)}\n`);
// A bundle may leave timers or sockets behind; the init phase is over either way.
process.exit(0);
