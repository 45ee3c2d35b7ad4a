import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every TypeScript file below a folder of the repository. */
function sourcesUnder(folder: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) files.push(path);
    }
  };
  walk(join(ROOT, folder));
  return files;
}

/** The module specifiers a file imports or re-exports, statically or dynamically. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found = source.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'([^']+)'/g);
  return [...found].map((match) => match[1] ?? '');
}

/** The files of `folders` that import something `forbidden` matches, as `file → specifier`. */
function offenders(folders: readonly string[], forbidden: RegExp): string[] {
  return folders.flatMap(sourcesUnder).flatMap((file) =>
    importsOf(file)
      .filter((specifier) => forbidden.test(specifier))
      .map((specifier) => `${relative(ROOT, file)} → ${specifier}`),
  );
}

/** The layers of DESIGN.md §5: shared code and events know nothing of the functions or infrastructure. */
describe('layers', () => {
  it('shared/ and events/ import nothing from functions/ or infra/', () => {
    expect(offenders(['shared', 'events'], /(^|\/)(functions|infra)\//)).toEqual([]);
  });

  it('no file under functions/ talks to AWS itself: table I/O and clients live in shared/', () => {
    expect(offenders(['functions'], /^@aws-sdk\//)).toEqual([]);
  });

  it('no local-only code (SMTP, the OIDC provider, the mail sink, the local users) is imported outside infra/local', () => {
    expect(
      offenders(
        ['shared', 'events', 'functions'],
        /nodemailer|smtp-server|oidc-provider|mailparser|infra\/local/,
      ),
    ).toEqual([]);
  });

  it('zod is imported only through shared/schemas/zod.ts (zod/mini, tree-shaken)', () => {
    const direct = offenders(['shared', 'events', 'functions', 'infra', 'frontend/src'], /^zod(\/|$)/).filter(
      (line) => !line.startsWith('shared/schemas/zod.ts'),
    );
    expect(direct).toEqual([]);
  });
});
