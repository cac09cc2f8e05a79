import { useTranslation } from 'react-i18next';
import { setLanguage, useLang } from '../../i18n';
import type { Lang } from '../../lib/format';

const LANGS: { lang: Lang; label: string; short: string }[] = [
  { lang: 'id', label: 'Bahasa Indonesia', short: 'ID' },
  { lang: 'en', label: 'English', short: 'EN' },
];

/** Two buttons, each named in its own language so that either reader can find theirs. */
export const LanguageSwitch = () => {
  const { t } = useTranslation();
  const active = useLang();

  return (
    <div className="lang-switch" role="group" aria-label={t('shell.language')}>
      {LANGS.map((l) => (
        <button key={l.lang} type="button" lang={l.lang} aria-label={l.label} aria-pressed={active === l.lang} onClick={() => void setLanguage(l.lang)}>
          {l.short}
        </button>
      ))}
    </div>
  );
};
