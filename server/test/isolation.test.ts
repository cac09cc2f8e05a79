import { it } from 'node:test';
import { describeEachDatabase } from './context.js';
import { buildIsolationKit, type IsolationKit } from './isolation.js';
import { isolationCases } from './isolation.cases.js';

/**
 * Runs every tenant-isolation case (authorization.test.ts checks that every non-public route has
 * one): another pemda, a partner or an overseer never reads or changes what is not theirs.
 */
describeEachDatabase('tenant isolation of every API route', (ctx) => {
  let kit: IsolationKit | undefined;

  // One set of tenants for every case, built once; every case gets fresh sessions, so a case that
  // signs out cannot mask another. One test per area (/api/<area>/…), so each has its own time
  // limit and a failure names its area.
  const areaOf = (key: string) => key.split(' ')[1]!.split('/')[2] ?? '';
  const areas = [...new Set(Object.keys(isolationCases).map(areaOf))].sort();
  for (const area of areas)
    it(`every tenant-isolation case of /api/${area} passes`, async () => {
      kit ??= await buildIsolationKit(ctx());
      for (const [key, c] of Object.entries(isolationCases).filter(([k]) => areaOf(k) === area)) {
        await kit.refreshSessions();
        try {
          await c.run(kit);
        } catch (err) {
          throw new Error(`isolation case ${key} failed: ${(err as Error).message}`);
        }
      }
    });
});
