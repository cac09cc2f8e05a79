import { defineError } from '../../platform/http/errors.js';

export const portalErrors = {
  notFound: defineError({ code: 'portal.not_found', status: 404, message: { id: 'Kerja sama ini tidak dipublikasikan.', en: 'This cooperation is not published.' } }),
  documentNotFound: defineError({ code: 'portal.document_not_found', status: 404, message: { id: 'Dokumen ini tidak dipublikasikan.', en: 'This document is not published.' } }),
  forbidden: defineError({
    code: 'portal.publish_forbidden',
    status: 403,
    message: { id: 'Publikasi kerja sama dikelola oleh sekretariat kerja sama pemda pemiliknya.', en: 'A cooperation’s publication is managed by the secretariat of the pemda that owns it.' },
  }),
  notPublishable: defineError({
    code: 'portal.not_publishable',
    status: 409,
    message: {
      id: 'Kerja sama berstatus {state} belum dapat dipublikasikan: hanya kerja sama yang kesepakatannya sudah ditandatangani yang dipublikasikan.',
      en: 'A cooperation in state {state} cannot be published yet: only cooperations with a signed agreement are published.',
    },
  }),
  notPublished: defineError({ code: 'portal.not_published', status: 409, message: { id: 'Kerja sama ini belum dipublikasikan.', en: 'This cooperation is not published.' } }),
  unknownDocument: defineError({
    code: 'portal.unknown_document',
    status: 422,
    message: { id: 'Dokumen yang dipilih bukan versi dokumen bersama kerja sama ini yang memiliki berkas.', en: 'A chosen document is not a shared document version of this cooperation with a file.' },
  }),
  staleVersion: defineError({
    code: 'portal.stale_version',
    status: 409,
    message: { id: 'Pengaturan publikasi telah diubah orang lain; muat ulang lalu coba lagi.', en: 'The publication settings were changed by someone else; reload and try again.' },
  }),
};
