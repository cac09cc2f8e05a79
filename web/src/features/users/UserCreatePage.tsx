import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { paths } from '../../app/paths';
import { ApiError } from '../../lib/api';
import { SelectField, TextField } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorNotice } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { createUser } from './users.api';
import { useOrganizationOptions } from './useOrganizationOptions';

const EMPTY = { email: '', name: '', orgId: '', password: '', nip: '', phone: '', locale: 'id' as 'id' | 'en' };

/** A new account with an initial password that the administrator hands over. */
export const UserCreatePage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const orgs = useOrganizationOptions();
  const [form, setForm] = useState(EMPTY);
  const create = useMutation({
    mutationFn: () =>
      createUser({
        email: form.email.trim(),
        name: form.name.trim(),
        orgId: form.orgId,
        password: form.password,
        locale: form.locale,
        ...(form.nip.trim() ? { nip: form.nip.trim() } : {}),
        ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
      }),
    onSuccess: async (user) => {
      toast(t('users.created', { name: user.name }));
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      navigate(`${paths.users}/${user.id}`);
    },
  });
  const error = create.error instanceof ApiError ? create.error : undefined;
  const fe = (key: string) => error?.fieldErrors[key] ?? (error?.code === 'identity.email_taken' && key === 'email' ? error.detail : undefined);
  const set = (key: keyof typeof EMPTY) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [key]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const general = create.isError && !(error && (Object.keys(error.fieldErrors).length > 0 || error.code === 'identity.email_taken'));

  return (
    <>
      <PageTitle title={t('users.add')}>{t('users.add')}</PageTitle>
      <form className="form panel" onSubmit={submit} noValidate>
        {general ? <ErrorNotice error={create.error} /> : null}
        <TextField label={t('users.email')} type="email" autoComplete="off" required maxLength={254} value={form.email} onChange={set('email')} error={fe('email')} />
        <TextField label={t('users.name')} hint={t('users.nameHint')} required maxLength={120} value={form.name} onChange={set('name')} error={fe('name')} />
        <SelectField label={t('users.organization')} required value={form.orgId} onChange={set('orgId')} error={fe('orgId')}>
          <option value="">{orgs.isPending ? t('common.loading') : t('users.chooseOrganization')}</option>
          {(orgs.data ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t('users.initialPassword')} hint={t('users.initialPasswordHint')} type="password" autoComplete="new-password" required minLength={12} value={form.password} onChange={set('password')} error={fe('password')} />
        <TextField label={t('users.nip')} hint={t('users.nipHint')} inputMode="numeric" maxLength={18} value={form.nip} onChange={set('nip')} error={fe('nip')} />
        <TextField label={t('users.phone')} type="tel" autoComplete="off" maxLength={26} value={form.phone} onChange={set('phone')} error={fe('phone')} />
        <SelectField label={t('users.locale')} value={form.locale} onChange={set('locale')} error={fe('locale')}>
          <option value="id">Bahasa Indonesia</option>
          <option value="en">English</option>
        </SelectField>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {t('users.createSubmit')}
          </button>
          <Link className="button" to={paths.users}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
};
