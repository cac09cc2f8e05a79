import { defineError } from '../../platform/http/errors.js';

export const documentErrors = {
  notFound: defineError({
    code: 'documents.not_found',
    status: 404,
    message: { id: 'Dokumen tidak ditemukan.', en: 'Document not found.' },
  }),
  fileNotOwn: defineError({
    code: 'documents.file_not_own',
    status: 422,
    message: {
      id: 'Berkas ini tidak diunggah oleh organisasi Anda. Unggah berkasnya terlebih dahulu, lalu lampirkan.',
      en: 'This file was not uploaded by your organisation. Upload it first, then attach it.',
    },
  }),
  privateNeedsPemda: defineError({
    code: 'documents.private_needs_pemda',
    status: 422,
    message: {
      id: 'Hanya pemda pihak kerja sama yang dapat menyimpan dokumen internal; dokumen mitra selalu terlihat oleh semua pihak.',
      en: 'Only a party pemda can keep an internal document; a partner’s documents are always visible to every party.',
    },
  }),
  noPartyOrganization: defineError({
    code: 'documents.no_party_organization',
    status: 403,
    message: {
      id: 'Organisasi Anda bukan pihak dalam kerja sama ini, sehingga tidak dapat mencatat nomor dokumen.',
      en: 'Your organisation is not a party to this cooperation, so it cannot record a document number.',
    },
  }),
  formatUnavailable: defineError({
    code: 'documents.format_unavailable',
    status: 409,
    message: {
      id: 'Dokumen ini tidak tersedia dalam format {format}. Berkas unggahan hanya dapat diunduh sesuai aslinya; naskah yang disusun di sini tersedia sebagai DOCX atau PDF.',
      en: 'This document is not available as {format}. An uploaded file downloads as the original; a document drafted here downloads as DOCX or PDF.',
    },
  }),
  textPending: defineError({
    code: 'documents.text_pending',
    status: 409,
    message: {
      id: 'Teks berkas "{title}" masih sedang dibaca. Coba lagi beberapa saat lagi.',
      en: 'The text of "{title}" is still being read. Try again shortly.',
    },
  }),
  templateNotFound: defineError({
    code: 'documents.template_not_found',
    status: 404,
    message: { id: 'Templat dokumen tidak ditemukan.', en: 'Document template not found.' },
  }),
  templateTypeMismatch: defineError({
    code: 'documents.template_type_mismatch',
    status: 422,
    message: { id: 'Templat ini untuk jenis {templateType}, bukan {type}.', en: 'This template is for {templateType}, not {type}.' },
  }),
  templateForbidden: defineError({
    code: 'documents.template_forbidden',
    status: 403,
    message: {
      id: 'Templat nasional hanya dapat diubah admin platform; templat pemda diubah admin pemda atau admin Sekretariat KSD pemda itu.',
      en: 'Only platform administrators change national templates; a pemda’s templates are changed by its tenant or KSD secretariat administrators.',
    },
  }),
  partyMissing: defineError({
    code: 'documents.party_missing',
    status: 422,
    message: { id: 'Kerja sama ini belum memiliki pihak, sehingga naskah belum dapat disusun.', en: 'This cooperation has no parties yet, so no draft can be made.' },
  }),
};
