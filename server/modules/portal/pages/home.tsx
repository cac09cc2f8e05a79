import { raw } from 'hono/html';
import { KINDS, STATES } from '../../../../contracts/cooperations.js';
import type { PublicCooperationList, PublicCooperationSummary, PublicCount, PublicStats } from '../../../../contracts/portal.js';
import { hrefWith, isProvinceCode, provinceOf, safeSnippet } from '../pages.models.js';
import { Layout } from './layout.js';
import { Badges, period } from './parts.js';
import type { View } from './view.js';

/** What the search form offers: the published figures and the regions with cooperations. */
export type HomeFigures = { stats: PublicStats; regions: Record<string, number> };

export type SearchFilters = { q?: string | undefined; kind?: string | undefined; urusan?: string | undefined; region?: string | undefined; state?: string | undefined };

type Option = { value: string; label: string };

const Select = ({ view, name, label, options, selected }: { view: View; name: string; label: string; options: Option[]; selected: string | undefined }) => (
  <div class="field">
    <label for={`f-${name}`}>{label}</label>
    <select id={`f-${name}`} name={name}>
      <option value="">{view.t('home.any')}</option>
      {options.map((o) => <option value={o.value} selected={o.value === selected}>{o.label}</option>)}
    </select>
  </div>
);

/** Provinces with their kabupaten/kota that have published cooperations, each province a group. */
const RegionSelect = ({ view, regions, selected }: { view: View; regions: Record<string, number>; selected: string | undefined }) => {
  const codes = Object.keys(regions).sort();
  const provinces = [...new Set(codes.map(provinceOf))];

  return (
    <div class="field">
      <label for="f-region">{view.t('home.region')}</label>
      <select id="f-region" name="region">
        <option value="">{view.t('home.any')}</option>
        {provinces.map((p) => (
          <optgroup label={view.regionName(p)}>
            <option value={p} selected={p === selected}>{view.regionName(p)}</option>
            {codes.filter((c) => !isProvinceCode(c) && provinceOf(c) === p).map((c) => (
              <option value={c} selected={c === selected}>{view.regionName(c)}</option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
};

const Result = ({ view, item }: { view: View; item: PublicCooperationSummary }) => {
  const snippet = safeSnippet(item.snippet);

  return (
    <li class="result">
      <h3><a href={`/kerja-sama/${item.id}`}>{item.title}</a></h3>
      <Badges view={view} kind={item.kind} state={item.state} inactive={item.inactive} />
      {snippet ? <p class="snippet">{raw(snippet)}</p> : null}
      <dl class="result-facts">
        <div><dt>{view.t('home.parties')}</dt><dd>{item.partyNames.join(', ')}</dd></div>
        <div><dt>{view.t('home.period')}</dt><dd>{period(view, item.startDate, item.endDate)}</dd></div>
      </dl>
    </li>
  );
};

/**
 * The search home: a plain GET form (works without JavaScript), the results with highlighted
 * snippets and a cursor link to the next page.
 */
export const HomePage = ({ view, filters, list, figures, stateFilter }: { view: View; filters: SearchFilters; list: PublicCooperationList; figures: HomeFigures; stateFilter: boolean }) => {
  const { t } = view;
  const { stats } = figures;
  /** The vocabulary's order, only the codes something is published under. */
  const present = (counts: PublicCount[], all: readonly string[]) => all.filter((code) => counts.some((c) => c.code === code));
  const urusan = stats.byUrusan.map((u) => ({ value: u.code, label: view.urusanName(u.code) })).sort((a, b) => a.label.localeCompare(b.label));
  const filtered = Object.values(filters).some(Boolean) || Boolean(view.query.cursor);

  return (
    <Layout view={view} title={t('home.title')} description={t('home.description')}>
      <h1>{t('home.title')}</h1>
      <p class="lead">{t('home.intro')} <strong>{t('home.total', { count: t.number(stats.total) })}</strong>.</p>
      <form class="search" method="get" action="/" role="search">
        <div class="field field-q">
          <label for="f-q">{t('home.searchLabel')}</label>
          <input id="f-q" type="search" name="q" value={filters.q ?? ''} placeholder={t('home.searchPlaceholder')} maxlength={200} />
        </div>
        <fieldset class="filters">
          <legend>{t('home.filters')}</legend>
          <Select view={view} name="kind" label={t('home.kind')} selected={filters.kind} options={present(stats.byKind, KINDS).map((k) => ({ value: k, label: t.label('kinds', k) }))} />
          <Select view={view} name="urusan" label={t('home.urusan')} selected={filters.urusan} options={urusan} />
          <RegionSelect view={view} regions={figures.regions} selected={filters.region} />
          {stateFilter ? (
            <Select view={view} name="state" label={t('home.state')} selected={filters.state} options={present(stats.byState, STATES).map((s) => ({ value: s, label: t.label('states', s) }))} />
          ) : null}
        </fieldset>
        <p class="actions">
          <button class="button button-primary" type="submit">{t('home.submit')}</button>
          {filtered ? <a href="/">{t('home.reset')}</a> : null}
        </p>
      </form>
      <section aria-labelledby="results-heading">
        <h2 id="results-heading">{t('home.resultsHeading')}</h2>
        {list.items.length === 0 ? <p>{t('home.none')}</p> : (
          <>
            <p class="count" role="status">{t('home.shown', { count: t.number(list.items.length) })}</p>
            <ol class="results">{list.items.map((item) => <Result view={view} item={item} />)}</ol>
          </>
        )}
        <p class="pager">
          {view.query.cursor ? <a href={hrefWith('/', filters)}>{t('home.first')}</a> : null}
          {list.nextCursor ? <a class="button" rel="next" href={hrefWith('/', { ...filters, cursor: list.nextCursor })}>{t('home.next')}</a> : null}
        </p>
      </section>
    </Layout>
  );
};
