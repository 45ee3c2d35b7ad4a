import { resolve } from 'node:path';
import { type BundlingOptions, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';
import { REPO_ROOT } from './paths.ts';

/**
 * ESM output has no `require`; some dependencies still call it (directly or through
 * esbuild's CommonJS shims), so the bundle defines one.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __continuityCreateRequire } from 'node:module'; const require = __continuityCreateRequire(import.meta.url);";

/**
 * How every function of the stack is bundled (NodejsFunction's `bundling`), in one place so that
 * `npm run bench` builds its floor handler with exactly the options the deployed functions get.
 */
export const FUNCTION_BUNDLING: Readonly<BundlingOptions> = Object.freeze({
  format: OutputFormat.ESM,
  banner: ESM_REQUIRE_BANNER,
  mainFields: ['module', 'main'],
  target: 'node24',
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  // The project pins one SDK version and tests against it; the runtime's copy may differ.
  bundleAwsSDK: true,
});

/** The options `esbuildOptions` translates; any other one would make its build differ from CDK's. */
const TRANSLATED = new Set<string>([
  'format',
  'banner',
  'footer',
  'mainFields',
  'target',
  'minify',
  'sourceMap',
  'sourceMapMode',
  'sourcesContent',
  'bundleAwsSDK',
  'externalModules',
  'loader',
  'define',
  'logLevel',
  'keepNames',
  'inject',
]);

/**
 * The esbuild build that NodejsFunction runs for `bundling` (aws-cdk-lib/aws-lambda-nodejs's
 * `Bundling.buildEsbuildArgs`: `esbuild --bundle <entry> --platform=node ...` from the project
 * root), as esbuild's own build options: `entry` relative to the repository root (or absolute),
 * written to `outfile` (NodejsFunction names it `index.mjs` for ESM).
 */
export function esbuildOptions(
  entry: string,
  outfile: string,
  bundling: Readonly<BundlingOptions> = FUNCTION_BUNDLING,
): BuildOptions {
  const untranslated = Object.keys(bundling).filter(
    (key) => !TRANSLATED.has(key) && bundling[key as keyof BundlingOptions] !== undefined,
  );
  if (untranslated.length > 0) {
    throw new Error(`esbuildOptions cannot mirror the bundling option(s) ${untranslated.join(', ')}`);
  }
  if (!bundling.target) throw new Error('FUNCTION_BUNDLING must name its esbuild target');
  const sourceMap = bundling.sourceMapMode ?? (bundling.sourceMap ? SourceMapMode.DEFAULT : undefined);
  // CDK leaves the SDK out only when it is told not to bundle it (with the
  // sdkV3ExcludeSmithyPackages flag cdk.json sets, @smithy too).
  const external = bundling.externalModules ?? (bundling.bundleAwsSDK ? [] : ['@aws-sdk/*', '@smithy/*']);
  return {
    absWorkingDir: REPO_ROOT,
    entryPoints: [resolve(REPO_ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: bundling.target,
    format: bundling.format === OutputFormat.ESM ? 'esm' : 'cjs',
    minify: bundling.minify ?? false,
    sourcemap: sourceMap === undefined ? false : sourceMap === SourceMapMode.DEFAULT ? true : sourceMap,
    sourcesContent: bundling.sourcesContent ?? true,
    external,
    loader: bundling.loader as BuildOptions['loader'],
    define: bundling.define,
    logLevel: (bundling.logLevel as BuildOptions['logLevel']) ?? 'warning',
    keepNames: bundling.keepNames ?? false,
    banner: bundling.banner ? { js: bundling.banner } : undefined,
    footer: bundling.footer ? { js: bundling.footer } : undefined,
    mainFields: bundling.mainFields,
    inject: bundling.inject,
  };
}
