import { KINDS, STATES } from '../../../../contracts/cooperations.js';
import { countsOf, hrefWith, isProvinceCode } from '../pages.models.js';
import type { Facets } from '../pages.repository.js';
import { Layout } from './layout.js';
import { BarChart } from './parts.js';
import type { View } from './view.js';

/** Counts of everything published by kind, urusan, province and stage, each chart with its table. */
export const StatsPage = ({ view, facets }: { view: View; facets: Facets }) => {
  const { t } = view;
  const inOrder = (counts: Record<string, number>, order: readonly string[]) => order.filter((k) => counts[k]).map((k) => ({ key: k, count: counts[k]! }));
  const provinces = Object.fromEntries(Object.entries(facets.regions).filter(([code]) => isProvinceCode(code)));

  return (
    <Layout view={view} title={t('stats.title')} description={t('stats.description')}>
      <h1>{t('stats.title')}</h1>
      <p class="lead">{t('stats.total', { count: t.number(facets.total) })}. {t('stats.inactive', { count: t.number(facets.inactive) })}.</p>
      <div class="grid-2">
        <BarChart view={view} id="by-kind" title={t('stats.byKind')}
          rows={inOrder(facets.kinds, KINDS).map((r) => ({ label: t.label('kinds', r.key), count: r.count, href: hrefWith('/', { kind: r.key }) }))} />
        <BarChart view={view} id="by-state" title={t('stats.byState')}
          rows={inOrder(facets.states, STATES).map((r) => ({ label: t.label('states', r.key), count: r.count, href: hrefWith('/', { state: r.key }) }))} />
        <BarChart view={view} id="by-urusan" title={t('stats.byUrusan')}
          rows={countsOf(facets.urusan).map((r) => ({ label: view.urusanName(r.key), count: r.count, href: hrefWith('/', { urusan: r.key }) }))} />
        <BarChart view={view} id="by-province" title={t('stats.byProvince')}
          rows={countsOf(provinces).map((r) => ({ label: view.regionName(r.key), count: r.count, href: `/wilayah/${r.key}` }))} />
      </div>
    </Layout>
  );
};
