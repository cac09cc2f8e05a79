import { defineError } from '../../platform/http/errors.js';

export const filesErrors = {
  notFound: defineError({
    code: 'files.not_found',
    status: 404,
    message: { id: 'Berkas tidak ditemukan.', en: 'File not found.' },
  }),
  typeNotAllowed: defineError({
    code: 'files.type_not_allowed',
    status: 415,
    message: {
      id: 'Jenis berkas ini tidak diterima. Unggah PDF, DOCX, XLSX, JPEG, PNG atau CSV.',
      en: 'This type of file is not accepted. Upload a PDF, DOCX, XLSX, JPEG, PNG or CSV file.',
    },
  }),
  typeMismatch: defineError({
    code: 'files.type_mismatch',
    status: 422,
    message: {
      id: 'Nama berkas berakhiran "{extension}", tetapi isinya berkas {detected}. Periksa kembali berkas yang dipilih.',
      en: 'The file name ends in "{extension}" but the content is a {detected} file. Check that you picked the right file.',
    },
  }),
};
