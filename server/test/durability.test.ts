import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { prepareDatabase } from '../bootstrap.js';
import { totpCode } from '../modules/identity/identity.tokens.js';
import { verifyAuditChain } from '../modules/audit/index.js';
import { systemClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/database.js';
import { projectRoot } from '../platform/paths.js';
import type { TestSession } from './context.js';
import { buildOrg, buildTenant, buildUser, TEST_PASSWORD } from './factories.js';
import { readFileFixture } from './uploads.js';

/**
 * The embedded database under real crashes: the real server as a child process on a temporary
 * DATA_DIR, killed with SIGKILL in the middle of a burst of writes, then restarted on the same
 * directory. Whatever the server confirmed (2xx) must still be there afterwards.
 */
const ADMIN_TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const BURST_ISSUES = 160;
const BURST_UPLOADS = 40;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

type Server = { child: ChildProcess; port: number; base: string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>; output: () => string };

const startServer = async (dataDir: string): Promise<Server> => {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited during start-up:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the server did not become healthy:\n${output}`);
    const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }

  return { child, port, base, exited, output: () => output };
};

const signIn = async (base: string, email: string, totp?: string): Promise<TestSession> => {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: TEST_PASSWORD, ...(totp ? { totp } : {}) }) });
  assert.equal(res.status, 200, await res.clone().text());
  const body = (await res.json()) as { csrfToken: string; userId: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c?.startsWith('jj_session=')) ?? '';

  return { cookie, csrf: body.csrfToken, userId: body.userId };
};

const auth = (s: TestSession) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

/** A distinct, still valid PNG per upload: bytes after IEND are ignored by readers. */
const uniquePng = (i: number) => Buffer.concat([readFileFixture('sample.png'), Buffer.from(`durability-${i}`)]);

const uploadForm = (bytes: Buffer, name: string) => {
  const form = new FormData();
  form.append('file', new File([bytes], name, { type: 'image/png' }));

  return form;
};

describe('embedded database durability with the real server', () => {
  let root: string;
  let dataDir: string;
  let adminEmail: string;
  let staffEmail: string;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-durability-'));
    dataDir = path.join(root, 'data');
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      await prepareDatabase({ database, config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), clock: systemClock });
      const kemendagri = await buildOrg(database.db, { type: 'KEMENDAGRI_UNIT', name: 'Pusat Data dan Sistem Informasi' });
      const tenant = await buildTenant(database.db, { regionCode: '63.06' });
      adminEmail = (await buildUser(database.db, { orgId: kemendagri.id, roles: [{ role: 'PLATFORM_ADMIN', orgId: kemendagri.id, validFrom: '2000-01-01' }], totpSecret: ADMIN_TOTP })).email;
      staffEmail = (await buildUser(database.db, { orgId: tenant.id, roles: [{ role: 'KSD_SECRETARIAT_ADMIN', orgId: tenant.id, validFrom: '2000-01-01' }] })).email;
    } finally {
      await database.close();
    }
  });
  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('keeps every write it confirmed when killed with SIGKILL mid-burst, and restarts on the same directory', async () => {
    const server = await startServer(dataDir);
    const admin = await signIn(server.base, adminEmail, totpCode(ADMIN_TOTP, new Date()));
    const staff = await signIn(server.base, staffEmail);

    const confirmedIssues: string[] = [];
    const confirmedUploads: { id: string; bytes: Buffer }[] = [];
    let killed = false;
    const killAfter = 40;
    const maybeKill = () => {
      if (!killed && confirmedIssues.length + confirmedUploads.length >= killAfter) {
        killed = true;
        server.child.kill('SIGKILL');
      }
    };
    const issueWrites = Array.from({ length: BURST_ISSUES }, async (_, i) => {
      const code = `DURABILITAS_${String(i).padStart(3, '0')}`;
      const res = await fetch(`${server.base}/api/strategic-issues`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth(admin) },
        body: JSON.stringify({ code, nameId: `Uji ketahanan ${i}`, nameEn: `Durability test ${i}` }),
      });
      if (res.status === 201) confirmedIssues.push(code);
      maybeKill();
    });
    const uploadWrites = Array.from({ length: BURST_UPLOADS }, async (_, i) => {
      const bytes = uniquePng(i);
      const res = await fetch(`${server.base}/api/files`, { method: 'POST', headers: auth(staff), body: uploadForm(bytes, `peta-${i}.png`) });
      if (res.status === 201) confirmedUploads.push({ id: ((await res.json()) as { id: string }).id, bytes });
      maybeKill();
    });
    await Promise.allSettled([...issueWrites, ...uploadWrites]);
    if (!killed) server.child.kill('SIGKILL');
    assert.equal((await server.exited).signal, 'SIGKILL');
    const confirmed = confirmedIssues.length + confirmedUploads.length;
    assert.ok(confirmed >= killAfter && confirmed < BURST_ISSUES + BURST_UPLOADS, `confirmed ${confirmed} writes: the kill was not mid-burst`);
    assert.ok(fs.existsSync(path.join(dataDir, 'jejaring.lock')), 'a killed server leaves its lock behind');

    const restarted = await startServer(dataDir);
    try {
      const list = (await (await fetch(`${restarted.base}/api/strategic-issues?includeInactive=true`)).json()) as { items: { code: string }[] };
      const present = new Set(list.items.map((i) => i.code));
      assert.deepEqual(confirmedIssues.filter((c) => !present.has(c)), [], 'confirmed strategic issues lost in the crash');
      for (const upload of confirmedUploads) {
        const res = await fetch(`${restarted.base}/api/files/${upload.id}/content`, { headers: auth(staff) });
        assert.equal(res.status, 200, `confirmed upload ${upload.id} lost in the crash`);
        assert.ok(Buffer.from(await res.arrayBuffer()).equals(upload.bytes), `confirmed upload ${upload.id} changed in the crash`);
      }
    } finally {
      restarted.child.kill('SIGTERM');
      assert.equal((await restarted.exited).code, 0, restarted.output());
    }

    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const chain = await verifyAuditChain({ db: database.db });
      assert.equal(chain.ok, true, `audit chain after the crash: ${JSON.stringify(chain)}`);
    } finally {
      await database.close();
    }
  });

  it('on SIGTERM finishes the request in flight, refuses new connections, exits 0 and releases the lock', async () => {
    const server = await startServer(dataDir);
    const staff = await signIn(server.base, staffEmail);
    const boundary = 'jejaring-sigterm-boundary';
    const bytes = uniquePng(10_000);
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Unggahan lambat.png"\r\nContent-Type: image/png\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const split = Math.floor(body.length / 2);
    let newConnectionRefused = false;
    const refusedConnection = () =>
      new Promise<boolean>((resolve) => {
        const socket = net.connect(server.port, '127.0.0.1');
        socket.once('connect', () => {
          socket.destroy();
          resolve(false);
        });
        socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
      });

    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(`${server.base}/api/files`, {
        method: 'POST',
        agent: false,
        headers: { ...auth(staff), 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.write(body.subarray(0, split));
      // The rest follows only after the server has been told to stop.
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => {
          void refusedConnection().then((refused) => {
            newConnectionRefused = refused;
            req.end(body.subarray(split));
          });
        }, 500);
      }, 500);
    });
    const answered = await response;
    assert.equal(answered.status, 201, answered.text);
    assert.equal(newConnectionRefused, true, 'a new connection was accepted while draining');
    const exit = await server.exited;
    assert.equal(exit.code, 0, server.output());
    assert.equal(fs.existsSync(path.join(dataDir, 'jejaring.lock')), false, 'the lock file outlived the server');

    const id = (JSON.parse(answered.text) as { id: string }).id;
    const reopened = await startServer(dataDir);
    try {
      const res = await fetch(`${reopened.base}/api/files/${id}/content`, { headers: auth(staff) });
      assert.ok(Buffer.from(await res.arrayBuffer()).equals(bytes), 'the upload finished during shutdown was not kept');
    } finally {
      reopened.child.kill('SIGTERM');
      await reopened.exited;
    }
  });
});
