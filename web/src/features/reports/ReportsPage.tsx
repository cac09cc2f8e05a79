import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { reportPath } from '../../app/paths';
import { useLang } from '../../i18n';
import { ApiError } from '../../lib/api';
import { formatDate, formatNumber } from '../../lib/format';
import { SelectField } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { Empty, ErrorNotice, Loading, TableScroll } from '../../ui/Status';
import { useCan, useSession } from '../auth/session';
import { ReportBadge, usePeriodLabel } from './ReportBadge';
import {
  createReport,
  fetchCompliance,
  fetchReports,
  fetchRules,
  periodEnd,
  periodsAllowed,
  REPORT_PERIODS,
  REPORT_STATUSES,
  reportsKey,
  type ReportFilter,
  type ReportPeriod,
  type ReportStatus,
} from './reports.api';
import './reports.css';

/** The years offered in pickers: this year and the four before it (reports are not made ahead). */
const yearsUpTo = (today: string) => {
  const year = Number(today.slice(0, 4));

  return [0, 1, 2, 3, 4].map((n) => year - n);
};

/** Today in WIB as the browser sees it; only used to pre-select pickers, the server decides. */
const todayWib = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** The latest period that has ended by today among those allowed (the natural default to report on). */
export const latestEndedPeriod = (today: string, allowed: readonly ReportPeriod[]): { year: number; period: ReportPeriod } | null => {
  for (const year of yearsUpTo(today))
    for (const period of ['SEMESTER_2', 'YEARLY', 'SEMESTER_1'] as const) if (allowed.includes(period) && periodEnd(year, period) < today) return { year, period };

  return null;
};

const filterFromSearch = (search: URLSearchParams): ReportFilter => {
  const year = Number(search.get('tahun'));
  const period = search.get('periode') as ReportPeriod | null;
  const status = search.get('status') as ReportStatus | null;

  return {
    year: Number.isInteger(year) && year >= 2000 ? year : undefined,
    period: period && REPORT_PERIODS.includes(period) ? period : undefined,
    status: status && REPORT_STATUSES.includes(status) ? status : undefined,
  };
};

const searchFromFilter = (f: ReportFilter) =>
  new URLSearchParams([...(f.year ? [['tahun', String(f.year)]] : []), ...(f.period ? [['periode', f.period]] : []), ...(f.status ? [['status', f.status]] : [])]);

