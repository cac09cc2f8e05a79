import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './datadir-lock.js';
import { withPreparedStatements } from './pglite-prepared.js';

/** The one database type feature code sees: it may be the database itself or an open transaction. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  kind: DatabaseKind;
  /** Runs raw SQL text with several statements (migrations). */
  execScript: (text: string) => Promise<void>;
  /** The PGlite instance, for backups (dumpDataDir); undefined on PostgreSQL. */
  pglite: PGlite | undefined;
  /** The pool, for PostgreSQL-only features (advisory locks on one connection); undefined on PGlite. */
  pool: pg.Pool | undefined;
  close: () => Promise<void>;
};

export type OpenDatabaseOptions =
  | { kind: 'postgres'; url: string; poolMax?: number }
  /** A directory on disk, locked for this process. */
  | { kind: 'pglite'; dataDir: string; lock?: boolean }
  /** In memory, optionally starting from a dump (tests). */
  | { kind: 'pglite-memory'; loadDataDir?: Blob | File };

const extensions = { pg_trgm, unaccent };

// numeric stays a string on both engines (exact money); bigint counts come back as numbers.
pg.types.setTypeParser(20, (v) => Number(v));

const openPglite = async (raw: PGlite, lock: DataDirLock | undefined): Promise<Database> => {
  await raw.waitReady;
  const client = withPreparedStatements(raw);

  return {
    db: drizzlePglite(client) as unknown as Db,
    kind: 'pglite',
    execScript: async (text) => {
      await client.exec(text);
    },
    pglite: client,
    pool: undefined,
    close: async () => {
      try {
        if (!client.closed) await client.close();
      } finally {
        lock?.release();
      }
    },
  };
};

/** Opens PGlite (embedded, default) or PostgreSQL (DATABASE_URL) behind one interface. */
export const openDatabase = async (options: OpenDatabaseOptions): Promise<Database> => {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolMax ?? 10 });
    pool.on('error', () => {
      // An idle client lost its connection (server restart); the pool replaces it on next use.
    });

    return {
      db: drizzlePg(pool) as unknown as Db,
      kind: 'postgres',
      execScript: async (text) => {
        await pool.query(text);
      },
      pglite: undefined,
      pool,
      close: async () => {
        await pool.end();
      },
    };
  }
  if (options.kind === 'pglite-memory') {
    const client = await PGlite.create({ extensions, ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) });

    return openPglite(client, undefined);
  }
  const lock = options.lock === false ? undefined : acquireDataDirLock(options.dataDir);
  try {
    const client = await PGlite.create(path.join(options.dataDir, 'pgdata'), { extensions });

    return await openPglite(client, lock);
  } catch (err) {
    lock?.release();
    throw err;
  }
};
