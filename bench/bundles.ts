import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { esbuildOptions, FUNCTION_BUNDLING } from '../infra/aws/bundling.ts';
import { abba } from './abba.ts';
import type { Section, StandaloneBenchmark } from './benchmark.ts';
import {
  BENCH_REGION,
  type DeployedBundle,
  type DeployedFunction,
  deployedFunctions,
  projectBundles,
  synthesize,
} from './bundle-assembly.ts';
import { envNumber } from './env.ts';
import { ms } from './report.ts';
import { percentile } from './stats.ts';

/** The issue's limits: every bundle within 1.5× the floor's bytes, the largest's init within 1.3×. */
const SIZE_LIMIT = 1.5;
const INIT_LIMIT = 1.3;
/** A/B/B/A rounds of cold starts: each round starts every bundle twice and the floor twice. */
const ROUNDS = envNumber('BENCH_BUNDLE_ROUNDS', 9);
/** Measure an already synthesized cloud assembly instead of running `cdk synth` (for a trial). */
const ASSEMBLY = process.env.BENCH_BUNDLES_ASSEMBLY?.trim() || undefined;
const FLOOR_ENTRY = 'bench/floor/handler.ts';
const SECTION_TITLE = 'Bundles: every Lambda bundle against a DynamoDB-only floor';
const CHILD = fileURLToPath(new URL('./init-child.mjs', import.meta.url));
/** A cold start that takes longer than this has hung. */
const CHILD_TIMEOUT_MS = 30_000;

/** One side of the init comparison: a bundle and the environment it starts with. */
interface InitSide {
  name: string;
  file: string;
  env: Record<string, string>;
  samples: number[];
  error?: string;
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
const times = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');
const verdict = (pass: boolean): string => (pass ? 'PASS' : 'FAIL');

/**
 * What Lambda gives every function besides its own variables (those win where both set one), with
 * dummy credentials and no way to the real ones: HOME, the AWS config files and the instance
 * metadata service all point nowhere. The bench's own environment is not passed on.
 */
function lambdaEnvironment(
  fn: { name: string; memorySize: number; taskRoot: string; logging: Record<string, string> },
  home: string,
): Record<string, string> {
  return {
    ...fn.logging,
    AWS_REGION: BENCH_REGION,
    AWS_DEFAULT_REGION: BENCH_REGION,
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_SESSION_TOKEN: 'bench-dummy-session-token',
    AWS_LAMBDA_FUNCTION_NAME: fn.name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(home, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
    LAMBDA_TASK_ROOT: fn.taskRoot,
    HOME: home,
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
  };
}

/** One cold start in a fresh process of this Node: the bundle's import time, or why it failed. */
function coldStart(side: InitSide): Promise<{ ms: number } | { error: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CHILD, side.file], {
      cwd: dirname(side.file),
      env: side.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: CHILD_TIMEOUT_MS,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error) => done({ error: `could not start node: ${error.message}` }));
    child.on('close', (code, signal) => {
      const line = stdout.trim().split('\n').at(-1) ?? '';
      try {
        const parsed = JSON.parse(line) as { ms?: number; error?: string };
        if (typeof parsed.ms === 'number') return done({ ms: parsed.ms });
        if (parsed.error) return done({ error: parsed.error.split('\n').slice(0, 4).join(' | ') });
      } catch {
        // Reported below with what the process said.
      }
      const said = `${stderr}${stdout}`.trim().split('\n').slice(0, 4).join(' | ');
      done({ error: `node exited ${signal ?? code}${said ? `: ${said}` : ''}` });
    });
  });
}

/** Times one cold start into the side's samples; a failure stops the side being timed again. */
async function measure(side: InitSide): Promise<void> {
  if (side.error) return;
  const result = await coldStart(side);
  if ('ms' in result) side.samples.push(result.ms);
  else side.error = result.error;
}

/** The variables (name and literal value) that every one of the functions has. */
function commonEnvironment(functions: readonly DeployedFunction[]): Record<string, string> {
  const [first, ...rest] = functions;
  if (!first) return {};
  return Object.fromEntries(
    Object.entries(first.environment).filter(([name, value]) =>
      rest.every((fn) => fn.environment[name] === value),
    ),
  );
}

const median = (side: InitSide): number => (side.error ? Number.NaN : percentile(side.samples, 50));

