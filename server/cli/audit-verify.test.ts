import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { recordAudit, SYSTEM_AUDIT_CONTEXT } from '../modules/audit/index.js';
import { createTestClock } from '../platform/clock.js';
import { openDatabase } from '../platform/db/database.js';
import { runCli } from '../test/cli.js';

const verify = (dataDir: string) => runCli('audit-verify.ts', [], { DATA_DIR: dataDir });

describe('npm run audit:verify on the embedded database', () => {
  let dataDir: string;
  before(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-audit-cli-'));
  });
  after(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports an intact chain with its row count and exits 0', async () => {
    const first = await verify(dataDir);
    assert.equal(first.code, 0, first.stderr);
    const rows = Number(/^Audit chain OK: (\d+) rows$/m.exec(first.stdout)?.[1]);

    const database = await openDatabase({ kind: 'pglite', dataDir });
    const clock = createTestClock();
    for (let i = 0; i < 3; i++)
      await database.db.transaction((tx) => recordAudit({ tx, clock, context: SYSTEM_AUDIT_CONTEXT, entry: { action: 'cli.test', entityType: 'test', diff: { i } } }));
    await database.close();

    const second = await verify(dataDir);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, new RegExp(`^Audit chain OK: ${rows + 3} rows$`, 'm'));
  });

  it('exits 2 with a message while another process holds the data directory', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const result = await verify(dataDir);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /in use by another Jejaring process/);
    } finally {
      await database.close();
    }
  });

  it('names the first tampered row and exits 1', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir });
    const head = (await database.db.execute(sql`SELECT seq FROM audit_chain_head`)) as unknown as { rows: { seq: number }[] };
    const target = Number(head.rows[0]!.seq) - 1;
    await database.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await database.db.execute(sql`UPDATE audit_log SET diff = '{"i": 99}'::jsonb WHERE seq = ${target}`);
    await database.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    await database.close();

    const result = await verify(dataDir);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, new RegExp(`^Audit chain BROKEN at seq ${target}: the row was changed after it was written`, 'm'));
  });
});
