import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { Empty, ErrorNotice } from '../../../ui/Status';
import { fetchReleases, publicReleasesPath, releasesKey } from './publication.api';

/** The dated, append-only releases of a cooperation, with the public JSON they can be checked against. */
export const ReleaseHistory = ({ cooperationId }: { cooperationId: string }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const q = useQuery({ queryKey: releasesKey(cooperationId), queryFn: () => fetchReleases(cooperationId) });
  if (q.isError) return <ErrorNotice error={q.error} />;
  const items = q.data?.items ?? [];
  if (q.data && items.length === 0) return <Empty>{t('publication.releases.empty')}</Empty>;

  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="publication-releases-caption">
      <table>
        <caption id="publication-releases-caption">{t('publication.releases.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">{t('publication.releases.sequence')}</th>
            <th scope="col">{t('publication.releases.date')}</th>
            <th scope="col">{t('publication.releases.tag')}</th>
          </tr>
        </thead>
        <tbody>
          {[...items].reverse().map((r) => (
            <tr key={r.id}>
              <th scope="row" className="num">{r.sequence}</th>
              <td>{formatDateTime(r.date, lang)}</td>
              <td>{t(`publication.tags.${r.tag}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href={publicReleasesPath(cooperationId)} target="_blank" rel="noreferrer">
          {t('publication.releases.publicJson')}
        </a>
      </p>
    </div>
  );
};
