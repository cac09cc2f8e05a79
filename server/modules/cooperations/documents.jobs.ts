import { z } from 'zod';
import type { FileStore } from '../../platform/files/file-store.js';
import { defineJob, type JobDefinition } from '../../platform/jobs/index.js';
import { extractDocumentText, EXTRACT_TEXT_JOB } from './documents.usecases.js';

const ExtractTextPayload = z.strictObject({ documentId: z.uuid() });

/** Background work on cooperation documents: reading the text of attached files. */
export const documentJobs = ({ files }: { files: FileStore }): JobDefinition[] => [
  defineJob({
    name: EXTRACT_TEXT_JOB,
    payload: ExtractTextPayload,
    handler: async ({ documentId }, ctx) => {
      const outcome = await extractDocumentText({ db: ctx.db, clock: ctx.clock, logger: ctx.logger, files, documentId });
      ctx.logger.info({ documentId, outcome }, 'document text processed');
    },
  }),
];
