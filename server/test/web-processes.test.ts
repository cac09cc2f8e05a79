import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../platform/config.js';
import { projectRoot } from '../platform/paths.js';
import { createTestDatabase } from './database.js';

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });

/** The pids of the web processes a primary forked (procps `pgrep`; tsx also runs an esbuild child, which is not one). */
const childPids = (pid: number) => {
  try {
    return execFileSync('pgrep', ['-P', String(pid), '-f', 'server/main'], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
};

const until = async (what: string, check: () => boolean | Promise<boolean>, detail?: () => string, ms = 100_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail(`timed out waiting for ${what}${detail ? `: ${detail()}` : ''}`);
};

describe('WEB_PROCESSES configuration', () => {
  it('refuses several web processes on PGlite, with the test clock, or for a worker-only process', () => {
    assert.throws(() => loadConfig({ WEB_PROCESSES: '2' }), /WEB_PROCESSES: more than one web process needs PostgreSQL/);
    assert.throws(() => loadConfig({ WEB_PROCESSES: '2', DATABASE_URL: 'postgres://x@127.0.0.1/db', TEST_CLOCK_CONTROL: 'true' }), /test clock/);
    assert.throws(() => loadConfig({ WEB_PROCESSES: '2', DATABASE_URL: 'postgres://x@127.0.0.1/db', ROLE: 'worker' }), /serves no HTTP/);
    assert.throws(() => loadConfig({ WEB_PROCESSES: '0' }), /WEB_PROCESSES/);
    assert.equal(loadConfig({ WEB_PROCESSES: '3', DATABASE_URL: 'postgres://x@127.0.0.1/db' }).webProcesses, 3);
    assert.equal(loadConfig({}).webProcesses, 1);
  });
});

// Several processes need a database all of them reach: PostgreSQL only, by design.
if (process.env.TEST_DATABASE_URL) {
  describe('several web processes on one PostgreSQL', () => {
    it('serve one port, replace a crashed process and all stop on SIGTERM', { timeout: 150_000 }, async () => {
      const database = await createTestDatabase('postgres');
      const port = await freePort();
      const primary = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'server', 'main.ts')], {
        cwd: projectRoot,
        env: { ...process.env, DATABASE_URL: database.url!, WEB_PROCESSES: '2', PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'false', LOG_LEVEL: 'error', TEST_CLOCK_CONTROL: '' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      primary.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => primary.on('close', resolve));
      try {
        const healthy = async () => {
          try {
            return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
          } catch {
            return false;
          }
        };
        await until('two web processes and a healthy port', async () => childPids(primary.pid!).length === 2 && (await healthy()), () => `children ${childPids(primary.pid!).join(',')}; stderr: ${stderr}`);
        const statuses = await Promise.all(Array.from({ length: 40 }, () => fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status)));
        assert.deepEqual(new Set(statuses), new Set([200]));

        const [victim] = childPids(primary.pid!);
        process.kill(victim!, 'SIGKILL');
        await until('a replacement web process', () => {
          const pids = childPids(primary.pid!);
          return pids.length === 2 && !pids.includes(victim!);
        });
        await until('the port answering again', healthy);

        const children = childPids(primary.pid!);
        primary.kill('SIGTERM');
        assert.equal(await exited, 0, stderr);
        for (const pid of children) assert.throws(() => process.kill(pid, 0), /ESRCH/, `web process ${pid} still running`);
      } finally {
        if (primary.exitCode === null) primary.kill('SIGKILL');
        await database.close();
      }
    });
  });
}
