import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { ApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { TextField } from '../../ui/Field';
import { Empty, ErrorNotice, Loading, TableScroll } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { EvaluationDetailView } from './EvaluationDetail';
import { currentSemester, evaluationsKey, fetchEvaluations, formatScore, openEvaluation, type EvaluationList } from './evaluations.api';

const PERIOD = /^\d{4}(-S[12])?$/;

/** The latest finalised score, and how it moved from the one before (in words, not only an arrow). */
const LatestScore = ({ list }: { list: EvaluationList }) => {
  const { t } = useTranslation();
  const lang = useLang();
  if (!list.latest) return <p>{t('monev.evaluations.noScore')}</p>;
  const arrow = { UP: '▲', DOWN: '▼', SAME: '▶' } as const;

  return (
    <dl className="facts">
      <dt>{t('monev.evaluations.latest')}</dt>
      <dd>
        <strong>{formatScore(list.latest.score, lang)}</strong> / 5 ({list.latest.period})
      </dd>
      <dt>{t('monev.evaluations.trend')}</dt>
      <dd>
        {list.trend && list.previous ? (
          <>
            <span aria-hidden="true">{arrow[list.trend]} </span>
            {t(`monev.evaluations.trends.${list.trend}`, { score: formatScore(list.previous.score, lang), period: list.previous.period })}
          </>
        ) : (
          t('monev.evaluations.noTrend')
        )}
      </dd>
    </dl>
  );
};

const OpenForm = ({ cooperationId, onOpened }: { cooperationId: string; onOpened: (id: string) => void }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [period, setPeriod] = useState(() => currentSemester(new Date()));
  const [error, setError] = useState<string>();
  const open = useMutation({
    mutationFn: () => openEvaluation(cooperationId, period.trim()),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: evaluationsKey(cooperationId) });
      toast(t('monev.evaluations.opened', { period: created.period }));
      onOpened(created.id);
    },
    onError: (err) => setError(err instanceof ApiError ? (err.fieldErrors.period ?? err.detail) : t('errors.unexpected')),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!PERIOD.test(period.trim())) {
      setError(t('monev.evaluations.periodInvalid'));

      return;
    }
    setError(undefined);
    open.mutate();
  };

  return (
    <form className="coop-inline" onSubmit={submit} noValidate>
      <TextField label={t('monev.evaluations.period')} hint={t('monev.evaluations.periodHint')} value={period} error={error} onChange={(e) => setPeriod(e.target.value)} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={open.isPending}>
          {t('monev.evaluations.open')}
        </button>
      </div>
    </form>
  );
};

/**
 * "Evaluasi (monev)" on the cooperation page: the latest score and trend, every evaluation of
 * every party pemda, opening a new one, and the selected evaluation with its rating form.
 */
export const EvaluationsPanel = ({ cooperationId }: { cooperationId: string }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const headingId = useId();
  const [selected, setSelected] = useState<string | null>(null);
  const list = useQuery({ queryKey: evaluationsKey(cooperationId), queryFn: () => fetchEvaluations(cooperationId) });
  const items = list.data?.items ?? [];

  return (
    <section className="panel coop-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('monev.evaluations.title')}</h2>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorNotice error={list.error} /> : null}
      {list.data ? <LatestScore list={list.data} /> : null}
      {list.data?.canOpen ? <OpenForm cooperationId={cooperationId} onOpened={setSelected} /> : null}
      {list.isSuccess && items.length === 0 ? <Empty>{t('monev.evaluations.empty')}</Empty> : null}
      {items.length > 0 ? (
        <TableScroll label={t('monev.evaluations.listCaption')}>
          <caption>{t('monev.evaluations.listCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('monev.evaluations.period')}</th>
              <th scope="col">{t('monev.evaluations.pemda')}</th>
              <th scope="col">{t('monev.evaluations.status')}</th>
              <th scope="col">{t('monev.evaluations.score')}</th>
              <th scope="col">{t('monev.evaluations.recommendation')}</th>
              <th scope="col">{t('monev.evaluations.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id} aria-current={selected === e.id ? 'true' : undefined}>
                <th scope="row">
                  {e.period}
                  {e.isFinal ? ` (${t('monev.evaluations.final')})` : ''}
                </th>
                <td>{e.tenantName}</td>
                <td>
                  {t(`monev.evaluations.statuses.${e.status}`)}
                  {e.finalisedAt ? `, ${formatDate(e.finalisedAt, lang)}` : ''}
                </td>
                <td>{e.score ? formatScore(e.score, lang) : '—'}</td>
                <td>{e.recommendation ? t(`monev.evaluations.recommendations.${e.recommendation}`) : '—'}</td>
                <td>
                  <button type="button" className="link-button" aria-expanded={selected === e.id} onClick={() => setSelected(selected === e.id ? null : e.id)}>
                    {selected === e.id ? t('monev.evaluations.hide') : t('monev.evaluations.show', { period: e.period })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </TableScroll>
      ) : null}
      {selected ? <EvaluationDetailView id={selected} /> : null}
    </section>
  );
};
