import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../../i18n';
import { ApiError } from '../../lib/api';
import { SelectField, TextField } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { meQueryKey } from '../auth/auth.api';
import { useSession } from '../auth/session';
import { updateMe } from './account.api';

export const ProfileSection = () => {
  const { t } = useTranslation();
  const me = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState(me.user.name);
  const [locale, setLocale] = useState(me.user.locale);
  const save = useMutation({
    mutationFn: () => updateMe({ name: name.trim(), locale }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(meQueryKey, updated);
      await setLanguage(updated.user.locale);
      toast(t('account.profileSaved'));
    },
  });
  const fieldError = (key: string) => (save.error instanceof ApiError ? save.error.fieldErrors[key] : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <section className="panel" aria-labelledby="account-profile">
      <h2 id="account-profile">{t('account.profile')}</h2>
      <dl className="facts">
        <dt>{t('account.email')}</dt>
        <dd>{me.user.email}</dd>
        <dt>{t('account.organization')}</dt>
        <dd>{me.organization.name}</dd>
      </dl>
      {save.isError && Object.keys(save.error instanceof ApiError ? save.error.fieldErrors : {}).length === 0 ? <ErrorNotice error={save.error} /> : null}
      <form className="form" onSubmit={submit} noValidate>
        <TextField label={t('account.name')} autoComplete="name" required minLength={2} maxLength={120} value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name')} />
        <SelectField label={t('account.language')} hint={t('account.languageHint')} value={locale} onChange={(e) => setLocale(e.target.value === 'en' ? 'en' : 'id')} error={fieldError('locale')}>
          <option value="id" lang="id">
            Bahasa Indonesia
          </option>
          <option value="en" lang="en">
            English
          </option>
        </SelectField>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('common.save')}
        </button>
      </form>
    </section>
  );
};
