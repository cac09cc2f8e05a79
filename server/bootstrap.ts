import type { Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';
import type { Logger } from './platform/logger.js';
import { syncRulePacks } from './modules/cooperations/index.js';
import { syncReferenceData } from './modules/reference/index.js';

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite under DATA_DIR (locked). */
export const openConfiguredDatabase = (config: Config): Promise<Database> =>
  config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl, poolMax: config.dbPoolMax })
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir });

/** Applies pending migrations and brings reference data (regions, urusan, issues) up to date. */
export const prepareDatabase = async ({ database, config, clock, logger }: { database: Database; config: Config; clock: Clock; logger?: Logger }) => {
  const applied = await migrate(database);
  if (applied.length) logger?.info({ applied }, 'migrations applied');
  const reference = await syncReferenceData({
    db: database.db,
    clock,
    versioning: { sourceDecree: config.regionSourceDecree, validFrom: config.regionValidFrom },
  });
  if (reference.regionsLoaded) logger?.info({ regions: reference.regionCount }, 'region dataset loaded');
  if (await syncRulePacks({ db: database.db, clock })) logger?.info('national rule pack installed');

  return { applied };
};
