import { defineError } from '../../platform/http/errors.js';

export const potentialErrors = {
  notFound: defineError({ code: 'mapping.potential_not_found', status: 404, message: { id: 'Butir potensi atau kebutuhan tidak ditemukan.', en: 'Potential or need not found.' } }),
  stale: defineError({ code: 'mapping.potential_stale', status: 409, message: { id: 'Butir ini baru saja diubah orang lain. Muat ulang.', en: 'Someone else just changed this item. Reload.' } }),
  followedThrough: defineError({
    code: 'mapping.potential_followed_through',
    status: 409,
    message: { id: 'Butir ini sudah ditindaklanjuti menjadi usulan kerja sama; statusnya mengikuti kerja sama tersebut.', en: 'This item already became a cooperation proposal; its status follows that cooperation.' },
  }),
  notProposable: defineError({
    code: 'mapping.potential_not_proposable',
    status: 409,
    message: { id: 'Hanya butir berstatus Diprioritaskan atau Ditetapkan yang dapat diusulkan menjadi kerja sama; status saat ini: {status}.', en: 'Only prioritised or adopted items can become a cooperation proposal; current status: {status}.' },
  }),
  overviewForbidden: defineError({
    code: 'mapping.overview_forbidden',
    status: 403,
    message: { id: 'Gambaran pemetaan provinsi atau nasional hanya untuk Kemendagri dan Gubernur sebagai Wakil Pemerintah Pusat di provinsinya.', en: 'The provincial or national mapping picture is for Kemendagri and the Governor as central government representative in that province.' },
  }),
};
