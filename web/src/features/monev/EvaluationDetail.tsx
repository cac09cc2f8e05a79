import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { ApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { SelectField, TextAreaField } from '../../ui/Field';
import { ErrorNotice, Loading, TableScroll } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { EvaluationRatingForm } from './EvaluationRatingForm';
import {
  evaluationKey,
  evaluationsKey,
  evidenceUrl,
  fetchEvaluation,
  finaliseEvaluation,
  formatScore,
  RECOMMENDATIONS,
  type EvaluationDetail,
  type Recommendation,
} from './evaluations.api';

const FinaliseForm = ({ evaluation }: { evaluation: EvaluationDetail }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [findings, setFindings] = useState('');
  const [recommendation, setRecommendation] = useState<Recommendation | ''>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => finaliseEvaluation(evaluation.id, { findings: findings.trim(), recommendation: recommendation as Recommendation }),
    onSuccess: async (done) => {
      queryClient.setQueryData(evaluationKey(done.id), done);
      await queryClient.invalidateQueries({ queryKey: evaluationsKey(evaluation.cooperationId) });
      toast(t('monev.evaluations.finalised'));
    },
    onError: (err) => setErrors(err instanceof ApiError ? { ...err.fieldErrors, form: err.detail } : { form: t('errors.unexpected') }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!findings.trim()) missing.findings = t('monev.evaluations.required');
    if (!recommendation) missing.recommendation = t('monev.evaluations.required');
    setErrors(missing);
    if (Object.keys(missing).length === 0) save.mutate();
  };

  return (
    <form className="coop-form" onSubmit={submit} noValidate aria-label={t('monev.evaluations.finaliseTitle')}>
      <h4>{t('monev.evaluations.finaliseTitle')}</h4>
      <p className="field-hint">{t('monev.evaluations.finaliseHint')}</p>
      {errors.form ? <p className="field-error" role="alert">{errors.form}</p> : null}
      <TextAreaField label={t('monev.evaluations.findings')} rows={4} value={findings} error={errors.findings} onChange={(e) => setFindings(e.target.value)} />
      <SelectField label={t('monev.evaluations.recommendation')} value={recommendation} error={errors.recommendation} onChange={(e) => setRecommendation(e.target.value as Recommendation)}>
        <option value="">{t('monev.evaluations.choose')}</option>
        {RECOMMENDATIONS.map((r) => (
          <option key={r} value={r}>
            {t(`monev.evaluations.recommendations.${r}`)}
          </option>
        ))}
      </SelectField>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('monev.evaluations.finalise')}
        </button>
      </div>
    </form>
  );
};

/** Per criterion: weight, raters and mean; then every rater's scores with notes and evidence. */
const Scores = ({ evaluation }: { evaluation: EvaluationDetail }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const nameOf = (code: string) => {
    const c = evaluation.criteria.find((x) => x.code === code);

    return c ? (lang === 'id' ? c.name.id : c.name.en) : code;
  };

  return (
    <>
      <TableScroll label={t('monev.evaluations.criteriaCaption')}>
        <caption>{t('monev.evaluations.criteriaCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('monev.evaluations.criterion')}</th>
            <th scope="col">{t('monev.evaluations.weight')}</th>
            <th scope="col">{t('monev.evaluations.raters')}</th>
            <th scope="col">{t('monev.evaluations.mean')}</th>
          </tr>
        </thead>
        <tbody>
          {evaluation.criteria.map((c) => (
            <tr key={c.code}>
              <th scope="row">{lang === 'id' ? c.name.id : c.name.en}</th>
              <td>{c.weight}%</td>
              <td>{c.raters}</td>
              <td>{c.mean === null ? '—' : formatScore(c.mean, lang)}</td>
            </tr>
          ))}
        </tbody>
      </TableScroll>
      {evaluation.ratings.length > 0 ? (
        <TableScroll label={t('monev.evaluations.ratingsCaption')}>
          <caption>{t('monev.evaluations.ratingsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('monev.evaluations.rater')}</th>
              <th scope="col">{t('monev.evaluations.criterion')}</th>
              <th scope="col">{t('monev.evaluations.rating')}</th>
              <th scope="col">{t('monev.evaluations.note')}</th>
            </tr>
          </thead>
          <tbody>
            {evaluation.ratings.map((r) => (
              <tr key={`${r.raterUserId}-${r.criterion}`}>
                <th scope="row">
                  {r.raterName} ({t(`monev.evaluations.roles.${r.raterRole}`)})
                </th>
                <td>{nameOf(r.criterion)}</td>
                <td>{r.score}</td>
                <td>
                  {r.note}
                  {r.evidence.map((f) => (
                    <a key={f.fileId} href={evidenceUrl(f.fileId)} target="_blank" rel="noreferrer">
                      {' '}
                      📎 {f.fileName}
                    </a>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </TableScroll>
      ) : null}
    </>
  );
};

/** One evaluation: its score so far, the rubric, everyone's ratings, and the forms the caller may use. */
export const EvaluationDetailView = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const headingId = useId();
  const detail = useQuery({ queryKey: evaluationKey(id), queryFn: () => fetchEvaluation(id) });
  const e = detail.data;

  return (
    <article className="coop-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('monev.evaluations.detailTitle', { period: e?.period ?? '' })}</h3>
      {detail.isPending ? <Loading /> : null}
      {detail.isError ? <ErrorNotice error={detail.error} /> : null}
      {e ? (
        <>
          <dl className="facts">
            <dt>{t('monev.evaluations.pemda')}</dt>
            <dd>{e.tenantName}</dd>
            <dt>{t('monev.evaluations.status')}</dt>
            <dd>
              {t(`monev.evaluations.statuses.${e.status}`)}
              {e.finalisedAt ? `, ${formatDate(e.finalisedAt, lang)}` : ''}
            </dd>
            <dt>{e.status === 'FINAL' ? t('monev.evaluations.score') : t('monev.evaluations.scoreSoFar')}</dt>
            <dd>{e.score ? `${formatScore(e.score, lang)} / 5` : t('monev.evaluations.notRated')}</dd>
            <dt>{t('monev.evaluations.rubricVersion')}</dt>
            <dd>{e.rubricVersion === null ? t('monev.evaluations.rubricNational') : t('monev.evaluations.rubricOwn', { version: e.rubricVersion })}</dd>
            {e.recommendation ? (
              <>
                <dt>{t('monev.evaluations.recommendation')}</dt>
                <dd>{t(`monev.evaluations.recommendations.${e.recommendation}`)}</dd>
                <dt>{t('monev.evaluations.findings')}</dt>
                <dd>{e.findings}</dd>
              </>
            ) : null}
          </dl>
          {e.status === 'FINAL' ? <p>{t('monev.evaluations.locked')}</p> : null}
          <Scores evaluation={e} />
          {e.canRate ? <EvaluationRatingForm evaluation={e} /> : null}
          {e.canFinalise ? <FinaliseForm evaluation={e} /> : null}
        </>
      ) : null}
    </article>
  );
};
