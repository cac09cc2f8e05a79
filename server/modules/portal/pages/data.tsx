import type { PublicStats } from '../../../../contracts/portal.js';
import { Layout } from './layout.js';
import type { View } from './view.js';

/** The bulk datasets of the open-data API (issue 6 item 4); each comes as CSV and JSON. */
const DATASETS = [
  ['data.cooperations', '/api/public/cooperations'],
  ['data.parties', '/api/public/datasets/parties'],
  ['data.documents', '/api/public/datasets/documents'],
  ['data.indicators', '/api/public/datasets/indicators'],
  ['data.updates', '/api/public/datasets/updates'],
] as const;

/** Downloads, metadata and API addresses of the open data, with the licence. */
export const DataPage = ({ view, stats, licence }: { view: View; stats: PublicStats; licence: { id: string; url: string } }) => {
  const { t } = view;

  return (
    <Layout view={view} title={t('data.title')} description={t('data.description')}>
      <h1>{t('data.title')}</h1>
      <p class="lead">{t('data.intro')}</p>
      {stats.lastReleasedAt ? <p>{t('data.summary', { count: t.number(stats.total), date: t.date(stats.lastReleasedAt) })}</p> : null}
      <section aria-labelledby="downloads">
        <h2 id="downloads">{t('data.downloads')}</h2>
        <div class="table-scroll">
          <table>
            <thead><tr><th scope="col">{t('data.dataset')}</th><th scope="col">{t('data.formats')}</th></tr></thead>
            <tbody>
              {DATASETS.map(([key, base]) => (
                <tr>
                  <th scope="row">{t(key)}</th>
                  <td>
                    <a href={`${base}.csv`} download aria-label={`${t(key)} (CSV)`}>CSV</a>{' · '}
                    <a href={`${base}.json`} download aria-label={`${t(key)} (JSON)`}>JSON</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="metadata">
        <h2 id="metadata">{t('data.metadata')}</h2>
        <ul>
          <li><a href="/api/public/metadata">{t('data.metadataSatuData')}</a></li>
          <li><a href="/api/public/metadata.jsonld">{t('data.metadataDcat')}</a></li>
        </ul>
      </section>
      <section aria-labelledby="api">
        <h2 id="api">{t('data.api')}</h2>
        <ul>
          <li>{t('data.apiList')}: <code>GET /api/public/cooperations?q=&amp;kind=&amp;urusan=&amp;region=&amp;cursor=</code></li>
          <li>{t('data.apiFeed')}: <code>GET /api/public/cooperations?since=2026-01-01T00:00:00Z</code></li>
          <li><a href="/api/docs">{t('data.apiDoc')}</a></li>
        </ul>
      </section>
      <section aria-labelledby="licence">
        <h2 id="licence">{t('data.licence')}</h2>
        <p>{t('data.licenceText')} <a href={licence.url} rel="license">{licence.id}</a>.</p>
      </section>
    </Layout>
  );
};
