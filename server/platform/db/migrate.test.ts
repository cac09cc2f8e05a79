import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { openDatabase, type Database } from './database.js';
import { listMigrations, migrate } from './migrate.js';
import { DB_KINDS } from '../../test/database.js';
import * as auditTables from '../../modules/audit/audit.tables.js';
import * as cooperationsTables from '../../modules/cooperations/cooperations.tables.js';
import * as documentsTables from '../../modules/cooperations/documents.tables.js';
import * as filesTables from '../../modules/files/files.tables.js';
import * as identityTables from '../../modules/identity/identity.tables.js';
import * as notificationsTables from '../../modules/notifications/notifications.tables.js';
import * as organizationsTables from '../../modules/organizations/organizations.tables.js';
import * as referenceTables from '../../modules/reference/reference.tables.js';
import * as evaluationTables from '../../modules/monev/evaluations.tables.js';
import * as indicatorTables from '../../modules/monev/indicators.tables.js';
import * as reportTables from '../../modules/reports/reports.tables.js';
import * as workPlanTables from '../../modules/monev/workplan.tables.js';
import * as reminderTables from '../../modules/monev/reminders.tables.js';
import * as updateTables from '../../modules/monev/updates.tables.js';
import * as summaryTables from '../../modules/monev/summary.tables.js';
import * as jobTables from '../jobs/tables.js';
import * as tkksdTables from '../../modules/mapping/tkksd.tables.js';
import * as liaisonTables from '../../modules/mapping/liaisons.tables.js';
import * as meetingTables from '../../modules/meetings/meetings.tables.js';
import * as mappingCycleTables from '../../modules/mapping/cycles.tables.js';
import * as mappingQuestionnaireTables from '../../modules/mapping/questionnaires.tables.js';
import * as mappingAnswerTables from '../../modules/mapping/answers.tables.js';
import * as mappingPotentialTables from '../../modules/mapping/potentials.tables.js';
import * as mappingPlenaryTables from '../../modules/mapping/plenary.tables.js';
import * as portalTables from '../../modules/portal/portal.tables.js';

const allTables = [auditTables, cooperationsTables, documentsTables, filesTables, identityTables, notificationsTables, organizationsTables, referenceTables, evaluationTables, indicatorTables, workPlanTables, updateTables, summaryTables, reminderTables, reportTables, jobTables, tkksdTables, liaisonTables, meetingTables, mappingCycleTables, mappingQuestionnaireTables, mappingAnswerTables, mappingPotentialTables, mappingPlenaryTables, portalTables]
  .flatMap((m) => Object.values(m))
  .filter((v): v is PgTable => typeof v === 'object' && v !== null && Symbol.for('drizzle:IsDrizzleTable') in v);

const emptyDatabase = async (kind: (typeof DB_KINDS)[number]): Promise<{ database: Database; drop: () => Promise<void> }> => {
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite-memory' });

    return { database, drop: () => database.close() };
  }
  const name = `jj_migrate_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolMax: 2 });

  return {
    database,
    drop: async () => {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
};

describe('migration files', () => {
  it('are numbered without gaps from 0001', () => {
    const versions = listMigrations().map((m) => m.version);
    assert.deepEqual(versions, versions.map((_, i) => i + 1));
  });
});

for (const kind of DB_KINDS) {
  describe(`migrations on an empty database [${kind}]`, () => {
    it('apply every file once, then nothing on a second run', async () => {
      const { database, drop } = await emptyDatabase(kind);
      try {
        const first = await migrate(database);
        assert.equal(first.length, listMigrations().length);
        assert.deepEqual(await migrate(database), []);
      } finally {
        await drop();
      }
    });

    it('create every column the table definitions in the code expect, with the same nullability', async () => {
      const { database, drop } = await emptyDatabase(kind);
      try {
        await migrate(database);
        const result = (await database.db.execute(
          sql`SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
        )) as unknown as { rows: { table_name: string; column_name: string; is_nullable: string }[] };
        const actual = new Map(result.rows.map((r) => [`${r.table_name}.${r.column_name}`, r.is_nullable === 'YES']));
        for (const table of allTables) {
          const config = getTableConfig(table);
          for (const column of config.columns) {
            const key = `${config.name}.${column.name}`;
            assert.ok(actual.has(key), `column ${key} is defined in code but missing in the migrations`);
            assert.equal(actual.get(key), !column.notNull, `nullability of ${key} differs between code and migrations`);
          }
        }
      } finally {
        await drop();
      }
    });

    it('refuse to start when an applied migration file was edited', async () => {
      const { database, drop } = await emptyDatabase(kind);
      try {
        await migrate(database);
        await database.db.execute(sql`UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1`);
        await assert.rejects(() => migrate(database), /was changed after it was applied/);
      } finally {
        await drop();
      }
    });
  });
}
