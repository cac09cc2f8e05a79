import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { mappingCyclePath } from '../../app/paths';
import { useLang } from '../../i18n';
import { ApiError } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { answerKey, cycleKey, fetchAnswer, saveAnswer, type Answer, type Answers, type Section } from './mapping.api';
import { QuestionInput, type Value } from './QuestionInput';
import { ReviewPanel } from './ReviewPanel';
import { AnswerStatus } from './StageStepper';
import './mapping.css';

type Item = Record<string, Value>;

/** The server's message for a question, or for one of its values (an unknown code in a list). */
const errorAt = (errors: Record<string, string>, path: string) => errors[path] ?? Object.entries(errors).find(([k]) => k.startsWith(`${path}.`))?.[1];

const SectionFields = ({ section: s, value, onChange, errors, disabled }: { section: Section; value: Answers[string] | undefined; onChange: (v: Item | Item[]) => void; errors: Record<string, string>; disabled: boolean }) => {
  const { t } = useTranslation();
  const fields = (item: Item, base: string, set: (next: Item) => void) =>
    s.questions.map((q) => <QuestionInput key={q.id} question={q} value={item[q.id]} onChange={(v) => set({ ...item, [q.id]: v })} error={errorAt(errors, `${base}.${q.id}`)} disabled={disabled} />);
  const base = `answers.${s.id}`;
  if (!s.repeatable) {
    const item = (value && !Array.isArray(value) ? value : {}) as Item;

    return (
      <fieldset className="mapping-section">
        <legend>{s.title}</legend>
        {s.description ? <p className="field-hint">{s.description}</p> : null}
        {fields(item, base, onChange)}
      </fieldset>
    );
  }
  const items = (Array.isArray(value) ? value : []) as Item[];

  return (
    <fieldset className="mapping-section">
      <legend>{s.title}</legend>
      {s.description ? <p className="field-hint">{s.description}</p> : null}
      {errors[base] ? <p className="field-error">{errors[base]}</p> : null}
      {items.map((item, i) => (
        <div key={i} className="mapping-item" role="group" aria-label={t('mapping.answer.item', { section: s.title, n: i + 1 })}>
          <h3>{t('mapping.answer.item', { section: s.title, n: i + 1 })}</h3>
          {fields(item, `${base}.${i}`, (next) => onChange(items.map((x, k) => (k === i ? next : x))))}
          {disabled ? null : (
            <button type="button" className="button button-small" onClick={() => onChange(items.filter((_x, k) => k !== i))}>
              {t('mapping.answer.removeItem', { n: i + 1 })}
            </button>
          )}
        </div>
      ))}
      {disabled ? null : (
        <button type="button" className="button button-small" onClick={() => onChange([...items, {}])}>
          {t('mapping.answer.addItem', { section: s.title })}
        </button>
      )}
    </fieldset>
  );
};

const AnswerForm = ({ answer: a }: { answer: Answer }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const client = useQueryClient();
  const [answers, setAnswers] = useState<Answers>(a.answers);
  useEffect(() => setAnswers(a.answers), [a.answers]);
  const save = useMutation({
    mutationFn: (submit: boolean) => saveAnswer(a.cycleId, a.orgId, { answers, submit, expectedVersion: a.rowVersion }),
    onSuccess: (next, submit) => {
      client.setQueryData(answerKey(a.cycleId, a.orgId), next);
      void client.invalidateQueries({ queryKey: cycleKey(a.cycleId) });
      toast(submit ? t('mapping.answer.submitted') : t('mapping.answer.saved'));
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(true);
      }}
      noValidate
    >
      {a.questionnaire.definition.sections.map((s) => (
        <SectionFields key={s.id} section={s} value={answers[s.id]} onChange={(v) => setAnswers({ ...answers, [s.id]: v })} errors={errors} disabled={!a.canEdit} />
      ))}
      {save.isError ? <ErrorNotice error={save.error} /> : null}
      {a.canEdit ? (
        <div className="button-row">
          <button type="button" className="button" onClick={() => save.mutate(false)} disabled={save.isPending}>
            {t('mapping.answer.saveDraft')}
          </button>
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {t('mapping.answer.submit')}
          </button>
        </div>
      ) : null}
    </form>
  );
};

/** An OPD's answer in a cycle: the liaison drafts and submits it; the TKKSD accepts or returns it; everyone sees its history. */
export const AnswerPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = '', orgId = '' } = useParams();
  const q = useQuery({ queryKey: answerKey(id, orgId), queryFn: () => fetchAnswer(id, orgId) });
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} />;
  const a = q.data;
  const title = t('mapping.answer.title', { name: a.orgName, year: a.cycleYear });

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        <Link to={mappingCyclePath(a.cycleId)}>{t('mapping.answer.backToCycle', { year: a.cycleYear })}</Link>
      </p>
      <p>
        <AnswerStatus status={a.status} /> {a.late ? <span className="mapping-late">{t('mapping.late')}</span> : null} · {t('mapping.deadline', { date: formatDate(a.deadline, lang) })}
        {a.revision ? ` · ${t('mapping.revision', { revision: a.revision })}` : ''}
      </p>
      {a.status === 'RETURNED' && a.reviewComment ? (
        <div className="mapping-comment" role="note">
          <strong>{t('mapping.answer.returnedBy', { name: a.reviewedByName ?? '' })}</strong> {a.reviewComment}
        </div>
      ) : null}
      {a.late && a.canEdit ? <p className="mapping-late">{t('mapping.answer.lateHint')}</p> : null}
      <p className="field-hint">{t('mapping.answer.questionnaire', { title: a.questionnaire.title, version: a.questionnaire.version })}</p>
      <AnswerForm answer={a} />
      <ReviewPanel answer={a} />
      <h2>{t('mapping.answer.history')}</h2>
      {a.history.length === 0 ? (
        <p>{t('mapping.answer.noHistory')}</p>
      ) : (
        <ol>
          {a.history.map((e, i) => (
            <li key={i}>
              {formatDateTime(e.at, lang)} — {t(`mapping.answer.events.${e.action}`)} · {e.actorName}
              {e.comment ? `: ${e.comment}` : ''}
            </li>
          ))}
        </ol>
      )}
    </>
  );
};
