import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { TextField } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorNotice } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { meQueryKey } from '../auth/auth.api';
import { enableTotp, startTotpSetup, svgDataUrl } from './account.api';
import { RecoveryCodes } from './RecoveryCodes';

/**
 * Authenticator enrolment: a QR code (with the secret as text for typing by hand), one code to
 * prove it works, then the recovery codes. Forced when a role requires two-factor.
 */
export const TwoFactorEnrolment = ({ onFinished, onCancel }: { onFinished: () => void; onCancel?: () => void }) => {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const setup = useMutation({ mutationFn: startTotpSetup });
  const enable = useMutation({ mutationFn: () => enableTotp(code.trim()) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    enable.mutate();
  };

  if (enable.data) return <RecoveryCodes codes={enable.data.recoveryCodes} onDone={onFinished} />;
  const codeError = enable.error instanceof ApiError ? (enable.error.fieldErrors.code ?? enable.error.detail) : enable.error ? t('errors.unexpected') : undefined;

  return (
    <div className="enrolment">
      {setup.isError ? <ErrorNotice error={setup.error} /> : null}
      {!setup.data ? (
        <>
          <ol className="steps">
            <li>{t('totp.stepInstall')}</li>
            <li>{t('totp.stepScan')}</li>
            <li>{t('totp.stepConfirm')}</li>
          </ol>
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={() => setup.mutate()} disabled={setup.isPending}>
              {t('totp.start')}
            </button>
            {onCancel ? (
              <button type="button" className="button" onClick={onCancel}>
                {t('common.cancel')}
              </button>
            ) : null}
          </div>
        </>
      ) : (
        <div className="enrolment-grid">
          <figure className="qr">
            <img src={svgDataUrl(setup.data.qrSvg)} alt={t('totp.qrAlt')} width={220} height={220} />
            <figcaption>
              {t('totp.manual')}
              <code className="secret">{setup.data.secret}</code>
            </figcaption>
          </figure>
          <form className="form" onSubmit={submit} noValidate>
            <TextField label={t('totp.code')} hint={t('totp.codeHint')} autoComplete="one-time-code" inputMode="numeric" pattern="[0-9]*" maxLength={10} required value={code} onChange={(e) => setCode(e.target.value)} error={codeError} />
            <button type="submit" className="button button-primary" disabled={enable.isPending}>
              {t('totp.enable')}
            </button>
          </form>
        </div>
      )}
    </div>
  );
};

/** The page a restricted session is held on until two-factor is on. */
export const TwoFactorEnrolmentPage = ({ forced = false }: { forced?: boolean }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();

  return (
    <>
      <PageTitle title={t('totp.title')}>{t('totp.title')}</PageTitle>
      {forced ? <p className="notice notice-info">{t('totp.forced')}</p> : null}
      <TwoFactorEnrolment
        onFinished={() => {
          toast(t('totp.enabled'));
          void queryClient.invalidateQueries({ queryKey: meQueryKey });
        }}
      />
    </>
  );
};
