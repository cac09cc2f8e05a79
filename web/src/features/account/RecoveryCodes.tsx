import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Recovery codes are shown exactly once: the user downloads or copies them and confirms before
 * moving on, because nobody (not even an administrator) can show them again.
 */
export const RecoveryCodes = ({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) => {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const fileUrl = useMemo(() => URL.createObjectURL(new Blob([`${t('recovery.fileHeader')}\n\n${codes.join('\n')}\n`], { type: 'text/plain;charset=utf-8' })), [codes, t]);
  useEffect(() => () => URL.revokeObjectURL(fileUrl), [fileUrl]);

  return (
    <section className="panel" aria-labelledby="recovery-title">
      <h2 id="recovery-title">{t('recovery.title')}</h2>
      <p>{t('recovery.explain')}</p>
      <ol className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p>
        <a className="button" href={fileUrl} download="jejaring-kode-pemulihan.txt">
          {t('recovery.download')}
        </a>
      </p>
      <div className="checkbox">
        <input id="recovery-saved" type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} />
        <label htmlFor="recovery-saved">{t('recovery.confirm')}</label>
      </div>
      <button type="button" className="button button-primary" disabled={!saved} onClick={onDone}>
        {t('recovery.continue')}
      </button>
    </section>
  );
};