async function run(log: (line: string) => void): Promise<Section> {
  const started = performance.now();
  const problems: string[] = [];
  const work = mkdtempSync(join(tmpdir(), 'continuity-bundles-'));
  try {
    const home = join(work, 'home');
    mkdirSync(home);

    let assembly = ASSEMBLY;
    let synthSeconds = Number.NaN;
    if (!assembly) {
      assembly = join(work, 'cdk.out');
      log('cdk synth (bundles every function with esbuild)');
      const synthStarted = performance.now();
      try {
        await synthesize(assembly);
      } catch (error) {
        // The other benchmarks still run; this one has nothing to measure.
        const message = error instanceof Error ? error.message : String(error);
        log(message);
        return {
          title: SECTION_TITLE,
          markdown: `Not measured: the CDK app did not synthesize.\n\n\`\`\`\n${message}\n\`\`\``,
          problems: [`bundles: ${message.split('\n')[0]}`],
        };
      }
      synthSeconds = (performance.now() - synthStarted) / 1000;
    }
    const functions = deployedFunctions(assembly);
    const { bundles, skipped } = projectBundles(functions, FUNCTION_BUNDLING.banner);
    const projectFunctions = bundles.flatMap((bundle) => bundle.functions);
    log(`${projectFunctions.length} functions in ${bundles.length} bundles (skipped ${skipped.length})`);
    if (bundles.length === 0) problems.push('the cloud assembly has no function built from this repository');

    const floorFile = join(work, 'floor', 'index.mjs');
    await build(esbuildOptions(FLOOR_ENTRY, floorFile));
    const floorBytes = statSync(floorFile).size;
    const floorMapBytes = statSync(`${floorFile}.map`, { throwIfNoEntry: false })?.size ?? 0;

    // The floor starts as a function of the stack would: with the variables every function has
    // (NODE_OPTIONS among them), a table name, and Lambda's own for the largest bundle's settings.
    const largestFunction = bundles[0]?.functions[0];
    const floor: InitSide = {
      name: 'floor',
      file: floorFile,
      env: {
        ...commonEnvironment(projectFunctions),
        TABLE_NAME: 'bench-floor-table',
        ...lambdaEnvironment(
          {
            name: 'bench-floor',
            memorySize: largestFunction?.memorySize ?? 512,
            taskRoot: dirname(floorFile),
            logging: largestFunction?.loggingEnvironment ?? {},
          },
          home,
        ),
      },
      samples: [],
    };
    const sides: InitSide[] = bundles.map((bundle) => {
      const fn = bundle.functions[0] as DeployedFunction;
      return {
        name: bundle.name,
        file: bundle.file,
        env: {
          ...fn.environment,
          ...lambdaEnvironment(
            {
              name: fn.logicalId,
              memorySize: fn.memorySize,
              taskRoot: dirname(bundle.file),
              logging: fn.loggingEnvironment,
            },
            home,
          ),
        },
        samples: [],
      };
    });

    // One untimed start of each first: it fills the file cache, and a bundle that cannot start
    // says so before the rounds.
    for (const side of [floor, ...sides]) {
      await measure(side);
      side.samples.length = 0;
    }
    // Each round is A B B A with the floor as A and every bundle in turn as B, the bundles in
    // reverse order the second time: each side's starts sit, on average, at the round's middle, so
    // drift (the machine's other work, CPU frequency) weighs on all alike.
    let forward = true;
    const allBundles = async () => {
      for (const side of forward ? sides : [...sides].reverse()) await measure(side);
      forward = !forward;
    };
    for (let round = 1; round <= ROUNDS; round++) {
      await abba(
        () => measure(floor),
        () => allBundles(),
      );
      if (round === 1 || round % 3 === 0 || round === ROUNDS) log(`init round ${round}/${ROUNDS}`);
    }

    for (const side of [floor, ...sides]) {
      if (side.error) problems.push(`${side.name} failed at init: ${side.error}`);
    }

    const largest = bundles[0];
    const largestSide = sides[0];
    const sizeRatio = largest ? largest.bytes / floorBytes : Number.NaN;
    const initRatio = largestSide ? median(largestSide) / median(floor) : Number.NaN;
    const sizePass = sizeRatio <= SIZE_LIMIT;
    const initPass = initRatio <= INIT_LIMIT;
    const sizeLine = `bundle size: largest ${largest?.name ?? 'none'} ${largest ? kb(largest.bytes) : 'n/a'} KB = ${times(sizeRatio)} floor (${kb(floorBytes)} KB); limit ${SIZE_LIMIT} — ${verdict(sizePass)}`;
    const initLine = `init time: ${largestSide?.name ?? 'none'} ${largestSide ? ms(median(largestSide)) : 'n/a'} ms = ${times(initRatio)} floor (${ms(median(floor))} ms); limit ${INIT_LIMIT} — ${verdict(initPass)}`;
    log(sizeLine);
    log(initLine);
    if (!sizePass) problems.push(sizeLine);
    if (!initPass) problems.push(initLine);

    const row = (bundle: DeployedBundle | undefined, side: InitSide, bytes: number, mapBytes: number) => {
      const functionCount = bundle ? String(bundle.functions.length) : '—';
      const range = side.samples.length
        ? `${ms(Math.min(...side.samples))}–${ms(Math.max(...side.samples))}`
        : 'n/a';
      return [
        bundle ? `\`${side.name}\`` : `floor (\`${FLOOR_ENTRY}\`)`,
        functionCount,
        kb(bytes),
        times(bytes / floorBytes),
        kb(mapBytes),
        side.error ? `error: ${side.error.replaceAll('|', '/')}` : ms(median(side)),
        side.error ? '' : range,
        side.error ? '' : times(median(side) / median(floor)),
      ];
    };
    const header = [
      'Bundle (entry)',
      'Functions',
      'index.mjs (KB)',
      'Size ÷ floor',
      'Source map (KB)',
      'Init median (ms)',
      'Init min–max (ms)',
      'Init ÷ floor',
    ];
    const rows = [
      row(undefined, floor, floorBytes, floorMapBytes),
      ...bundles.map((bundle, index) => row(bundle, sides[index] as InitSide, bundle.bytes, bundle.mapBytes)),
    ];
    const table = [header, header.map(() => '---'), ...rows]
      .map((cells) => `| ${cells.join(' | ')} |`)
      .join('\n');
    const slowest = [...sides].filter((side) => !side.error).sort((a, b) => median(b) - median(a))[0];
    const skippedText = skipped.length
      ? skipped.map((fn) => `\`${fn.name}\` (${fn.reason})`).join(', ')
      : 'none';
    // Logical ids without CDK's hash suffix, e.g. ApiGetHealthFunction.
    const functionsText = bundles
      .map(
        (bundle) =>
          `\`${bundle.name}\`: ${bundle.functions.map((fn) => fn.logicalId.replace(/[0-9A-F]{8}$/, '')).join(', ')}`,
      )
      .join('; ');
    const seconds = (performance.now() - started) / 1000;

    const markdown = `
Every Lambda bundle of the stack as \`cdk synth\` builds it, against a floor: an esbuild bundle of \`${FLOOR_ENTRY}\`, a handler that only reads one DynamoDB item with the document client, built by this run with the stack's own bundling options (\`FUNCTION_BUNDLING\` of \`infra/aws/bundling.ts\`: ESM, target ${FUNCTION_BUNDLING.target}, minified, AWS SDK bundled, external source map).

- ${sizeLine}
- ${initLine}

${table}

- **Bundles**: ${ASSEMBLY ? `the cloud assembly in \`${ASSEMBLY}\` (BENCH_BUNDLES_ASSEMBLY, not synthesized by this run)` : `\`cdk synth --quiet --output <temporary folder>\` of cdk.json's app (${synthSeconds.toFixed(0)} s)`}: every \`AWS::Lambda::Function\` of every template in the assembly, by its asset folder's \`index.mjs\` (the \`aws:asset:path\` metadata). Functions built from the same entry share one bundle, measured once: ${projectFunctions.length} functions, ${bundles.length} bundles, ${bundles.filter((bundle) => bundle.bannered).length} of them beginning with \`FUNCTION_BUNDLING\`'s banner. Named by the entry in the role's description (\`Runs <handler> (<entry>)\`), else the first function's logical id. KB are 1,024 bytes; the source map is deployed beside each bundle but not counted in its size.
- **Functions** of each bundle: ${functionsText || 'none'}.
- **Skipped** (CDK's own helpers, not built from this repository: a Node.js runtime, an \`index.<export>\` handler, an \`index.mjs\` and either the stack's bundling banner or a source of this repository in its source map are required): ${skippedText}.
- **Init time** is what Lambda's init phase does for an ESM handler: evaluate the module. Each cold start is a fresh \`node\` (${process.version}, this run's own) running \`bench/init-child.mjs\`, which reads \`performance.now()\`, awaits \`import()\` of the bundle and prints the elapsed time; starting Node itself is not counted. Each bundle starts with the first of its functions' environment from the template (intrinsics replaced by dummy names, ARNs and URLs, \`NODE_OPTIONS=${floor.env.NODE_OPTIONS ?? ''}\` included), Lambda's own variables, AWS_REGION=${BENCH_REGION} and dummy credentials; the floor with the variables every function shares and a table name. No network: a socket opened at init is destroyed and reported as an error.
- ${ROUNDS} rounds (BENCH_BUNDLE_ROUNDS), each in A B B A order with the floor as A and every bundle in turn as B (in reverse order the second time), after one untimed start of each: ${floor.samples.length} starts of the floor and ${sides[0]?.samples.length ?? 0} of each bundle. Medians are nearest-rank (an observed start). The ratio is the largest bundle's (by bytes) median over the floor's${slowest ? `; the slowest to start was \`${slowest.name}\` at ${ms(median(slowest))} ms (${times(median(slowest) / median(floor))})` : ''}.
- Limits (issue 10, lean bundles): every bundle at most ${SIZE_LIMIT}× the floor's bytes (so the largest is the one that counts); the largest bundle's init within ${INIT_LIMIT}× the floor's. ${seconds.toFixed(0)} s in all.
`;
    return { title: SECTION_TITLE, markdown, problems };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The deployed bundles' size and cold-start time against the floor. It needs no local stack: it
 * synthesizes the CDK app itself.
 */
export const bundles: StandaloneBenchmark = {
  name: 'bundles',
  run: ({ log }) => run(log),
};
