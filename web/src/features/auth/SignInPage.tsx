import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { paths, safeReturnPath } from '../../app/paths';
import { ApiError } from '../../lib/api';
import { TextField } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorNotice } from '../../ui/Status';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { fetchMe, login, meQueryKey } from './auth.api';

type Step = 'password' | 'code';

/**
 * E-mail and password first; when the account has two-factor on, the server answers
 * auth.totp_required and the same credentials are sent again with the code.
 */
export const SignInPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [step, setStep] = useState<Step>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);

  const signIn = useMutation({
    mutationFn: async (withCode: boolean) => {
      await login({ email, password, ...(withCode ? { totp: code.trim() } : {}) });
      queryClient.setQueryData(meQueryKey, await fetchMe());
    },
    onSuccess: () => navigate(safeReturnPath(params.get('lanjut')), { replace: true }),
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'auth.totp_required') setStep('code');
    },
  });

  const error = signIn.error instanceof ApiError && signIn.error.code === 'auth.totp_required' ? undefined : signIn.error ?? undefined;
  const fieldError = (name: string) => (error instanceof ApiError ? error.fieldErrors[name] : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate(step === 'code');
  };
  const backToPassword = () => {
    setStep('password');
    setCode('');
    signIn.reset();
  };

  return (
    <div className="auth-page">
      <div className="auth-topbar">
        <span className="brand-name">Jejaring</span>
        <LanguageSwitch />
      </div>
      <main id="main" className="auth-card">
        <PageTitle title={t('signIn.title')}>{t('signIn.title')}</PageTitle>
        <p className="lead">{t('signIn.lead')}</p>
        {error ? <ErrorNotice error={error} /> : null}
        {step === 'password' ? (
          <form onSubmit={submit} noValidate>
            <TextField label={t('signIn.email')} name="email" type="email" autoComplete="username" inputMode="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError('email')} />
            <TextField label={t('signIn.password')} name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={fieldError('password')} />
            <button type="submit" className="button button-primary" disabled={signIn.isPending}>
              {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
            </button>
          </form>
        ) : (
          <form onSubmit={submit} noValidate>
            <p>{useRecovery ? t('signIn.recoveryIntro') : t('signIn.codeIntro')}</p>
            {useRecovery ? (
              <TextField key="recovery" label={t('signIn.recoveryCode')} name="totp" autoComplete="off" autoCapitalize="none" spellCheck={false} required value={code} onChange={(e) => setCode(e.target.value)} error={fieldError('totp')} />
            ) : (
              <TextField key="code" label={t('signIn.code')} name="totp" autoComplete="one-time-code" inputMode="numeric" pattern="[0-9]*" maxLength={6} required autoFocus value={code} onChange={(e) => setCode(e.target.value)} error={fieldError('totp')} />
            )}
            <button type="submit" className="button button-primary" disabled={signIn.isPending}>
              {signIn.isPending ? t('signIn.submitting') : t('signIn.verify')}
            </button>
            <div className="form-links">
              <button type="button" className="link-button" onClick={() => { setUseRecovery((v) => !v); setCode(''); }}>
                {useRecovery ? t('signIn.useCode') : t('signIn.useRecovery')}
              </button>
              <button type="button" className="link-button" onClick={backToPassword}>
                {t('signIn.back')}
              </button>
            </div>
          </form>
        )}
      </main>
      <footer className="auth-footer">
        <Link to={paths.about}>{t('about.link')}</Link>
      </footer>
    </div>
  );
};
