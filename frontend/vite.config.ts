import { cpSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('./dist', import.meta.url));
const govukAssets = fileURLToPath(
  new URL('../node_modules/govuk-frontend/dist/govuk/assets', import.meta.url),
);

/**
 * GOV.UK Frontend's CSS asks for its fonts and images at `/assets/...`, so the build copies
 * the package's assets folder beside Vite's own hashed files (their names never collide).
 * It copies into the build's resolved output folder, so `vite build --outDir X` (the CDK
 * deployment's build) ships the fonts and images too.
 */
function govukAssetsPlugin(): Plugin {
  let builtTo = outDir;
  return {
    name: 'continuity-govuk-assets',
    apply: 'build',
    configResolved(config) {
      builtTo = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      if (existsSync(govukAssets)) cpSync(govukAssets, join(builtTo, 'assets'), { recursive: true });
    },
  };
}

/**
 * Drops GOV.UK Frontend's expected build noise so real warnings stand out: its `/assets/...`
 * URLs exist only once the plugin above has copied them, and its CSS keeps two old IE hacks
 * that Lightning CSS reports and (with error recovery) leaves alone. It wraps Vite's own
 * logger, so `--logLevel` still applies.
 */
function quietGovukNoisePlugin(): Plugin {
  const noise = [
    /\/assets\/(fonts|images)\/\S+ referenced in .* didn't resolve at build time/,
    /\[lightningcss minify\]/,
  ];
  const isNoise = (message: string) => noise.some((pattern) => pattern.test(message));
  return {
    name: 'continuity-quiet-govuk-noise',
    configResolved({ logger }) {
      const { warn, warnOnce } = logger;
      logger.warn = (message, options) => {
        if (!isNoise(message)) warn.call(logger, message, options);
      };
      logger.warnOnce = (message, options) => {
        if (!isNoise(message)) warnOnce.call(logger, message, options);
      };
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), govukAssetsPlugin(), quietGovukNoisePlugin()],
  css: {
    // GOV.UK Frontend 6.6 ships CSS that Lightning CSS rejects without error recovery.
    lightningcss: { errorRecovery: true },
  },
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1000,
  },
  server: {
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
});
