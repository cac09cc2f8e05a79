import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { cooperationPath } from '../../app/paths';
import { useLang } from '../../i18n';
import { formatDate, formatNumber, formatRupiah } from '../../lib/format';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorNotice, Loading, TableScroll } from '../../ui/Status';
import { ChartCard, type ChartRow } from './ChartCard';
import { dashboardKey, fetchDashboard, type Bucket, type Dashboard, type DashboardLevel, type ScopeChoice } from './dashboards.api';
import { fileSlug } from './exports';
import './dashboards.css';

const LEVELS: readonly DashboardLevel[] = ['pemda', 'province', 'nation'];

/** The scope in the address (?cakupan=province&wilayah=63), so a dashboard can be bookmarked and shared. */
const useScopeParam = (): [ScopeChoice | null, (c: ScopeChoice) => void] => {
  const [params, setParams] = useSearchParams();
  const level = params.get('cakupan');
  const region = params.get('wilayah') ?? undefined;
  const choice = LEVELS.includes(level as DashboardLevel) ? { level: level as DashboardLevel, region: level === 'nation' ? undefined : region } : null;

  return [choice, (c) => setParams(c.level === 'nation' ? { cakupan: 'nation' } : { cakupan: c.level, wilayah: c.region ?? '' })];
};

const encode = (c: ScopeChoice) => (c.level === 'nation' ? 'nation' : `${c.level}:${c.region ?? ''}`);
const decode = (v: string): ScopeChoice => {
  const [level, region] = v.split(':') as [DashboardLevel, string | undefined];

  return { level, region };
};

const ScopeSwitcher = ({ data, onChange }: { data: Dashboard; onChange: (c: ScopeChoice) => void }) => {
  const { t } = useTranslation();
  const id = useId();
  const { choices, scope } = data;
  const current = encode({ level: scope.level, region: scope.region ?? undefined });
  const options: { value: string; label: string; group: 'nation' | 'province' | 'pemda' }[] = [
    ...(choices.nation ? [{ value: 'nation', label: t('dashboards.nation'), group: 'nation' as const }] : []),
    ...choices.provinces.map((p) => ({ value: `province:${p.code}`, label: t('dashboards.provinceOf', { name: p.name }), group: 'province' as const })),
    ...choices.pemda.map((p) => ({ value: `pemda:${p.code}`, label: p.name, group: 'pemda' as const })),
  ];
  if (!options.some((o) => o.value === current)) options.push({ value: current, label: scope.name ?? current, group: scope.level });
  if (options.length < 2) return null;
  const group = (g: 'nation' | 'province' | 'pemda') => options.filter((o) => o.group === g);

  return (
    <div className="field dash-scope">
      <label htmlFor={id}>{t('dashboards.scope')}</label>
      <select id={id} value={current} onChange={(e) => onChange(decode(e.target.value))}>
        {group('nation').map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {(['province', 'pemda'] as const).map((g) =>
          group(g).length ? (
            <optgroup key={g} label={t(`dashboards.levels.${g}`)}>
              {group(g).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ) : null,
        )}
      </select>
    </div>
  );
};

const Tile = ({ label, value, hint, wide = false }: { label: string; value: string; hint?: string | undefined; wide?: boolean }) => (
  <div className={wide ? 'dash-tile dash-tile-wide' : 'dash-tile'}>
    <dt>{label}</dt>
    <dd>
      <span className="dash-tile-value">{value}</span>
      {hint ? <span className="dash-tile-hint">{hint}</span> : null}
    </dd>
  </div>
);

const percent = (part: number, whole: number, lang: 'id' | 'en') => (whole > 0 ? `${formatNumber((part / whole) * 100, lang, 1)}%` : '–');

const KeyFigures = ({ data }: { data: Dashboard }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const f = data.figures;
  const n = (v: number) => formatNumber(v, lang);
  const budget = Number(f.budget);

  return (
    <section className="panel" aria-labelledby="dash-figures">
      <h2 id="dash-figures">{t('dashboards.figures')}</h2>
      <dl className="dash-tiles">
        <Tile label={t('dashboards.total')} value={n(f.total)} />
        <Tile label={t('dashboards.inForce')} value={n(f.inForce)} />
        <Tile label={t('dashboards.inProcess')} value={n(f.inProcess)} />
        <Tile label={t('dashboards.ended')} value={n(f.ended)} />
        <Tile label={t('dashboards.dormant')} value={n(f.dormant)} hint={t('dashboards.dormantHint')} />
        <Tile label={t('dashboards.expiring', { days: data.expiringWithinDays })} value={n(f.expiring)} />
        <Tile label={t('dashboards.meanProgress')} value={f.meanProgress === null ? '–' : `${formatNumber(f.meanProgress, lang, 1)}%`} hint={t('dashboards.meanProgressHint')} />
        <Tile
          wide
          label={t('dashboards.realisation')}
          value={formatRupiah(f.realisation)}
          hint={t('dashboards.ofBudget', { budget: formatRupiah(f.budget), percent: percent(Number(f.realisation), budget, lang) })}
        />
        <Tile
          label={t('dashboards.indicators')}
          value={`${n(f.indicatorsAchieved)} / ${n(f.indicators)}`}
          hint={t('dashboards.indicatorsHint', { percent: percent(f.indicatorsAchieved, f.indicators, lang) })}
        />
      </dl>
    </section>
  );
};

const CooperationList = ({ title, dateHeader, items, empty }: { title: string; dateHeader: string; items: Dashboard['expiringSoon']; empty: string }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId();

  return (
    <section className="panel dash-list" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? (
        <p className="status status-empty">{empty}</p>
      ) : (
        <TableScroll label={title}>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboards.cooperation')}</th>
              <th scope="col">{dateHeader}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={cooperationPath(c.id)}>{c.title}</Link>
                  <span className="code dash-code">{c.code}</span>
                </th>
                <td>{formatDate(c.date, lang)}</td>
              </tr>
            ))}
          </tbody>
        </TableScroll>
      )}
    </section>
  );
};

