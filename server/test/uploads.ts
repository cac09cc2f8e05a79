import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../platform/paths.js';
import type { TestContext, TestSession } from './context.js';

/** The real sample documents in server/modules/files/fixtures (see generate.py there). */
export const readFileFixture = (name: 'sample.pdf' | 'sample.docx' | 'sample.xlsx' | 'sample.jpg' | 'sample.png'): Buffer =>
  fs.readFileSync(path.join(projectRoot, 'server', 'modules', 'files', 'fixtures', name));

/** Posts one multipart upload the way a browser form does. */
export const postFile = (
  ctx: Pick<TestContext, 'request'>,
  session: TestSession | undefined,
  file: { name: string; bytes: Uint8Array; type?: string },
  extraFields: Record<string, string> = {},
) => {
  const form = new FormData();
  form.append('file', new File([file.bytes], file.name, { type: file.type ?? 'application/octet-stream' }));
  for (const [k, v] of Object.entries(extraFields)) form.append(k, v);

  return ctx.request('/api/files', { method: 'POST', body: form, session });
};
