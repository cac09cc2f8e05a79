import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { TextField } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { meQueryKey } from '../auth/auth.api';
import { useSession } from '../auth/session';
import { disableTotp, regenerateRecoveryCodes } from './account.api';
import { RecoveryCodes } from './RecoveryCodes';
import { TwoFactorEnrolment } from './TwoFactorEnrolmentPage';

type Mode = 'idle' | 'enrol' | 'disable' | 'regenerate';

/** Turning two-factor on, off (unless a role requires it) and replacing the recovery codes; the last two need the password. */
export const TwoFactorSection = () => {
  const { t } = useTranslation();
  const me = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>('idle');
  const [password, setPassword] = useState('');
  const reset = () => {
    setMode('idle');
    setPassword('');
    confirm.reset();
  };
  const confirm = useMutation({
    mutationFn: async (action: 'disable' | 'regenerate'): Promise<{ action: typeof action; codes?: string[] }> => {
      if (action === 'disable') {
        await disableTotp(password);

        return { action };
      }

      return { action, codes: (await regenerateRecoveryCodes(password)).recoveryCodes };
    },
    onSuccess: async (result) => {
      setPassword('');
      if (result.action === 'disable') {
        toast(t('totp.disabled'));
        setMode('idle');
        await queryClient.invalidateQueries({ queryKey: meQueryKey });
      }
    },
  });
  const passwordError = confirm.error instanceof ApiError ? (confirm.error.fieldErrors.password ?? confirm.error.detail) : confirm.error ? t('errors.unexpected') : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mode === 'disable' || mode === 'regenerate') confirm.mutate(mode);
  };

  return (
    <section className="panel" aria-labelledby="account-2fa">
      <h2 id="account-2fa">{t('totp.sectionTitle')}</h2>
      <p>{me.twoFactor.enabled ? t('totp.isOn') : t('totp.isOff')}</p>
      {me.twoFactor.required ? <p className="field-hint">{t('totp.requiredByRole')}</p> : null}
      {mode === 'enrol' ? (
        <TwoFactorEnrolment
          onCancel={reset}
          onFinished={() => {
            reset();
            toast(t('totp.enabled'));
            void queryClient.invalidateQueries({ queryKey: meQueryKey });
          }}
        />
      ) : null}
      {confirm.data?.codes ? <RecoveryCodes codes={confirm.data.codes} onDone={reset} /> : null}
      {(mode === 'disable' || mode === 'regenerate') && !confirm.data?.codes ? (
        <form className="form" onSubmit={submit} noValidate>
          {confirm.error instanceof ApiError && confirm.error.status === 409 ? <ErrorNotice error={confirm.error} /> : null}
          <TextField label={t('totp.confirmPassword')} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={confirm.error instanceof ApiError && confirm.error.status === 409 ? undefined : passwordError} />
          <div className="button-row">
            <button type="submit" className={mode === 'disable' ? 'button button-danger' : 'button button-primary'} disabled={confirm.isPending}>
              {mode === 'disable' ? t('totp.disable') : t('totp.regenerate')}
            </button>
            <button type="button" className="button" onClick={reset}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {mode === 'idle' ? (
        <div className="button-row">
          {me.twoFactor.enabled ? (
            <>
              <button type="button" className="button" onClick={() => setMode('regenerate')}>
                {t('totp.regenerate')}
              </button>
              {!me.twoFactor.required ? (
                <button type="button" className="button button-danger" onClick={() => setMode('disable')}>
                  {t('totp.disable')}
                </button>
              ) : null}
            </>
          ) : (
            <button type="button" className="button button-primary" onClick={() => setMode('enrol')}>
              {t('totp.turnOn')}
            </button>
          )}
        </div>
      ) : null}
    </section>
  );
};
