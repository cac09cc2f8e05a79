/**
 * `npm run db:migrate`: applies pending migrations and brings reference data up to date, then
 * exits. Exit 0: done. Exit 2: the embedded database is in use by another Jejaring process (a
 * running server migrates by itself at start; stop it to run this). Exit 1: migration failed.
 */
import { runDatabaseCommand } from './cli.js';

runDatabaseCommand('db:migrate', async ({ applied }) => {
  process.stdout.write(applied.length ? `Migrations applied: ${applied.join(', ')}\n` : 'The database schema is up to date.\n');

  return 0;
});
