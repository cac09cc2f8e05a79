#!/usr/bin/env node
// Runs every test tier in order: type check, server (node:test on PGlite and, with
// TEST_DATABASE_URL, PostgreSQL), web (vitest), end-to-end (Playwright in the system Chromium).
// A tier that runs no test fails the run; the last line sums up all tiers for CI.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const only = process.argv.slice(2);
const wanted = (tier) => only.length === 0 || only.includes(tier);

const run = (cmd, args, env = {}) =>
  new Promise((resolve) => {
    let out = '';
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { out += d; process.stderr.write(d); });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });

const findFiles = (dir, suffix) => {
  const found = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory() && e.name !== 'node_modules') walk(p);
      else if (e.name.endsWith(suffix)) found.push(path.relative(root, p));
    }
  };
  if (fs.existsSync(path.join(root, dir))) walk(path.join(root, dir));

  return found.sort();
};

const totals = { passed: 0, failed: 0 };
const tiers = [];
const record = (name, passed, failed, code) => {
  totals.passed += passed;
  totals.failed += failed;
  const ok = code === 0 && failed === 0 && passed > 0;
  tiers.push({ name, passed, failed, ok });
  if (passed === 0) console.error(`\n✗ tier "${name}" ran no test: that is a failure.`);

  return ok;
};
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

if (wanted('typecheck') || only.length === 0) {
  const tc = await run('npm', ['run', '--silent', 'typecheck']);
  tiers.push({ name: 'typecheck', passed: tc.code === 0 ? 1 : 0, failed: tc.code === 0 ? 0 : 1, ok: tc.code === 0 });
  if (tc.code !== 0) totals.failed += 1;
}

if (wanted('server')) {
  const files = findFiles('server', '.test.ts');
  const res = await run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=300000', ...files]);
  const num = (k) => Number(/^# (?:tests|pass|fail) .*$/m.test(res.out) ? (res.out.match(new RegExp(`^# ${k} (\\d+)`, 'm'))?.[1] ?? 0) : 0);
  record('server', num('pass'), num('fail') + Number(res.out.match(/^# cancelled (\d+)/m)?.[1] ?? 0), res.code);
}

if (wanted('web')) {
  const res = await run(bin('vitest'), ['run', '--config', 'web/vite.config.ts']);
  const clean = res.out.replace(/\x1b\[[0-9;]*m/g, '');
  const line = clean.match(/^\s*Tests\s+(.*)$/m)?.[1] ?? '';
  record('web', Number(line.match(/(\d+) passed/)?.[1] ?? 0), Number(line.match(/(\d+) failed/)?.[1] ?? 0), res.code);
}

if (wanted('e2e')) {
  // Journeys run against the built server, as users get it from `npm start`.
  const build = await run('npm', ['run', '--silent', 'build']);
  if (build.code !== 0) record('e2e build', 0, 1, build.code);
  const res = await run(bin('playwright'), ['test', '--config', 'e2e/playwright.config.ts', '--reporter=list']);
  const clean = res.out.replace(/\x1b\[[0-9;]*m/g, '');
  record('e2e', Number(clean.match(/^\s*(\d+) passed/m)?.[1] ?? 0), Number(clean.match(/^\s*(\d+) failed/m)?.[1] ?? 0) + Number(clean.match(/^\s*(\d+) flaky/m)?.[1] ?? 0), res.code);
}

console.log('\nTiers:');
for (const t of tiers) console.log(`  ${t.ok ? '✓' : '✗'} ${t.name}: ${t.passed} passed, ${t.failed} failed`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(tiers.every((t) => t.ok) ? 0 : 1);
