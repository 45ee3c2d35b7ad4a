import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/free-port.ts';
import { REPO_ROOT } from '../../infra/local/stack.ts';

/** Starts `infra/local/start.ts` (what `npm start` runs after building) and waits for its URL. */
async function startCli(
  port: number,
  dataDir: string,
): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), CONTINUITY_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const deadline = Date.now() + 60_000;
  while (!output.includes('Press Ctrl-C to stop')) {
    if (child.exitCode !== null) throw new Error(`the stack exited: ${output}`);
    if (Date.now() > deadline) throw new Error(`the stack did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, output: () => output };
}

async function stopCli(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  return exited;
}

const javaProcessesOn = (dataDir: string) => {
  try {
    return execFileSync('pgrep', ['-f', dataDir]).toString().trim().split('\n').filter(Boolean).length;
  } catch {
    return 0;
  }
};

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'continuity-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints the URL and the demo sign-ins, keeps data across a restart, and stops everything on Ctrl-C', async () => {
    const port = await freePort();
    const url = `http://localhost:${port}`;
    const first = await startCli(port, dataDir);
    expect(first.output()).toContain(`Continuity is running at ${url}`);
    expect(first.output()).toContain('chair@example.test');
    expect(first.output()).toContain('operator@example.test');

    const token = async () => {
      const answer = await fetch(`${url}/api/_local/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'chair@example.test' }),
      });
      return ((await answer.json()) as { access_token: string }).access_token;
    };
    const created = await fetch(`${url}/api/areas`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Malvern Hills', onsCode: 'E07000235' }),
    });
    expect(created.status).toBe(201);
    const tokenBefore = await token();

    expect(await stopCli(first.child)).toBe(0);
    expect(javaProcessesOn(dataDir)).toBe(0);

    const second = await startCli(port, dataDir);
    try {
      // A token issued before the restart still verifies: the signing key is kept in .data too.
      const areas = await fetch(`${url}/api/areas`, { headers: { authorization: `Bearer ${tokenBefore}` } });
      const names = ((await areas.json()) as { items: { name: string }[] }).items.map((area) => area.name);
      expect(names.sort()).toEqual(['Herefordshire', 'Malvern Hills', 'Worcestershire']);
    } finally {
      expect(await stopCli(second.child)).toBe(0);
    }
    expect(javaProcessesOn(dataDir)).toBe(0);
  });
});
