import { spawn } from 'node:child_process';
import { projectRoot } from '../platform/paths.js';

export type CliResult = { code: number | null; stdout: string; stderr: string };

/**
 * Runs one of the server/cli commands as its own process, the way an operator would, with a
 * controlled environment: the given variables on top of PATH and HOME only, so a developer's
 * DATABASE_URL or DATA_DIR never leaks into a test.
 */
export const runCli = (script: string, args: string[], env: Record<string, string>): Promise<CliResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `server/cli/${script}`, ...args], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
