// The deployed Lambda bundles, as `cdk synth` builds them: synthesizes the CDK app into a folder
// of its own and reads every function of every template in the cloud assembly. Used by bundles.ts.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, relative, resolve, sep } from 'node:path';
import { REPO_ROOT } from '../infra/aws/paths.ts';

/** The region and account the dummy values of a function's environment name. */
export const BENCH_REGION = 'eu-west-2';
const ACCOUNT = '123456789012';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
interface CfnResource {
  Type: string;
  Properties?: Record<string, Json>;
  Metadata?: Record<string, Json>;
}
interface CfnTemplate {
  Resources?: Record<string, CfnResource>;
}

/** One AWS::Lambda::Function of the assembly. */
export interface DeployedFunction {
  /** The template's stack (file name without `.template.json`). */
  stack: string;
  logicalId: string;
  description: string;
  /** Construct path (`aws:cdk:path`) without the stack and the trailing `/Resource`. */
  constructPath: string;
  handler: string;
  runtime: string;
  memorySize: number;
  /** The function's environment, CloudFormation intrinsics replaced by dummy values. */
  environment: Record<string, string>;
  /** Lambda's own logging variables for the function's LoggingConfig (JSON format, levels). */
  loggingEnvironment: Record<string, string>;
  /** The folder its code is uploaded from, if the template says (undefined: inline code). */
  assetDir: string | undefined;
  /** The description of its role, which NodeFunction writes as `Runs <handler> (<entry>)`. */
  roleDescription: string | undefined;
}

/** A function this benchmark does not measure, and why. */
export interface SkippedFunction {
  name: string;
  reason: string;
}

/** One deployed bundle (an asset folder) and every function that runs it. */
export interface DeployedBundle {
  /** The entry it was built from when the role says so, else the first function's logical id. */
  name: string;
  file: string;
  bytes: number;
  /** Its source map, which is deployed beside it (0 without one). */
  mapBytes: number;
  /** Whether it begins with the banner projectBundles was given (built with those options). */
  bannered: boolean;
  functions: DeployedFunction[];
}

/** A synth that takes longer than this has hung. */
const SYNTH_TIMEOUT_MS = 300_000;

const CDK_CLI = (() => {
  const require = createRequire(import.meta.url);
  const packageFile = require.resolve('aws-cdk/package.json');
  const { bin } = JSON.parse(readFileSync(packageFile, 'utf8')) as { bin: { cdk: string } };
  return join(dirname(packageFile), bin.cdk);
})();

/**
 * `cdk synth --quiet --output <outDir>` of the repository's app (cdk.json), on this process's Node:
 * its folder goes first on the PATH, so cdk.json's `node --import tsx ...` runs on it too. Offline:
 * no notices, no telemetry. Bundles every function with esbuild locally.
 */
export async function synthesize(outDir: string): Promise<void> {
  const output: string[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(process.execPath, [CDK_CLI, 'synth', '--quiet', '--no-notices', '--output', outDir], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PATH: [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter),
        CDK_DISABLE_CLI_TELEMETRY: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: SYNTH_TIMEOUT_MS,
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('error', fail);
    child.on('close', done);
  });
  if (code !== 0) {
    const tail = output.join('').trim().split('\n').slice(-25).join('\n');
    throw new Error(`cdk synth exited with ${code}:\n${tail}`);
  }
}

