import { defineError } from '../../platform/http/errors.js';

export const organizationErrors = {
  notFound: defineError({
    code: 'organizations.not_found',
    status: 404,
    message: { id: 'Organisasi tidak ditemukan.', en: 'Organisation not found.' },
  }),
  parentNotFound: defineError({
    code: 'organizations.parent_not_found',
    status: 404,
    message: { id: 'Organisasi induk tidak ditemukan.', en: 'The parent organisation was not found.' },
  }),
  parentInvalid: defineError({
    code: 'organizations.parent_invalid',
    status: 422,
    message: {
      id: 'Organisasi induk tidak sesuai: unit pemda harus berada di bawah pemda yang sama, mitra dan lembaga pusat di bawah organisasi tanpa pemda.',
      en: 'Wrong parent: a pemda unit must sit under the same pemda; partners and central bodies under an organisation without a pemda.',
    },
  }),
  parentCycle: defineError({
    code: 'organizations.parent_cycle',
    status: 422,
    message: {
      id: 'Organisasi tidak dapat ditempatkan di bawah dirinya sendiri atau unit bawahannya.',
      en: 'An organisation cannot be placed under itself or one of its own sub-units.',
    },
  }),
  typeNotAllowed: defineError({
    code: 'organizations.type_not_allowed',
    status: 403,
    message: {
      id: 'Anda tidak berwenang menambah organisasi jenis {type}.',
      en: 'You may not add organisations of type {type}.',
    },
  }),
  tenantForbidden: defineError({
    code: 'organizations.tenant_forbidden',
    status: 403,
    message: {
      id: 'Anda hanya dapat mengubah data organisasi di pemda Anda sendiri.',
      en: 'You may only change organisations of your own pemda.',
    },
  }),
  platformAdminOnly: defineError({
    code: 'organizations.platform_admin_only',
    status: 403,
    message: {
      id: 'Perubahan ini hanya dapat dilakukan oleh admin platform.',
      en: 'Only a platform administrator may make this change.',
    },
  }),
  regionInvalid: defineError({
    code: 'organizations.region_invalid',
    status: 422,
    message: {
      id: 'Kode wilayah {code} tidak dapat dipakai untuk organisasi jenis {type}.',
      en: 'Region code {code} cannot be used for an organisation of type {type}.',
    },
  }),
  pemdaExists: defineError({
    code: 'organizations.pemda_exists',
    status: 409,
    message: { id: 'Pemda untuk wilayah {code} sudah terdaftar.', en: 'A pemda for region {code} is already registered.' },
  }),
  gwppExists: defineError({
    code: 'organizations.gwpp_exists',
    status: 409,
    message: { id: 'GWPP untuk provinsi {code} sudah terdaftar.', en: 'A GWPP for province {code} is already registered.' },
  }),
  partnerDuplicate: defineError({
    code: 'organizations.partner_duplicate',
    status: 409,
    message: {
      id: 'Mitra dengan {key} yang sama sudah terdaftar. Gunakan data yang sudah ada.',
      en: 'A partner with the same {key} is already registered. Use the existing record.',
    },
  }),
  partnerNameDuplicate: defineError({
    code: 'organizations.partner_duplicate_name',
    status: 409,
    message: {
      id: 'Mitra bernama "{name}" sudah terdaftar. Gunakan data yang sudah ada, atau lengkapi NPWP/NIB untuk membedakannya.',
      en: 'A partner named "{name}" is already registered. Use the existing record, or add an NPWP/NIB to tell them apart.',
    },
  }),
};
