import { defineError } from '../../platform/http/errors.js';

export const cooperationErrors = {
  notFound: defineError({
    code: 'cooperations.not_found',
    status: 404,
    message: { id: 'Kerja sama tidak ditemukan.', en: 'Cooperation not found.' },
  }),
  notParticipant: defineError({
    code: 'cooperations.not_participant',
    status: 403,
    message: {
      id: 'Hanya pihak dalam kerja sama ini yang dapat melakukannya; Anda hanya dapat melihatnya.',
      en: 'Only a party to this cooperation can do this; you may only view it.',
    },
  }),
  actionRefused: defineError({
    code: 'cooperations.action_refused',
    status: 409,
    message: { id: 'Tindakan "{action}" belum dapat dilakukan: {reasons}', en: 'The action "{action}" cannot be taken yet: {reasons}' },
  }),
  actionNotAvailable: defineError({
    code: 'cooperations.action_not_available',
    status: 409,
    message: {
      id: 'Tindakan "{action}" tidak berlaku untuk kerja sama {kind} pada tahap {state}.',
      en: 'The action "{action}" does not apply to a {kind} cooperation in state {state}.',
    },
  }),
  staleVersion: defineError({
    code: 'cooperations.stale_version',
    status: 409,
    message: {
      id: 'Kerja sama ini baru saja diubah orang lain. Muat ulang untuk melihat perubahan terbaru.',
      en: 'Someone else just changed this cooperation. Reload to see the latest version.',
    },
  }),
  partyInvalid: defineError({
    code: 'cooperations.party_invalid',
    status: 422,
    message: { id: 'Pihak tidak valid: {reason}', en: 'Invalid party: {reason}' },
  }),
  notEditable: defineError({
    code: 'cooperations.not_editable',
    status: 409,
    message: {
      id: 'Data pokok kerja sama tidak dapat diubah setelah ditandatangani; gunakan adendum.',
      en: 'The core data cannot change after signing; use an amendment.',
    },
  }),
  durationExceeded: defineError({
    code: 'cooperations.duration_exceeded',
    status: 422,
    message: {
      id: 'Jangka waktu melebihi batas {maxYears} tahun untuk kategori ini (paling lambat {latestEndDate}).',
      en: 'The term exceeds the {maxYears}-year limit for this category (ends {latestEndDate} at the latest).',
    },
  }),
  rulePackInvalid: defineError({
    code: 'cooperations.rule_pack_invalid',
    status: 422,
    message: { id: 'Paket aturan tidak valid.', en: 'The rule pack is not valid.' },
  }),
  rulePackForbidden: defineError({
    code: 'cooperations.rule_pack_forbidden',
    status: 403,
    message: {
      id: 'Paket aturan nasional hanya dapat diubah admin platform; admin pemda mengubah paket pemdanya sendiri.',
      en: 'Only platform administrators change the national pack; a pemda administrator changes their own pemda pack.',
    },
  }),
  rulePackBackdated: defineError({
    code: 'cooperations.rule_pack_backdated',
    status: 422,
    message: {
      id: 'Tanggal berlaku tidak boleh sebelum hari ini: aturan yang sudah dipakai tidak diubah surut.',
      en: 'The valid-from date cannot be in the past: rules already applied are not changed retroactively.',
    },
  }),
  savedFilterExists: defineError({
    code: 'cooperations.saved_filter_exists',
    status: 409,
    message: { id: 'Filter dengan nama "{name}" sudah ada.', en: 'A filter named "{name}" already exists.' },
  }),
};

/** How each guard explains itself, in both languages; `{…}` are filled from the blocker. */
export const GUARD_MESSAGES: Record<string, { id: string; en: string }> = {
  role: { id: 'peran Anda tidak berwenang (perlu salah satu: {roles})', en: 'your role may not act (needs one of: {roles})' },
  documents: { id: 'dokumen belum ada: {missing}', en: 'documents missing: {missing}' },
  clauses: { id: 'rancangan {documentType} belum memuat klausul: {missing}', en: 'the {documentType} draft lacks clauses: {missing}' },
  draft_missing: { id: 'belum ada rancangan {documentType}', en: 'there is no {documentType} draft yet' },
  duration: {
    id: 'jangka waktu melebihi {maxYears} tahun (paling lambat {latestEndDate})',
    en: 'the term exceeds {maxYears} years (ends {latestEndDate} at the latest)',
  },
  term_missing: { id: 'tanggal mulai dan berakhir belum diisi', en: 'start and end dates are not set' },
  urusan_missing: { id: 'urusan pemerintahan belum ditandai', en: 'no government affair (urusan) is tagged' },
  approval_not_pending: { id: 'tidak ada permohonan persetujuan yang menunggu keputusan pihak Anda', en: 'no approval request awaits your side’s decision' },
  dispute_final_stage: { id: 'sengketa sudah pada tahap penyelesaian terakhir', en: 'the dispute is already at its last stage' },
  dprd_approval_missing: { id: 'perubahan ini memerlukan persetujuan DPRD yang belum diperoleh', en: 'this change needs a DPRD approval that has not been given yet' },
  reason_missing: { id: 'alasan wajib diisi', en: 'a reason is required' },
};