/** Every `*.template.json` of the assembly, nested stacks and nested assemblies (stages) included. */
function templateFiles(assemblyDir: string): string[] {
  return (readdirSync(assemblyDir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => file.endsWith('.template.json'))
    .filter((file) => !file.split(sep).some((part) => part.startsWith('asset.')))
    .map((file) => join(assemblyDir, file))
    .sort();
}

/** Pseudo parameters and resources, as strings of the shape CloudFormation would give. */
class DummyValues {
  constructor(
    private readonly stack: string,
    private readonly resources: Record<string, CfnResource>,
  ) {}

  private service(logicalId: string): string {
    return this.resources[logicalId]?.Type.split('::')[1]?.toLowerCase() ?? 'unknown';
  }

  private ref(name: string): string {
    const pseudo: Record<string, string> = {
      'AWS::Region': BENCH_REGION,
      'AWS::AccountId': ACCOUNT,
      'AWS::Partition': 'aws',
      'AWS::URLSuffix': 'amazonaws.com',
      'AWS::StackName': this.stack,
      'AWS::StackId': `arn:aws:cloudformation:${BENCH_REGION}:${ACCOUNT}:stack/${this.stack}/bench`,
      'AWS::NoValue': '',
    };
    if (name in pseudo) return pseudo[name] as string;
    const id = name.toLowerCase();
    switch (this.resources[name]?.Type) {
      case 'AWS::SQS::Queue':
        return `https://sqs.${BENCH_REGION}.amazonaws.com/${ACCOUNT}/${id}`;
      case 'AWS::SecretsManager::Secret':
        return `arn:aws:secretsmanager:${BENCH_REGION}:${ACCOUNT}:secret:${id}-AbCdEf`;
      case 'AWS::SNS::Topic':
        return `arn:aws:sns:${BENCH_REGION}:${ACCOUNT}:${id}`;
      case 'AWS::Cognito::UserPool':
        return `${BENCH_REGION}_BenchPool`;
      default:
        return id;
    }
  }

  private attribute(logicalId: string, attribute: string): string {
    const id = logicalId.toLowerCase();
    if (attribute === 'Arn' || attribute.endsWith('Arn')) {
      const service = this.service(logicalId);
      return `arn:aws:${service}:${service === 'iam' ? '' : BENCH_REGION}:${ACCOUNT}:${id}`;
    }
    if (attribute === 'QueueUrl') return this.ref(logicalId);
    if (attribute.endsWith('Url') || attribute.endsWith('URL')) return `https://${id}.example.com`;
    if (attribute.endsWith('DomainName')) return `${id}.example.com`;
    return `${id}-${attribute.toLowerCase()}`;
  }

  /** A value of the template as a string: literals as they are, intrinsics as dummy values. */
  resolve(value: Json): string {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (value === null || Array.isArray(value)) return 'dummy';
    const [fn, args] = Object.entries(value)[0] ?? ['', null];
    if (fn === 'Ref' && typeof args === 'string') return this.ref(args);
    if (fn === 'Fn::GetAtt') {
      const [id, attribute] = Array.isArray(args) ? args : String(args).split('.');
      return this.attribute(String(id), String(attribute));
    }
    if (fn === 'Fn::Join' && Array.isArray(args) && Array.isArray(args[1])) {
      return args[1].map((part) => this.resolve(part)).join(String(args[0]));
    }
    if (fn === 'Fn::Sub') {
      const [text, variables] = Array.isArray(args) ? args : [args, {}];
      return String(text).replace(/\$\{([^}]+)\}/g, (_, name: string) => {
        const bound = (variables as Record<string, Json>)[name];
        if (bound !== undefined) return this.resolve(bound);
        const [id, attribute] = name.split('.');
        return attribute ? this.attribute(id as string, attribute) : this.ref(name);
      });
    }
    if (fn === 'Fn::Select' && Array.isArray(args)) {
      const list = args[1];
      const item = Array.isArray(list) ? list[Number(args[0])] : undefined;
      return item === undefined ? 'dummy' : this.resolve(item);
    }
    return 'dummy';
  }
}

/** A variable that holds a URL: *_URL, *_URI, *ISSUER. */
const URL_VARIABLE = /(_URL|_URI|ISSUER)$/;

function environmentOf(values: DummyValues, variables: Json | undefined): Record<string, string> {
  if (!variables || typeof variables !== 'object' || Array.isArray(variables)) return {};
  return Object.fromEntries(
    Object.entries(variables).map(([name, value]) => {
      const resolved = values.resolve(value);
      const valid = !URL_VARIABLE.test(name) || URL.canParse(resolved);
      return [name, valid ? resolved : `https://${name.toLowerCase().replaceAll('_', '-')}.example.com`];
    }),
  );
}

/** The variables Lambda sets for a function's LoggingConfig (advanced logging controls). */
function loggingEnvironmentOf(config: Json | undefined): Record<string, string> {
  if (!config || typeof config !== 'object' || Array.isArray(config)) return {};
  const env: Record<string, string> = {};
  if (config.LogFormat === 'JSON') {
    env.AWS_LAMBDA_LOG_FORMAT = 'JSON';
    if (typeof config.ApplicationLogLevel === 'string') env.AWS_LAMBDA_LOG_LEVEL = config.ApplicationLogLevel;
  }
  return env;
}

