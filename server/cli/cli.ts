import { openConfiguredDatabase, prepareDatabase } from '../bootstrap.js';
import { systemClock, type Clock } from '../platform/clock.js';
import { loadConfig, type Config } from '../platform/config.js';
import { DataDirLockedError } from '../platform/db/datadir-lock.js';
import type { Database } from '../platform/db/database.js';
import { createLogger, type Logger } from '../platform/logger.js';

export type CliContext = { config: Config; database: Database; clock: Clock; logger: Logger; applied: string[] };

/**
 * The frame every database command shares: read the configuration, open the configured database
 * (exit 2 with the lock message when a running server holds the embedded one), migrate and
 * refresh reference data, run the command, close. An unexpected error prints one line and exits
 * with `failureCode`.
 */
export const runDatabaseCommand = (name: string, command: (ctx: CliContext) => Promise<number>, failureCode = 1) => {
  const run = async (): Promise<number> => {
    const config = loadConfig();
    const logger = createLogger(config.logLevel);
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
      const { applied } = await prepareDatabase({ database, config, clock: systemClock, logger });

      return await command({ config, database, clock: systemClock, logger, applied });
    } finally {
      await database.close();
    }
  };

  run().then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`${name} failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(failureCode);
    },
  );
};
