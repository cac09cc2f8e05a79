import type { NetworkLink } from '../pages.models.js';
import { Layout } from './layout.js';
import { RegionLink } from './parts.js';
import type { View } from './view.js';

/**
 * The network page: the accessible table of region pairs is the page; the map helper's script
 * (brief M) draws into #network-map when JavaScript runs, and the table stays for screen readers.
 */
export const MapPage = ({ view, links, scripts }: { view: View; links: NetworkLink[]; scripts: string[] }) => {
  const { t } = view;

  return (
    <Layout view={view} title={t('map.title')} description={t('map.description')} scripts={scripts}>
      <h1>{t('map.title')}</h1>
      <p class="lead">{t('map.intro')}</p>
      <div id="network-map" class="network-map" role="region" aria-label={t('map.mapLabel')}
        data-network-url="/api/public/network" data-geo-url="/api/public/geo" data-lang={view.lang}>
        <noscript><p>{t('map.noScript')}</p></noscript>
      </div>
      {links.length === 0 ? <p>{t('map.none')}</p> : (
        <div class="table-scroll">
          <table id="network-table" class="stack">
            <caption>{t('map.tableCaption')}</caption>
            <thead><tr><th scope="col">{t('map.from')}</th><th scope="col">{t('map.to')}</th><th scope="col" class="num">{t('map.count')}</th><th scope="col">{t('map.kinds')}</th></tr></thead>
            <tbody>
              {links.map((l) => (
                <tr data-source={l.a} data-target={l.b}>
                  <th scope="row"><RegionLink view={view} code={l.a} /></th>
                  <td data-label={t('map.to')}><RegionLink view={view} code={l.b} /></td>
                  <td class="num" data-label={t('map.count')}>{t.number(l.count)}</td>
                  <td data-label={t('map.kinds')}>{Object.entries(l.kinds).map(([k, n]) => `${t.label('kinds', k)} (${t.number(n)})`).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
};
