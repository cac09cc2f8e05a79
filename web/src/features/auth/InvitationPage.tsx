import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { api, ApiError, unwrap } from '../../lib/api';
import { TextField } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorNotice, Loading } from '../../ui/Status';
import { LanguageSwitch } from '../shell/LanguageSwitch';

/** The token travels in the URL fragment, so it never reaches server logs or Referer headers. */
const tokenFromHash = () => decodeURIComponent(window.location.hash.replace(/^#/, ''));

/**
 * Where an invited partner contact lands from the e-mail: it greets them by name and lets them
 * choose a password; afterwards they sign in like everyone else.
 */
export const InvitationPage = () => {
  const { t } = useTranslation();
  const [token] = useState(tokenFromHash);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => unwrap(api.POST('/api/auth/invitations/inspect', { body: { token } })),
    enabled: token.length >= 20,
    retry: false,
  });
  const accept = useMutation({ mutationFn: () => unwrap(api.POST('/api/auth/invitations/accept', { body: { token, password } })) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMismatch(password !== repeat);
    if (password === repeat) accept.mutate();
  };
  const fieldError = accept.error instanceof ApiError ? accept.error.fieldErrors.password : undefined;

  return (
    <div className="auth-page">
      <div className="auth-topbar">
        <span className="brand-name">Jejaring</span>
        <LanguageSwitch />
      </div>
      <main id="main" className="auth-card">
        <PageTitle title={t('invitation.title')}>{t('invitation.title')}</PageTitle>
        {token.length < 20 ? <p role="alert">{t('invitation.missing')}</p> : null}
        {invitation.isLoading ? <Loading /> : null}
        {invitation.error ? <ErrorNotice error={invitation.error} /> : null}
        {accept.isSuccess ? (
          <div role="status">
            <p>{t('invitation.done')}</p>
            <Link className="button button-primary" to={paths.signIn}>
              {t('invitation.signIn')}
            </Link>
          </div>
        ) : invitation.data ? (
          <>
            <p className="lead">{t('invitation.greeting', { name: invitation.data.name, email: invitation.data.email })}</p>
            {accept.error && !fieldError ? <ErrorNotice error={accept.error} /> : null}
            <form onSubmit={submit} noValidate>
              <input type="email" name="username" autoComplete="username" value={invitation.data.email} readOnly hidden />
              <TextField label={t('invitation.password')} name="password" type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={fieldError} />
              <TextField
                label={t('invitation.repeat')}
                name="repeat"
                type="password"
                autoComplete="new-password"
                required
                value={repeat}
                onChange={(e) => setRepeat(e.target.value)}
                error={mismatch ? t('invitation.mismatch') : undefined}
              />
              <button type="submit" className="button button-primary" disabled={accept.isPending}>
                {t('invitation.submit')}
              </button>
            </form>
          </>
        ) : null}
      </main>
    </div>
  );
};
