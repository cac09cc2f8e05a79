import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { SelectField, TextField } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { resetUserPassword, resetUserTwoFactor, updateUser, type User } from './users.api';
import { useOrganizationOptions } from './useOrganizationOptions';

const hasFieldErrors = (e: unknown) => e instanceof ApiError && Object.keys(e.fieldErrors).length > 0;

export const UserEditSection = ({ user }: { user: User }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const orgs = useOrganizationOptions();
  const [form, setForm] = useState({ name: user.name, orgId: user.orgId, nip: user.nip ?? '', phone: user.phone ?? '', locale: user.locale });
  const save = useMutation({
    mutationFn: () =>
      updateUser(user.id, {
        name: form.name.trim(),
        ...(form.orgId !== user.orgId ? { orgId: form.orgId } : {}),
        nip: form.nip.trim() || null,
        phone: form.phone.trim() || null,
        locale: form.locale,
      }),
    onSuccess: async (u) => {
      toast(t('users.saved', { name: u.name }));
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const fe = (key: string) => (save.error instanceof ApiError ? save.error.fieldErrors[key] : undefined);
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [key]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <section className="panel" aria-labelledby="user-edit">
      <h2 id="user-edit">{t('users.edit')}</h2>
      {save.isError && !hasFieldErrors(save.error) ? <ErrorNotice error={save.error} /> : null}
      <form className="form" onSubmit={submit} noValidate>
        <TextField label={t('users.name')} required maxLength={120} value={form.name} onChange={set('name')} error={fe('name')} />
        <SelectField label={t('users.organization')} value={form.orgId} onChange={set('orgId')} error={fe('orgId')}>
          {(orgs.data ?? []).some((o) => o.id === user.orgId) ? null : <option value={user.orgId}>{user.orgName}</option>}
          {(orgs.data ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t('users.nip')} hint={t('users.nipHint')} inputMode="numeric" maxLength={18} value={form.nip} onChange={set('nip')} error={fe('nip')} />
        <TextField label={t('users.phone')} type="tel" maxLength={26} value={form.phone} onChange={set('phone')} error={fe('phone')} />
        <SelectField label={t('users.locale')} value={form.locale} onChange={set('locale')} error={fe('locale')}>
          <option value="id">Bahasa Indonesia</option>
          <option value="en">English</option>
        </SelectField>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('common.save')}
        </button>
      </form>
    </section>
  );
};

/** For a forgotten password: the administrator sets a new one and every session of the user ends. */
export const UserPasswordResetSection = ({ user }: { user: User }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const [password, setPassword] = useState('');
  const reset = useMutation({
    mutationFn: () => resetUserPassword(user.id, password),
    onSuccess: () => {
      setPassword('');
      toast(t('users.passwordReset', { name: user.name }));
    },
  });
  const error = reset.error instanceof ApiError ? reset.error : undefined;
  const fieldError = error?.fieldErrors.newPassword ?? (error?.code === 'auth.weak_password' ? error.detail : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    reset.mutate();
  };

  return (
    <section className="panel" aria-labelledby="user-reset">
      <h2 id="user-reset">{t('users.resetPassword')}</h2>
      <p>{t('users.resetPasswordExplain')}</p>
      {reset.isError && !fieldError ? <ErrorNotice error={reset.error} /> : null}
      <form className="form" onSubmit={submit} noValidate>
        <TextField label={t('users.newPassword')} type="password" autoComplete="new-password" required minLength={12} value={password} onChange={(e) => setPassword(e.target.value)} error={fieldError} />
        <button type="submit" className="button button-danger" disabled={reset.isPending || password.length === 0}>
          {t('users.resetPasswordSubmit')}
        </button>
      </form>
    </section>
  );
};

/** For a lost authenticator: turns two-factor off; a user whose role requires it enrols again at sign-in. */
export const UserTwoFactorResetSection = ({ user }: { user: User }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const reset = useMutation({
    mutationFn: () => resetUserTwoFactor(user.id),
    onSuccess: async () => {
      setConfirming(false);
      toast(t('users.twoFactorReset', { name: user.name }));
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });

  return (
    <section className="panel" aria-labelledby="user-2fa-reset">
      <h2 id="user-2fa-reset">{t('users.resetTwoFactor')}</h2>
      <p>{t('users.resetTwoFactorExplain')}</p>
      {reset.isError ? <ErrorNotice error={reset.error} /> : null}
      {confirming ? (
        <div className="button-row">
          <button type="button" className="button button-danger" disabled={reset.isPending} onClick={() => reset.mutate()}>
            {t('users.resetTwoFactorConfirm')}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
          {t('users.resetTwoFactorSubmit')}
        </button>
      )}
    </section>
  );
};
