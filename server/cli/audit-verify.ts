/**
 * `npm run audit:verify`: re-computes the audit log's hash chain of the configured database.
 * Exit 0: intact. Exit 1: the first row that was edited, removed or inserted is named. Exit 2:
 * the embedded database is in use by another process (stop the server first).
 */
import { openConfiguredDatabase, prepareDatabase } from '../bootstrap.js';
import { systemClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { DataDirLockedError } from '../platform/db/datadir-lock.js';
import type { Database } from '../platform/db/database.js';
import { verifyAuditChain } from '../modules/audit/index.js';

const REASONS = {
  gap: 'a row is missing (deleted)',
  prev_hash: 'the row does not link to the row before it',
  hash: 'the row was changed after it was written',
  head: 'rows at the end are missing (the chain head points past the last row)',
} as const;

const run = async (): Promise<number> => {
  const config = loadConfig();
  let database: Database;
  try {
    database = await openConfiguredDatabase(config);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      process.stderr.write(`${err.message}\n`);

      return 2;
    }
    throw err;
  }
  try {
    await prepareDatabase({ database, config, clock: systemClock });
    const result = await verifyAuditChain({ db: database.db });
    if (result.ok) {
      process.stdout.write(`Audit chain OK: ${result.rows} rows\n`);

      return 0;
    }
    process.stdout.write(
      `Audit chain BROKEN at seq ${result.firstBrokenSeq}: ${REASONS[result.reason]} (reason: ${result.reason}; ${result.rows} rows verified before it)\n`,
    );

    return 1;
  } finally {
    await database.close();
  }
};

run().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`audit:verify failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(3);
  },
);
