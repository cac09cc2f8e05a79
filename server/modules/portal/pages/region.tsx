import type { PublicRegionSummary } from '../../../../contracts/portal.js';
import { countsOf, hrefWith, isProvinceCode, provinceOf } from '../pages.models.js';
import { Layout } from './layout.js';
import { Badges, BarChart, period, RegionLink } from './parts.js';
import type { View } from './view.js';

/**
 * A province or kabupaten/kota: what it cooperates on (kinds, urusan) and with whom (partners);
 * a province also lists its kabupaten/kota that have published cooperations.
 */
export const RegionPage = (props: { view: View; code: string; name: string; summary: PublicRegionSummary; subregions: Record<string, number> }) => {
  const { view, code, name, summary, subregions } = props;
  const { t } = view;
  const province = isProvinceCode(code) ? null : provinceOf(code);

  return (
    <Layout view={view} title={t('region.title', { name })} description={t('region.description', { name })}>
      <nav aria-label={t('site.breadcrumb')} class="breadcrumb">
        <a href="/statistik">{t('site.navStats')}</a>
        {province ? <> › <RegionLink view={view} code={province} /></> : null} › <span>{name}</span>
      </nav>
      <h1>{t('region.title', { name })}</h1>
      {summary.total === 0 ? <p>{t('region.none')}</p> : (
        <>
          <p class="lead">{t('region.intro', { count: t.number(summary.total), name })} <a href={hrefWith('/', { region: code })}>{t('region.showAll')}</a></p>
          <section aria-labelledby="partners">
            <h2 id="partners">{t('region.partners')}</h2>
            <div class="table-scroll">
              <table>
                <thead><tr><th scope="col">{t('region.partner')}</th><th scope="col" class="num">{t('region.count')}</th></tr></thead>
                <tbody>
                  {summary.partners.map((p) => (
                    <tr>
                      <th scope="row">{p.name}</th>
                      <td class="num">{t.number(p.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <div class="grid-2">
            <BarChart view={view} id="by-urusan" title={t('region.byUrusan')}
              rows={summary.byUrusan.map((r) => ({ label: view.urusanName(r.code), count: r.count, href: hrefWith('/', { region: code, urusan: r.code }) }))} />
            <BarChart view={view} id="by-kind" title={t('region.byKind')}
              rows={summary.byKind.map((r) => ({ label: t.label('kinds', r.code), count: r.count, href: hrefWith('/', { region: code, kind: r.code }) }))} />
          </div>
          {Object.keys(subregions).length > 0 ? (
            <BarChart view={view} id="subregions" title={t('region.subregions')}
              rows={countsOf(subregions).map((r) => ({ label: view.regionName(r.key), count: r.count, href: `/wilayah/${r.key}` }))} />
          ) : null}
          <section aria-labelledby="cooperations">
            <h2 id="cooperations">{t('region.cooperations')}</h2>
            <ul class="results">
              {summary.cooperations.map((c) => (
                <li class="result">
                  <h3><a href={`/kerja-sama/${c.id}`}>{c.title}</a></h3>
                  <Badges view={view} kind={c.kind} state={c.state} inactive={c.inactive} />
                  <p class="meta">{period(view, c.startDate, c.endDate)}</p>
                </li>
              ))}
            </ul>
            {summary.total > summary.cooperations.length ? <p><a href={hrefWith('/', { region: code })}>{t('region.showAll')}</a></p> : null}
          </section>
        </>
      )}
    </Layout>
  );
};
