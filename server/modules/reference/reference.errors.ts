import { defineError } from '../../platform/http/errors.js';

export const referenceErrors = {
  regionNotFound: defineError({
    code: 'reference.region_not_found',
    status: 404,
    message: { id: 'Wilayah dengan kode {code} tidak ditemukan.', en: 'No region with code {code}.' },
  }),
  issueNotFound: defineError({
    code: 'reference.strategic_issue_not_found',
    status: 404,
    message: { id: 'Isu strategis tidak ditemukan.', en: 'Strategic issue not found.' },
  }),
  issueCodeTaken: defineError({
    code: 'reference.strategic_issue_code_taken',
    status: 409,
    message: { id: 'Kode isu strategis {code} sudah dipakai.', en: 'Strategic issue code {code} is already in use.' },
  }),
  boundariesNotConfigured: defineError({
    code: 'reference.boundaries_not_configured',
    status: 404,
    message: {
      id: 'Batas wilayah tidak tersedia di server ini (GEO_DATA_DIR belum diatur).',
      en: 'Region boundaries are not available on this server (GEO_DATA_DIR is not set).',
    },
  }),
};
