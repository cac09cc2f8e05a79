import { KINDS, STATES } from '../../../../contracts/cooperations.js';
import type { PublicCount, PublicStats } from '../../../../contracts/portal.js';
import { hrefWith } from '../pages.models.js';
import { Layout } from './layout.js';
import { BarChart } from './parts.js';
import type { View } from './view.js';

/** Counts of everything published by kind, urusan, province and stage, each chart with its table. */
export const StatsPage = ({ view, stats, stateFilter }: { view: View; stats: PublicStats; stateFilter: boolean }) => {
  const { t } = view;
  /** Kinds and stages in the vocabulary's order (a stage sequence reads better than a ranking). */
  const inOrder = (counts: PublicCount[], order: readonly string[]) =>
    order.flatMap((k) => counts.filter((c) => c.code === k)).map((c) => ({ key: c.code, count: c.count }));

  return (
    <Layout view={view} title={t('stats.title')} description={t('stats.description')}>
      <h1>{t('stats.title')}</h1>
      <p class="lead">{t('stats.total', { count: t.number(stats.total) })}. {t('stats.inactive', { count: t.number(stats.inactive) })}.</p>
      <div class="grid-2">
        <BarChart view={view} id="by-kind" title={t('stats.byKind')}
          rows={inOrder(stats.byKind, KINDS).map((r) => ({ label: t.label('kinds', r.key), count: r.count, href: hrefWith('/', { kind: r.key }) }))} />
        <BarChart view={view} id="by-state" title={t('stats.byState')}
          rows={inOrder(stats.byState, STATES).map((r) => ({ label: t.label('states', r.key), count: r.count, href: stateFilter ? hrefWith('/', { state: r.key }) : undefined }))} />
        <BarChart view={view} id="by-urusan" title={t('stats.byUrusan')}
          rows={stats.byUrusan.map((r) => ({ label: view.urusanName(r.code), count: r.count, href: hrefWith('/', { urusan: r.code }) }))} />
        <BarChart view={view} id="by-province" title={t('stats.byProvince')}
          rows={stats.byProvince.map((r) => ({ label: r.name, count: r.count, href: `/wilayah/${r.code}` }))} />
      </div>
    </Layout>
  );
};