/** The dashboard of a pemda, a province or the nation. */
export const DashboardPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const [choice, setChoice] = useScopeParam();
  const query = useQuery({ queryKey: dashboardKey(choice), queryFn: () => fetchDashboard(choice), placeholderData: (previous) => previous });
  const data = query.data;
  const title = t('dashboards.title');
  const scopeName = data ? (data.scope.level === 'nation' ? t('dashboards.nation') : data.scope.level === 'province' ? t('dashboards.provinceOf', { name: data.scope.name ?? '' }) : (data.scope.name ?? '')) : '';
  const scopeSlug = data ? fileSlug(data.scope.level === 'nation' ? 'nasional' : (data.scope.region ?? data.scope.level)) : '';
  const rows = (buckets: readonly Bucket[], label: (b: Bucket) => string): ChartRow[] => buckets.map((b) => ({ key: b.key, label: label(b), count: b.count }));

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorNotice error={query.error} /> : null}
      {data ? (
        <div className="dash" aria-busy={query.isFetching}>
          <div className="dash-head">
            <p className="lead">
              <strong>{scopeName}</strong> · {t('dashboards.asOf', { date: formatDate(data.today, lang) })}
            </p>
            <ScopeSwitcher data={data} onChange={setChoice} />
          </div>
          <KeyFigures data={data} />
          <div className="dash-grid">
            <ChartCard
              title={t('dashboards.byUrusan')}
              category={t('dashboards.urusan')}
              rows={data.byUrusan.map((b) => ({ key: b.key, label: b.name ? `${b.key} ${b.name}` : b.key, count: b.count }))}
              horizontal
              note={t('dashboards.byUrusanNote')}
              scopeSlug={scopeSlug}
            />
            <ChartCard title={t('dashboards.byKind')} category={t('dashboards.kind')} rows={rows(data.byKind, (b) => t(`cooperations.kinds.${b.key}`))} horizontal scopeSlug={scopeSlug} />
            <ChartCard title={t('dashboards.byState')} category={t('dashboards.state')} rows={rows(data.byState, (b) => t(`cooperations.states.${b.key}`))} horizontal scopeSlug={scopeSlug} />
            <ChartCard title={t('dashboards.byYear')} category={t('dashboards.year')} rows={rows(data.byYear, (b) => b.key)} note={t('dashboards.byYearNote')} scopeSlug={scopeSlug} />
          </div>
          <div className="dash-grid">
            <CooperationList title={t('dashboards.expiringSoon', { days: data.expiringWithinDays })} dateHeader={t('dashboards.endDate')} items={data.expiringSoon} empty={t('dashboards.noneExpiring')} />
            <CooperationList title={t('dashboards.longestDormant')} dateHeader={t('dashboards.lastMonitored')} items={data.longestDormant} empty={t('dashboards.noneDormant')} />
          </div>
        </div>
      ) : null}
    </>
  );
};
