import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/paths';
import { useLang } from '../../i18n';
import { ApiError } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { TextAreaField } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { ReportBadge, usePeriodLabel } from './ReportBadge';
import { ReportFigures } from './ReportFigures';
import { acceptReport, downloadHref, fetchReport, regenerateReport, reportKey, reportsKey, returnReport, submitReport, type ReportDetail } from './reports.api';
import './reports.css';

type Action = 'regenerate' | 'submit' | 'accept' | 'return';

/**
 * The actions the server allows on this report (its `can` flags): the compiler regenerates and
 * submits, the reviewer accepts or returns with a required comment. Every action sends the
 * version it was based on, so a change made meanwhile by someone else answers 409.
 */
const ReportActions = ({ report }: { report: ReportDetail }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const client = useQueryClient();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const run = useMutation({
    mutationFn: (action: Action) =>
      action === 'regenerate'
        ? regenerateReport(report.id, report.rowVersion)
        : action === 'submit'
          ? submitReport(report.id, report.rowVersion)
          : action === 'accept'
            ? acceptReport(report.id, report.rowVersion)
            : returnReport(report.id, report.rowVersion, comment),
    onSuccess: (updated, action) => {
      // Regenerate answers with the figures; the other actions only with the report row.
      client.setQueryData<ReportDetail>(reportKey(report.id), (old) => ({ ...(old ?? report), ...updated }));
      void client.invalidateQueries({ queryKey: reportsKey });
      setReturning(false);
      setComment('');
      toast(t(`reports.detail.done.${action}`));
    },
  });
  const error = run.error;
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  const stale = error instanceof ApiError && error.code === 'reports.report_stale';
  const { can } = report;
  if (!can.regenerate && !can.submit && !can.review) return null;
  const sendReturn = (e: FormEvent) => {
    e.preventDefault();
    run.mutate('return');
  };

  return (
    <section className="report-section" aria-labelledby="report-actions-title">
      <h2 id="report-actions-title">{t('reports.detail.actions')}</h2>
      {stale ? <ErrorNotice>{t('reports.detail.stale')}</ErrorNotice> : error && !fieldErrors.comment ? <ErrorNotice error={error} /> : null}
      <div className="button-row">
        {can.submit ? (
          <button type="button" className="button button-primary" disabled={run.isPending} onClick={() => run.mutate('submit')}>
            {t('reports.detail.submit')}
          </button>
        ) : null}
        {can.regenerate ? (
          <button type="button" className="button" disabled={run.isPending} onClick={() => run.mutate('regenerate')} aria-describedby="report-regenerate-hint">
            {t('reports.detail.regenerate')}
          </button>
        ) : null}
        {can.review ? (
          <>
            <button type="button" className="button button-primary" disabled={run.isPending} onClick={() => run.mutate('accept')}>
              {t('reports.detail.accept')}
            </button>
            <button type="button" className="button" aria-expanded={returning} aria-controls="report-return-form" disabled={run.isPending} onClick={() => setReturning(!returning)}>
              {t('reports.detail.return')}
            </button>
          </>
        ) : null}
      </div>
      {can.regenerate ? (
        <p id="report-regenerate-hint" className="field-hint">
          {t('reports.detail.regenerateHint')}
        </p>
      ) : null}
      {returning ? (
        <form id="report-return-form" onSubmit={sendReturn} noValidate>
          <TextAreaField
            label={t('reports.detail.returnComment')}
            hint={t('reports.detail.returnCommentHint')}
            required
            rows={4}
            maxLength={4000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            error={fieldErrors.comment}
          />
          <button type="submit" className="button button-primary" disabled={run.isPending}>
            {run.isPending ? t('reports.detail.working') : t('reports.detail.returnConfirm')}
          </button>
        </form>
      ) : null}
    </section>
  );
};

/** One periodic report: its status and dates, the files, the actions allowed, and the figures. */
export const ReportDetailPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const label = usePeriodLabel();
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: reportKey(id), queryFn: () => fetchReport(id) });
  const report = query.data;
  const title = report ? `${t('reports.detail.title', { period: label(report.year, report.period) })} — ${report.organization.name}` : t('reports.title');

  return (
    <>
      <p className="trail">
        <Link to={paths.reports}>{t('reports.detail.back')}</Link>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorNotice error={query.error} /> : null}
      {report ? (
        <>
          <p>
            <ReportBadge status={report.status} />
          </p>
          {report.locked ? (
            <div className="notice notice-info" role="note">
              {t('reports.detail.locked', { date: report.reviewedAt ? formatDate(report.reviewedAt, lang) : '' })}
            </div>
          ) : null}
          {report.status === 'RETURNED' && report.reviewComment ? (
            <div className="notice notice-error" role="note">
              <strong>{t('reports.detail.returned')}</strong>
              <p className="report-comment">{report.reviewComment}</p>
              {report.can.regenerate ? <p className="report-comment">{t('reports.detail.returnedHint')}</p> : null}
            </div>
          ) : null}
          <dl className="report-facts" aria-label={t('reports.detail.facts')}>
            <div>
              <dt>{t('reports.detail.recipient')}</dt>
              <dd>{t(`reports.recipients.${report.recipient}`)}</dd>
            </div>
            <div>
              <dt>{t('reports.detail.period')}</dt>
              <dd>
                {formatDate(report.periodStart, lang)} – {formatDate(report.periodEnd, lang)}
              </dd>
            </div>
            <div>
              <dt>{t('reports.detail.dueDate')}</dt>
              <dd>{formatDate(report.dueDate, lang)}</dd>
            </div>
            <div>
              <dt>{t('reports.detail.asOf')}</dt>
              <dd>{formatDate(report.figures.asOf, lang)}</dd>
            </div>
            <div>
              <dt>{t('reports.detail.generatedAt')}</dt>
              <dd>{formatDateTime(report.generatedAt, lang)}</dd>
            </div>
            <div>
              <dt>{t('reports.detail.submittedAt')}</dt>
              <dd>{report.submittedAt ? formatDateTime(report.submittedAt, lang) : t('common.none')}</dd>
            </div>
            <div>
              <dt>{t('reports.detail.reviewedAt')}</dt>
              <dd>{report.reviewedAt ? formatDateTime(report.reviewedAt, lang) : t('common.none')}</dd>
            </div>
          </dl>
          <section className="report-section report-downloads" aria-labelledby="report-downloads-title">
            <h2 id="report-downloads-title">{t('reports.detail.downloads')}</h2>
            <p>
              <a href={downloadHref(report.id, 'xlsx')} download>
                {t('reports.detail.xlsx')}
              </a>
              <a href={downloadHref(report.id, 'pdf')} download>
                {t('reports.detail.pdf')}
              </a>
            </p>
          </section>
          <ReportActions key={`${report.id}:${report.rowVersion}`} report={report} />
          <ReportFigures figures={report.figures} />
        </>
      ) : null}
    </>
  );
};
