import { defineError } from '../../platform/http/errors.js';

export const dashboardErrors = {
  forbidden: defineError({
    code: 'reports.dashboard_forbidden',
    status: 403,
    message: {
      id: 'Anda tidak berwenang melihat dasbor wilayah ini.',
      en: 'You may not view the dashboard of this area.',
    },
  }),
  regionNotFound: defineError({
    code: 'reports.dashboard_region_not_found',
    status: 404,
    message: { id: 'Wilayah {region} tidak ditemukan.', en: 'Region {region} not found.' },
  }),
  regionRequired: defineError({
    code: 'reports.dashboard_region_required',
    status: 422,
    message: { id: 'Pilih wilayah untuk dasbor ini.', en: 'Choose a region for this dashboard.' },
  }),
};
