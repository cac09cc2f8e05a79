/**
 * `npm run audit:verify`: re-computes the audit log's hash chain of the configured database.
 * Exit 0: intact. Exit 1: the first row that was edited, removed or inserted is named. Exit 2:
 * the embedded database is in use by another process (stop the server first).
 */
import { verifyAuditChain } from '../modules/audit/index.js';
import { runDatabaseCommand } from './cli.js';

const REASONS = {
  gap: 'a row is missing (deleted)',
  prev_hash: 'the row does not link to the row before it',
  hash: 'the row was changed after it was written',
  head: 'rows at the end are missing (the chain head points past the last row)',
} as const;

runDatabaseCommand(
  'audit:verify',
  async ({ database }) => {
    const result = await verifyAuditChain({ db: database.db });
    if (result.ok) {
      process.stdout.write(`Audit chain OK: ${result.rows} rows\n`);

      return 0;
    }
    process.stdout.write(
      `Audit chain BROKEN at seq ${result.firstBrokenSeq}: ${REASONS[result.reason]} (reason: ${result.reason}; ${result.rows} rows verified before it)\n`,
    );

    return 1;
  },
  3,
);