/** Every AWS::Lambda::Function of every template of the assembly. */
export function deployedFunctions(assemblyDir: string): DeployedFunction[] {
  return templateFiles(assemblyDir).flatMap((file) => {
    const template = JSON.parse(readFileSync(file, 'utf8')) as CfnTemplate;
    const resources = template.Resources ?? {};
    const stack = file.slice(file.lastIndexOf(sep) + 1).replace(/(\.nested)?\.template\.json$/, '');
    const values = new DummyValues(stack, resources);
    return Object.entries(resources)
      .filter(([, resource]) => resource.Type === 'AWS::Lambda::Function')
      .map(([logicalId, resource]): DeployedFunction => {
        const properties = resource.Properties ?? {};
        const metadata = resource.Metadata ?? {};
        const code = properties.Code as Record<string, Json> | undefined;
        // The asset folder, relative to the template's own folder; without asset metadata, the
        // folder is named after the uploaded zip's hash.
        const assetPath =
          typeof metadata['aws:asset:path'] === 'string'
            ? metadata['aws:asset:path']
            : typeof code?.S3Key === 'string'
              ? `asset.${code.S3Key.replace(/\.zip$/, '')}`
              : undefined;
        const role = properties.Role as { 'Fn::GetAtt'?: [string, string] } | undefined;
        const roleId = role?.['Fn::GetAtt']?.[0];
        const roleDescription = roleId ? resources[roleId]?.Properties?.Description : undefined;
        const cdkPath = typeof metadata['aws:cdk:path'] === 'string' ? metadata['aws:cdk:path'] : logicalId;
        const environment = properties.Environment as { Variables?: Json } | undefined;
        return {
          stack,
          logicalId,
          description: typeof properties.Description === 'string' ? properties.Description : '',
          constructPath:
            cdkPath
              .split('/')
              .slice(1)
              .join('/')
              .replace(/\/Resource$/, '') || logicalId,
          handler: String(properties.Handler ?? ''),
          runtime: String(properties.Runtime ?? ''),
          memorySize: Number(properties.MemorySize ?? 128),
          environment: environmentOf(values, environment?.Variables),
          loggingEnvironment: loggingEnvironmentOf(properties.LoggingConfig),
          assetDir: assetPath ? resolve(dirname(file), assetPath) : undefined,
          roleDescription: typeof roleDescription === 'string' ? roleDescription : undefined,
        };
      });
  });
}

/** Whether a source map lists a file of this repository that is not a dependency. */
function mapsRepositorySource(mapFile: string): boolean {
  try {
    const { sources } = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources?: string[] };
    return (sources ?? []).some((source) => {
      const path = relative(REPO_ROOT, resolve(dirname(mapFile), source));
      return !path.startsWith('..') && !path.split(sep).includes('node_modules');
    });
  } catch {
    return false;
  }
}

/**
 * The functions built from this repository's entries, grouped by bundle, and the others skipped.
 *
 * The filter: a Node.js runtime, a `Handler` of `index.<export>`, an `index.mjs` in its asset folder,
 * and proof that the bundle was built here: it starts with the stack's bundling banner, or its
 * source map lists a source file of this repository outside node_modules. CDK's own helper functions
 * (BucketDeployment's Python, custom-resource providers, log-retention singletons) ship prebuilt
 * `index.js`/`index.py` assets without our banner or our sources, so they fall out; each skipped
 * function is listed with its reason.
 */
export function projectBundles(
  functions: readonly DeployedFunction[],
  banner: string | undefined,
): { bundles: DeployedBundle[]; skipped: SkippedFunction[] } {
  const skipped: SkippedFunction[] = [];
  const byAsset = new Map<string, DeployedFunction[]>();
  for (const fn of functions) {
    const skip = (reason: string) => skipped.push({ name: `${fn.stack}/${fn.constructPath}`, reason });
    const file = fn.assetDir ? join(fn.assetDir, 'index.mjs') : undefined;
    if (!fn.runtime.startsWith('nodejs')) skip(`runtime ${fn.runtime || 'none'}`);
    else if (!/^index\.[A-Za-z_$][\w$]*$/.test(fn.handler)) skip(`handler ${fn.handler}`);
    else if (!file || !existsSync(file)) skip('no index.mjs in its asset folder');
    else if (
      !(banner && readFileSync(file, 'utf8').startsWith(banner)) &&
      !mapsRepositorySource(`${file}.map`)
    ) {
      skip("neither the stack's bundling banner nor a source of this repository");
    } else {
      const group = byAsset.get(fn.assetDir as string) ?? [];
      group.push(fn);
      byAsset.set(fn.assetDir as string, group);
    }
  }
  const bundles = [...byAsset.entries()].map(([assetDir, group]): DeployedBundle => {
    const file = join(assetDir, 'index.mjs');
    const entry = group
      .map((fn) => fn.roleDescription?.match(/\(([^()]+\.[cm]?[jt]sx?)\)$/)?.[1])
      .find((found) => found !== undefined);
    return {
      name: entry ?? (group[0] as DeployedFunction).logicalId,
      file,
      bytes: statSync(file).size,
      mapBytes: existsSync(`${file}.map`) ? statSync(`${file}.map`).size : 0,
      bannered: banner !== undefined && readFileSync(file, 'utf8').startsWith(banner),
      functions: group,
    };
  });
  return { bundles: bundles.sort((a, b) => b.bytes - a.bytes), skipped };
}
