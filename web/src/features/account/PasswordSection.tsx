import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { TextField } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { useSession } from '../auth/session';
import { changePassword } from './account.api';

const EMPTY = { currentPassword: '', newPassword: '', confirm: '' };

/** Errors the server gives about the whole request belong to one field here. */
const FIELD_OF_CODE: Record<string, keyof typeof EMPTY> = { 'auth.wrong_password': 'currentPassword', 'auth.weak_password': 'newPassword' };

export const PasswordSection = () => {
  const { t } = useTranslation();
  const me = useSession();
  const toast = useToast();
  const [form, setForm] = useState(EMPTY);
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: () => changePassword({ currentPassword: form.currentPassword, newPassword: form.newPassword }),
    onSuccess: () => {
      setForm(EMPTY);
      toast(t('account.passwordChanged'));
    },
  });
  const error = change.error instanceof ApiError ? change.error : undefined;
  const fieldError = (key: keyof typeof EMPTY) => error?.fieldErrors[key] ?? (error && FIELD_OF_CODE[error.code] === key ? error.detail : undefined);
  const general = change.isError && !(error && (Object.keys(error.fieldErrors).length > 0 || FIELD_OF_CODE[error.code])) ? change.error : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const differs = form.newPassword !== form.confirm;
    setMismatch(differs);
    if (!differs) change.mutate();
  };

  return (
    <section className="panel" aria-labelledby="account-password">
      <h2 id="account-password">{t('account.password')}</h2>
      <p>{t('account.passwordRules')}</p>
      {general ? <ErrorNotice error={general} /> : null}
      <form className="form" onSubmit={submit} noValidate>
        {/* Lets password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={me.user.email} readOnly hidden />
        <TextField label={t('account.currentPassword')} type="password" autoComplete="current-password" required value={form.currentPassword} onChange={(e) => setForm({ ...form, currentPassword: e.target.value })} error={fieldError('currentPassword')} />
        <TextField label={t('account.newPassword')} type="password" autoComplete="new-password" required minLength={12} value={form.newPassword} onChange={(e) => setForm({ ...form, newPassword: e.target.value })} error={fieldError('newPassword')} />
        <TextField label={t('account.confirmPassword')} type="password" autoComplete="new-password" required value={form.confirm} onChange={(e) => setForm({ ...form, confirm: e.target.value })} error={mismatch ? t('account.passwordMismatch') : undefined} />
        <button type="submit" className="button button-primary" disabled={change.isPending}>
          {t('account.changePassword')}
        </button>
      </form>
    </section>
  );
};
