import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorNotice, Loading } from '../../ui/Status';
import { fetchUrusan, type Urusan } from './reference.api';

const GROUPS: Urusan['group'][] = ['WAJIB_PD', 'WAJIB_NON_PD', 'PILIHAN', 'PENUNJANG'];

/** The concurrent government affairs of UU 23/2014, grouped as the law groups them. */
export const UrusanPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const urusan = useQuery({ queryKey: ['urusan'], queryFn: fetchUrusan, staleTime: Number.POSITIVE_INFINITY });

  return (
    <>
      <PageTitle title={t('urusan.title')}>{t('urusan.title')}</PageTitle>
      <p className="lead">{t('urusan.lead')}</p>
      {urusan.isPending ? <Loading /> : null}
      {urusan.isError ? <ErrorNotice error={urusan.error} /> : null}
      {urusan.data
        ? GROUPS.map((group) => {
            const items = urusan.data.items.filter((u) => u.group === group);
            if (items.length === 0) return null;

            return (
              <section key={group} className="panel" aria-labelledby={`urusan-${group}`}>
                <h2 id={`urusan-${group}`}>
                  {t(`urusan.groups.${group}`)} <span className="count">({items.length})</span>
                </h2>
                <ul className="code-list">
                  {items.map((u) => (
                    <li key={u.code}>
                      <span className="code">{u.code}</span> {lang === 'en' ? u.nameEn : u.nameId}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })
        : null}
    </>
  );
};
