/**
 * `npm run db:seed`: migrates, then loads the fictional demo data (pemda, units, partners, one
 * account per role) into an empty installation. On one that already has organisations it changes
 * nothing. Exit 0: seeded or nothing to do. Exit 2: the embedded database is in use by another
 * Jejaring process (stop the server first). Exit 1: seeding failed.
 */
import { describeSeedSummary, seedDemoData } from '../demo/index.js';
import { runDatabaseCommand } from './cli.js';

runDatabaseCommand('db:seed', async ({ config, database, clock }) => {
  const summary = await seedDemoData({ db: database.db, clock, config });
  process.stdout.write(describeSeedSummary(summary, config));

  return 0;
});
