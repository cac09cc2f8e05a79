import { defineError } from '../../platform/http/errors.js';

export const notificationErrors = {
  messageNotFound: defineError({
    code: 'notifications.message_not_found',
    status: 404,
    message: { id: 'Pesan e-mail tidak ditemukan.', en: 'E-mail message not found.' },
  }),
};
