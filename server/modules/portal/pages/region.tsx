import { countsOf, hrefWith, isProvinceCode, provinceOf } from '../pages.models.js';
import type { RegionSummary } from '../pages.repository.js';
import { Layout } from './layout.js';
import { Badges, BarChart, period, RegionLink } from './parts.js';
import type { View } from './view.js';

/** A province or kabupaten/kota: what it cooperates on (kinds, urusan) and with whom (partners). */
export const RegionPage = ({ view, code, name, summary }: { view: View; code: string; name: string; summary: RegionSummary }) => {
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
                <thead><tr><th scope="col">{t('region.partner')}</th><th scope="col">{t('region.partnerType')}</th><th scope="col" class="num">{t('region.count')}</th></tr></thead>
                <tbody>
                  {summary.partners.map((p) => (
                    <tr>
                      <th scope="row">{p.regionCode ? <RegionLink view={view} code={p.regionCode} name={p.name} /> : p.name}</th>
                      <td>{t.label('partyTypes', p.type)}</td>
                      <td class="num">{t.number(p.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <div class="grid-2">
            <BarChart view={view} id="by-urusan" title={t('region.byUrusan')}
              rows={countsOf(summary.urusan).map((r) => ({ label: view.urusanName(r.key), count: r.count, href: hrefWith('/', { region: code, urusan: r.key }) }))} />
            <BarChart view={view} id="by-kind" title={t('region.byKind')}
              rows={countsOf(summary.kinds).map((r) => ({ label: t.label('kinds', r.key), count: r.count, href: hrefWith('/', { region: code, kind: r.key }) }))} />
          </div>
          {Object.keys(summary.subregions).length > 0 ? (
            <BarChart view={view} id="subregions" title={t('region.subregions')}
              rows={countsOf(summary.subregions).map((r) => ({ label: view.regionName(r.key), count: r.count, href: `/wilayah/${r.key}` }))} />
          ) : null}
          <section aria-labelledby="cooperations">
            <h2 id="cooperations">{t('region.cooperations')}</h2>
            <ul class="results">
              {summary.recent.map((c) => (
                <li class="result">
                  <h3><a href={`/kerja-sama/${c.id}`}>{c.title}</a></h3>
                  <Badges view={view} kind={c.kind} state={c.state} inactive={c.inactive} />
                  <p class="meta">{period(view, c.startDate, c.endDate)}</p>
                </li>
              ))}
            </ul>
            {summary.total > summary.recent.length ? <p><a href={hrefWith('/', { region: code })}>{t('region.showAll')}</a></p> : null}
          </section>
        </>
      )}
    </Layout>
  );
};
