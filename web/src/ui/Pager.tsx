import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n';
import { formatNumber } from '../lib/format';

/** Previous/next paging with "1–50 of 514" so the size of a result is always visible. */
export const Pager = ({ total, offset, pageSize, onChange }: { total: number; offset: number; pageSize: number; onChange: (offset: number) => void }) => {
  const { t } = useTranslation();
  const lang = useLang();
  if (total <= pageSize && offset === 0) return null;
  const last = Math.min(offset + pageSize, total);

  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <button type="button" className="button" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - pageSize))}>
        {t('pager.previous')}
      </button>
      <span>{t('pager.range', { from: formatNumber(offset + 1, lang), to: formatNumber(last, lang), total: formatNumber(total, lang) })}</span>
      <button type="button" className="button" disabled={last >= total} onClick={() => onChange(offset + pageSize)}>
        {t('pager.next')}
      </button>
    </nav>
  );
};
