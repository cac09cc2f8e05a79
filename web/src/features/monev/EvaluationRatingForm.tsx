import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { ApiError } from '../../lib/api';
import { SelectField, TextAreaField } from '../../ui/Field';
import { useToast } from '../../ui/Toast';
import {
  evaluationKey,
  evaluationsKey,
  saveRatings,
  SCORES,
  uploadFile,
  type EvaluationDetail,
  type RaterRole,
} from './evaluations.api';

type Draft = { score: number | null; note: string; evidence: { fileId: string; fileName: string }[] };
type Criterion = EvaluationDetail['criteria'][number];

/** One criterion: an accessible radio group 1–5 (or "not rated"), a note and evidence files. */
const CriterionFieldset = ({
  criterion,
  draft,
  error,
  onChange,
}: {
  criterion: Criterion;
  draft: Draft;
  error: string | undefined;
  onChange: (next: Draft) => void;
}) => {
  const { t } = useTranslation();
  const lang = useLang();
  const name = useId();
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string>();
  const label = lang === 'id' ? criterion.name.id : criterion.name.en;
  const attach = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setUploading(true);
    setUploadError(undefined);
    try {
      const stored = await uploadFile(file);
      onChange({ ...draft, evidence: [...draft.evidence, { fileId: stored.id, fileName: stored.fileName }] });
    } catch (err) {
      setUploadError(err instanceof ApiError ? err.detail : t('errors.unexpected'));
    } finally {
      setUploading(false);
      e.target.value = '';
    }
  };

  return (
    <fieldset className="coop-fieldset">
      <legend>
        {label} ({criterion.weight}%)
      </legend>
      <fieldset aria-describedby={error ? `${name}-error` : undefined}>
        <legend>{t('monev.evaluations.ratingFor', { criterion: label })}</legend>
        {SCORES.map((s) => (
          <label key={s}>
            <input type="radio" name={name} value={s} checked={draft.score === s} onChange={() => onChange({ ...draft, score: s })} /> {s}
          </label>
        ))}
        <label>
          <input type="radio" name={name} value="" checked={draft.score === null} onChange={() => onChange({ ...draft, score: null })} /> {t('monev.evaluations.notRatedOption')}
        </label>
        {error ? (
          <p id={`${name}-error`} className="field-error">
            {error}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField label={t('monev.evaluations.noteFor', { criterion: label })} rows={2} value={draft.note} onChange={(e) => onChange({ ...draft, note: e.target.value })} />
      {draft.evidence.length > 0 ? (
        <ul aria-label={t('monev.evaluations.evidenceFor', { criterion: label })}>
          {draft.evidence.map((f) => (
            <li key={f.fileId}>
              {f.fileName}{' '}
              <button type="button" className="link-button" onClick={() => onChange({ ...draft, evidence: draft.evidence.filter((x) => x.fileId !== f.fileId) })}>
                {t('monev.evaluations.removeEvidence', { name: f.fileName })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="field">
        <label htmlFor={`${name}-file`}>{t('monev.evaluations.addEvidence', { criterion: label })}</label>
        <input id={`${name}-file`} type="file" disabled={uploading} onChange={(e) => void attach(e)} />
        {uploadError ? <p className="field-error">{uploadError}</p> : null}
      </div>
    </fieldset>
  );
};

/** The caller's own ratings: the whole set is saved at once and may be changed until the evaluation is finalised. */
export const EvaluationRatingForm = ({ evaluation }: { evaluation: EvaluationDetail }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<RaterRole>(evaluation.mine.role ?? evaluation.mine.roles[0]!);
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(
      evaluation.criteria.map((c) => {
        const mine = evaluation.mine.ratings.find((r) => r.criterion === c.code);

        return [c.code, { score: mine?.score ?? null, note: mine?.note ?? '', evidence: mine?.evidence ?? [] }];
      }),
    ),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mine = evaluation.criteria.filter((c) => c.raterRoles.includes(role));
  const save = useMutation({
    mutationFn: () =>
      saveRatings(evaluation.id, {
        role,
        ratings: mine
          .filter((c) => drafts[c.code]?.score)
          .map((c) => ({ criterion: c.code, score: drafts[c.code]!.score!, note: drafts[c.code]!.note.trim(), evidenceFileIds: drafts[c.code]!.evidence.map((f) => f.fileId) })),
      }),
    onSuccess: async (saved) => {
      setErrors({});
      queryClient.setQueryData(evaluationKey(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: evaluationsKey(evaluation.cooperationId) });
      toast(t('monev.evaluations.saved'));
    },
    onError: (err) => {
      if (!(err instanceof ApiError)) {
        setErrors({ form: t('errors.unexpected') });

        return;
      }
      // Field paths name the position in the list sent: map them back to criteria.
      const sent = mine.filter((c) => drafts[c.code]?.score);
      const byCriterion: Record<string, string> = { form: err.detail };
      for (const [path, message] of Object.entries(err.fieldErrors)) {
        const index = /^ratings\.(\d+)/.exec(path)?.[1];
        const code = index === undefined ? undefined : sent[Number(index)]?.code;
        if (code) byCriterion[code] = message;
      }
      setErrors(byCriterion);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <form className="coop-form" onSubmit={submit} noValidate aria-label={t('monev.evaluations.rateTitle')}>
      <h4>{t('monev.evaluations.rateTitle')}</h4>
      <p className="field-hint">{t('monev.evaluations.rateHint')}</p>
      {errors.form ? (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      {evaluation.mine.roles.length > 1 ? (
        <SelectField label={t('monev.evaluations.rateAs')} value={role} onChange={(e) => setRole(e.target.value as RaterRole)}>
          {evaluation.mine.roles.map((r) => (
            <option key={r} value={r}>
              {t(`monev.evaluations.roles.${r}`)}
            </option>
          ))}
        </SelectField>
      ) : (
        <p>{t('monev.evaluations.ratingAs', { role: t(`monev.evaluations.roles.${role}`) })}</p>
      )}
      {mine.map((c) => (
        <CriterionFieldset key={c.code} criterion={c} draft={drafts[c.code]!} error={errors[c.code]} onChange={(next) => setDrafts((d) => ({ ...d, [c.code]: next }))} />
      ))}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('monev.evaluations.saveRatings')}
        </button>
      </div>
    </form>
  );
};
