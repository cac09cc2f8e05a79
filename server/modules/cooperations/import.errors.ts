import { defineError } from '../../platform/http/errors.js';

export const importErrors = {
  forbidden: defineError({
    code: 'import.forbidden',
    status: 403,
    message: {
      id: 'Hanya admin Sekretariat KSD atau Sekretaris TKKSD pemda yang dapat mengimpor register kerja sama pemda itu.',
      en: "Only a pemda's KSD secretariat administrator or TKKSD secretary may import that pemda's cooperation register.",
    },
  }),
  fileNotFound: defineError({
    code: 'import.file_not_found',
    status: 404,
    message: { id: 'Berkas tidak ditemukan.', en: 'File not found.' },
  }),
  fileType: defineError({
    code: 'import.file_type',
    status: 422,
    message: { id: 'Register hanya dapat diimpor dari berkas XLSX atau CSV.', en: 'A register can only be imported from an XLSX or CSV file.' },
  }),
  fileUnreadable: defineError({
    code: 'import.file_unreadable',
    status: 422,
    message: { id: 'Berkas tidak dapat dibaca sebagai lembar kerja ({reason}).', en: 'The file cannot be read as a spreadsheet ({reason}).' },
  }),
  sheetNotFound: defineError({
    code: 'import.sheet_not_found',
    status: 422,
    message: { id: 'Lembar "{sheet}" tidak ada di berkas ini.', en: 'There is no sheet "{sheet}" in this file.' },
  }),
  tooManyRows: defineError({
    code: 'import.too_many_rows',
    status: 422,
    message: { id: 'Berkas memuat lebih dari {max} baris; bagi menjadi beberapa berkas.', en: 'The file has more than {max} rows; split it into several files.' },
  }),
  noRows: defineError({
    code: 'import.no_rows',
    status: 422,
    message: { id: 'Tidak ada baris kerja sama di bawah baris judul kolom {headerRow}.', en: 'There are no cooperation rows below header row {headerRow}.' },
  }),
  mappingIncomplete: defineError({
    code: 'import.mapping_incomplete',
    status: 422,
    message: { id: 'Kolom wajib belum dipetakan: {fields}.', en: 'Required columns are not mapped yet: {fields}.' },
  }),
  rowsInvalid: defineError({
    code: 'import.rows_invalid',
    status: 422,
    message: {
      id: '{count} baris belum dapat diimpor; tidak ada yang disimpan. Perbaiki atau konfirmasi baris tersebut lalu ulangi.',
      en: '{count} rows cannot be imported yet; nothing was saved. Fix or confirm those rows and try again.',
    },
  }),
};
