import { api, unwrap, type Schemas } from '../../../lib/api';

export type ImportPreview = Schemas['ImportPreview'];
export type ImportRow = Schemas['ImportRow'];
export type ImportResult = Schemas['ImportResult'];
export type ImportPreviewInput = Schemas['ImportPreviewInput'];
export type ImportRunInput = Schemas['ImportRunInput'];
export type ImportField = ImportPreview['fields'][number]['name'];

/** Uploads the register through the files module; the import then refers to it by id. */
export const uploadRegister = (file: File) =>
  unwrap(
    api.POST('/api/files', {
      body: { file: '' },
      bodySerializer: () => {
        const form = new FormData();
        form.append('file', file);

        return form;
      },
    }),
  );

export const previewImport = (body: ImportPreviewInput) => unwrap(api.POST('/api/cooperations/import/preview', { body }));

export const runImport = (body: ImportRunInput) => unwrap(api.POST('/api/cooperations/import', { body }));
