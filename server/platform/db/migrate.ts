import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrationsDir } from '../paths.js';
import type { Database } from './database.js';

/**
 * Forward-only, numbered SQL migrations (`NNNN_name.sql`), written for PostgreSQL 15 so they run
 * unchanged on PGlite (PostgreSQL 18) and on production servers. Each file runs in its own
 * transaction; its checksum is recorded so that an edited, already-applied file stops start-up.
 */
export type MigrationFile = { version: number; name: string; file: string; checksum: string; text: string };

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export const listMigrations = (dir = migrationsDir): MigrationFile[] => {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  const seen = new Set<number>();

  return files.map((file) => {
    const match = FILE_PATTERN.exec(file);
    if (!match?.[1] || !match[2]) throw new Error(`Migration file name must look like 0001_name.sql: ${file}`);
    const version = Number(match[1]);
    if (seen.has(version)) throw new Error(`Two migrations share the number ${match[1]}`);
    seen.add(version);
    const text = fs.readFileSync(path.join(dir, file), 'utf8');

    return { version, name: match[2], file, checksum: createHash('sha256').update(text).digest('hex'), text };
  });
};

type Applied = { version: number; checksum: string };

const ADVISORY_KEY = 727_274_001; // arbitrary constant: "migrations" lock for this application

/** Applies every pending migration; returns the files it applied. */
export const migrate = async (database: Database, dir = migrationsDir): Promise<string[]> => {
  const files = listMigrations(dir);
  const run = async (exec: (text: string) => Promise<void>, query: <T>(text: string) => Promise<T[]>) => {
    await exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = new Map((await query<Applied>('SELECT version, checksum FROM schema_migrations')).map((r) => [r.version, r.checksum]));
    const done: string[] = [];
    for (const m of files) {
      const previous = applied.get(m.version);
      if (previous !== undefined) {
        if (previous !== m.checksum) throw new Error(`Migration ${m.file} was changed after it was applied. Migrations are forward-only: add a new file instead.`);
        continue;
      }
      const escapedName = m.name.replace(/'/g, "''");
      await exec(`BEGIN;\n${m.text}\n;INSERT INTO schema_migrations (version, name, checksum) VALUES (${m.version}, '${escapedName}', '${m.checksum}');\nCOMMIT;`);
      done.push(m.file);
    }

    return done;
  };

  if (database.kind === 'postgres' && database.pool) {
    // Several app processes may start together on one PostgreSQL: one migrates, the others wait.
    const client = await database.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_KEY]);
      try {
        return await run(
          async (text) => {
            try {
              await client.query(text);
            } catch (err) {
              await client.query('ROLLBACK').catch(() => undefined);
              throw err;
            }
          },
          async (text) => (await client.query(text)).rows,
        );
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_KEY]);
      }
    } finally {
      client.release();
    }
  }

  return run(
    async (text) => {
      try {
        await database.execScript(text);
      } catch (err) {
        await database.execScript('ROLLBACK').catch(() => undefined);
        throw err;
      }
    },
    async <T>(text: string) => ((await database.db.execute(sql.raw(text))) as unknown as { rows: T[] }).rows,
  );
};