/** "Buat laporan": the pemda's (or the GWPP's province) report of a period that has ended. */
const CreateReportForm = ({ today, allowed }: { today: string; allowed: ReportPeriod[] }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const initial = latestEndedPeriod(today, allowed);
  const [year, setYear] = useState<string>('');
  const [period, setPeriod] = useState<string>('');
  const chosenYear = year || String(initial?.year ?? '');
  const chosenPeriod = period || initial?.period || '';
  const run = useMutation({
    mutationFn: () => createReport({ year: Number(chosenYear), period: chosenPeriod as ReportPeriod }),
    onSuccess: (report) => {
      void client.invalidateQueries({ queryKey: reportsKey });
      void navigate(reportPath(report.id));
    },
  });
  const fieldErrors = run.error instanceof ApiError ? run.error.fieldErrors : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate();
  };

  return (
    <section className="report-section" aria-labelledby="report-create-title">
      <h2 id="report-create-title">{t('reports.create.title')}</h2>
      <p className="field-hint">{t('reports.create.hint')}</p>
      {run.isError ? <ErrorNotice error={run.error} /> : null}
      {fieldErrors.organizationId ? <ErrorNotice>{fieldErrors.organizationId}</ErrorNotice> : null}
      <form className="report-form" onSubmit={submit} noValidate>
        <SelectField label={t('reports.create.year')} value={chosenYear} onChange={(e) => setYear(e.target.value)} error={fieldErrors.year}>
          {yearsUpTo(today).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('reports.create.period')} value={chosenPeriod} onChange={(e) => setPeriod(e.target.value)} error={fieldErrors.period}>
          {chosenPeriod ? null : <option value="">{t('reports.create.choose')}</option>}
          {allowed.map((p) => (
            <option key={p} value={p}>
              {t(`reports.periods.${p}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button-primary" disabled={run.isPending || !chosenPeriod}>
          {run.isPending ? t('reports.create.working') : t('reports.create.submit')}
        </button>
      </form>
    </section>
  );
};

/** "Kepatuhan pelaporan": who has and has not reported, for the GWPP (its province) and Kemendagri. */
const ComplianceSection = ({ today }: { today: string }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const label = usePeriodLabel();
  const initial = latestEndedPeriod(today, REPORT_PERIODS) ?? { year: Number(today.slice(0, 4)), period: 'SEMESTER_1' as const };
  const [draft, setDraft] = useState({ year: String(initial.year), period: initial.period as ReportPeriod });
  const [shown, setShown] = useState(draft);
  const compliance = useQuery({ queryKey: ['reports', 'compliance', shown.year, shown.period], queryFn: () => fetchCompliance(Number(shown.year), shown.period), placeholderData: keepPreviousData });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShown(draft);
  };
  const data = compliance.data;

  return (
    <section className="report-section" aria-labelledby="report-compliance-title">
      <h2 id="report-compliance-title">{t('reports.compliance.title')}</h2>
      <p className="field-hint">{t('reports.compliance.lead')}</p>
      <form className="report-form" onSubmit={submit}>
        <SelectField label={t('reports.list.year')} value={draft.year} onChange={(e) => setDraft({ ...draft, year: e.target.value })}>
          {yearsUpTo(today).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('reports.list.period')} value={draft.period} onChange={(e) => setDraft({ ...draft, period: e.target.value as ReportPeriod })}>
          {REPORT_PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`reports.periods.${p}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button">
          {t('reports.compliance.show')}
        </button>
      </form>
      {compliance.isPending ? <Loading /> : null}
      {compliance.isError ? <ErrorNotice error={compliance.error} /> : null}
      {data && data.items.length === 0 ? <Empty>{t('reports.compliance.empty')}</Empty> : null}
      {data && data.items.length > 0 ? (
        <>
          <p className="result-count" aria-live="polite">
            {data.missing > 0 ? t('reports.compliance.missing', { count: data.missing, formatted: formatNumber(data.missing, lang) }) : t('reports.compliance.allReported')}
          </p>
          <TableScroll label={t('reports.compliance.caption', { period: label(data.year, data.period) })}>
            <caption>{t('reports.compliance.caption', { period: label(data.year, data.period) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.list.organization')}</th>
                <th scope="col">{t('reports.compliance.reportStatus')}</th>
                <th scope="col">{t('reports.compliance.reported')}</th>
                <th scope="col">{t('reports.compliance.level')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((row) => (
                <tr key={row.tenantId}>
                  <th scope="row">{row.reportId ? <Link to={reportPath(row.reportId)}>{row.name}</Link> : row.name}</th>
                  <td>{row.status ? <ReportBadge status={row.status} /> : t('reports.compliance.none')}</td>
                  <td>{row.reported ? t('common.yes') : t('common.no')}</td>
                  <td>{t(`reports.levels.${row.level}`)}</td>
                </tr>
              ))}
            </tbody>
          </TableScroll>
        </>
      ) : null}
    </section>
  );
};

/** The filter of the list: year, period and status, kept in the address so it can be shared. */
const ListFilter = ({ initial, years, onApply }: { initial: ReportFilter; years: number[]; onApply: (f: ReportFilter) => void }) => {
  const { t } = useTranslation();
  const [f, setF] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(f);
  };

  return (
    <form className="report-form" onSubmit={submit} aria-label={t('reports.list.filter')}>
      <SelectField label={t('reports.list.year')} value={f.year ?? ''} onChange={(e) => setF({ ...f, year: e.target.value ? Number(e.target.value) : undefined })}>
        <option value="">{t('reports.list.all')}</option>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('reports.list.period')} value={f.period ?? ''} onChange={(e) => setF({ ...f, period: (e.target.value || undefined) as ReportPeriod | undefined })}>
        <option value="">{t('reports.list.all')}</option>
        {REPORT_PERIODS.map((p) => (
          <option key={p} value={p}>
            {t(`reports.periods.${p}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('reports.list.status')} value={f.status ?? ''} onChange={(e) => setF({ ...f, status: (e.target.value || undefined) as ReportStatus | undefined })}>
        <option value="">{t('reports.list.all')}</option>
        {REPORT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`reports.statuses.${s}`)}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button">
        {t('reports.list.apply')}
      </button>
    </form>
  );
};

/**
 * "Laporan berkala": the reports the user may see with their status, a form to create one for
 * those who compile reports, and the compliance view for reviewers (GWPP, Kemendagri).
 */
export const ReportsPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const label = usePeriodLabel();
  const [search, setSearch] = useSearchParams();
  const filter = filterFromSearch(search);
  const key = searchFromFilter(filter).toString();
  const me = useSession();
  // The server's day and the rule pack's periods; the browser's clock only if that call fails.
  const rules = useQuery({ queryKey: ['reports', 'rules', me.organization.tenantId], queryFn: () => fetchRules(me.organization.tenantId) });
  const today = rules.data?.today ?? todayWib();
  const ready = !rules.isPending;
  const list = useQuery({ queryKey: [...reportsKey, 'list', key], queryFn: () => fetchReports(filter), placeholderData: keepPreviousData });
  const rows = list.data?.items ?? [];

  return (
    <>
      <PageTitle title={t('reports.title')}>{t('reports.title')}</PageTitle>
      <p className="lead">{t('reports.lead')}</p>
      {can('report.submit') && ready ? <CreateReportForm today={today} allowed={periodsAllowed(rules.data?.effective)} /> : null}
      <section className="report-section" aria-labelledby="report-list-title">
        <h2 id="report-list-title">{t('reports.list.title')}</h2>
        <ListFilter key={key} initial={filter} years={yearsUpTo(today)} onApply={(f) => setSearch(searchFromFilter(f))} />
        {list.isPending ? <Loading /> : null}
        {list.isError ? <ErrorNotice error={list.error} /> : null}
        {list.isSuccess && rows.length === 0 ? <Empty>{t('reports.list.empty')}</Empty> : null}
        {rows.length > 0 ? (
          <TableScroll label={t('reports.list.caption')}>
            <caption>{t('reports.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.list.period')}</th>
                <th scope="col">{t('reports.list.status')}</th>
                <th scope="col">{t('reports.list.organization')}</th>
                <th scope="col">{t('reports.list.dueDate')}</th>
                <th scope="col">{t('reports.list.submittedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={reportPath(r.id)} aria-label={t('reports.list.open', { period: label(r.year, r.period), name: r.organization.name })}>
                      {label(r.year, r.period)}
                    </Link>
                  </th>
                  <td>
                    <ReportBadge status={r.status} />
                  </td>
                  <td>{r.organization.name}</td>
                  <td>{formatDate(r.dueDate, lang)}</td>
                  <td>{r.submittedAt ? formatDate(r.submittedAt, lang) : t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </TableScroll>
        ) : null}
      </section>
      {can('report.review') && ready ? <ComplianceSection today={today} /> : null}
    </>
  );
};
