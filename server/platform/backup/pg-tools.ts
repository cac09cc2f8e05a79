import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * PostgreSQL's own client tools do the PostgreSQL backups: pg_dump's custom format is consistent
 * without stopping the server and restores with pg_restore. They must be on PATH, at least as new
 * as the server.
 */
export class MissingToolError extends Error {
  constructor(readonly tool: string) {
    super(
      `${tool} was not found on PATH. Install the PostgreSQL client tools (Debian/Ubuntu: apt-get install postgresql-client-15 ` +
        `or newer, matching the server version) and try again.`,
    );
    this.name = 'MissingToolError';
  }
}

export const findOnPath = (tool: string, envPath = process.env.PATH ?? ''): string => {
  for (const dir of envPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, tool);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);

      return candidate;
    } catch {
      // not in this directory
    }
  }
  throw new MissingToolError(tool);
};

/**
 * The connection for the tools: the password goes through the environment, so it never shows in
 * the process list; everything else stays in the URL (host, port, database, sslmode).
 */
const connectionOf = (url: string): { dbname: string; env: Record<string, string> } => {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';

  return { dbname: u.toString(), env: password ? { PGPASSWORD: password } : {} };
};

const run = (binary: string, args: string[], env: Record<string, string>) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(binary, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(binary)} failed (exit ${code}): ${stderr.trim()}`));
    });
  });

/** pg_dump --format=custom of the whole database into one file. */
export const pgDump = async (databaseUrl: string, outFile: string) => {
  const { dbname, env } = connectionOf(databaseUrl);
  await run(findOnPath('pg_dump'), ['--format=custom', '--no-owner', `--file=${outFile}`, `--dbname=${dbname}`], env);
};

/**
 * pg_restore in one transaction: on any error nothing is changed. --clean --if-exists replaces
 * what the dump contains; ownership and grants are left to the target server's roles.
 */
export const pgRestore = async (databaseUrl: string, dumpFile: string) => {
  const { dbname, env } = connectionOf(databaseUrl);
  await run(
    findOnPath('pg_restore'),
    ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${dbname}`, dumpFile],
    env,
  );
};
