import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { questionnairePath } from '../../app/paths';
import { useLang } from '../../i18n';
import { ApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { TextAreaField, TextField } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { fetchQuestionnaire, questionnaireKey, saveQuestionnaire, type Definition, type Question, type Questionnaire, type Section } from './mapping.api';
import { QuestionEditor } from './QuestionEditor';
import './mapping.css';

const move = <T,>(list: T[], i: number, by: -1 | 1) => {
  const j = i + by;
  if (j < 0 || j >= list.length) return list;
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];

  return out;
};

const SectionEditor = ({ section: s, onChange, onMove, onRemove, errors, base }: { section: Section; onChange: (s: Section) => void; onMove: (by: -1 | 1) => void; onRemove: () => void; errors: Record<string, string>; base: string }) => {
  const { t } = useTranslation();
  const setQuestions = (questions: Question[]) => onChange({ ...s, questions });

  return (
    <fieldset className="mapping-section">
      <legend>{s.title || s.id}</legend>
      <TextField label={t('mapping.builder.sectionTitle')} value={s.title} onChange={(e) => onChange({ ...s, title: e.target.value })} error={errors[`${base}.title`]} required />
      <TextField label={t('mapping.builder.key')} hint={t('mapping.builder.keyHint')} value={s.id} onChange={(e) => onChange({ ...s, id: e.target.value })} error={errors[`${base}.id`]} required />
      <div className="field">
        <label>
          <input
            type="checkbox"
            checked={s.repeatable}
            onChange={(e) => {
              const { itemKind: _k, maxItems: _m, ...rest } = s;
              onChange({ ...rest, repeatable: e.target.checked });
            }}
          />{' '}
          {t('mapping.builder.repeatable')}
        </label>
      </div>
      {s.questions.map((q, i) => (
        <QuestionEditor
          key={i}
          question={q}
          base={`${base}.questions.${i}`}
          errors={errors}
          onChange={(next) => setQuestions(s.questions.map((x, k) => (k === i ? next : x)))}
          onMove={(by) => setQuestions(move(s.questions, i, by))}
          onRemove={() => setQuestions(s.questions.filter((_x, k) => k !== i))}
        />
      ))}
      <div className="button-row">
        <button type="button" className="button button-small" onClick={() => setQuestions([...s.questions, { id: `q${s.questions.length + 1}`, type: 'TEXT', label: '', required: false }])}>
          {t('mapping.builder.addQuestion')}
        </button>
        <button type="button" className="button button-small" onClick={() => onMove(-1)}>
          {t('mapping.builder.up')}
        </button>
        <button type="button" className="button button-small" onClick={() => onMove(1)}>
          {t('mapping.builder.down')}
        </button>
        <button type="button" className="button button-small button-danger" onClick={onRemove}>
          {t('mapping.builder.removeSection')}
        </button>
      </div>
    </fieldset>
  );
};

const Builder = ({ questionnaire: q }: { questionnaire: Questionnaire }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [title, setTitle] = useState(q.title);
  const [description, setDescription] = useState(q.description ?? '');
  const [definition, setDefinition] = useState<Definition>(q.definition);
  useEffect(() => setDefinition(q.definition), [q.definition]);
  const save = useMutation({
    mutationFn: () => saveQuestionnaire(q.id, { title, description: description || null, definition, expectedVersion: q.rowVersion }),
    onSuccess: (next) => {
      client.setQueryData(questionnaireKey(next.id), next);
      toast(next.id === q.id ? t('mapping.builder.saved') : t('mapping.builder.newVersion', { version: next.version }));
      if (next.id !== q.id) void navigate(questionnairePath(next.id));
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const sections = definition.sections;
  const setSections = (next: Section[]) => setDefinition({ ...definition, sections: next });

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <TextField label={t('mapping.builder.title')} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} required />
      <TextAreaField label={t('mapping.builder.description')} value={description} onChange={(e) => setDescription(e.target.value)} rows={2} />
      {sections.map((s, i) => (
        <SectionEditor
          key={i}
          section={s}
          base={`definition.sections.${i}`}
          errors={errors}
          onChange={(next) => setSections(sections.map((x, k) => (k === i ? next : x)))}
          onMove={(by) => setSections(move(sections, i, by))}
          onRemove={() => setSections(sections.filter((_x, k) => k !== i))}
        />
      ))}
      <button type="button" className="button" onClick={() => setSections([...sections, { id: `bagian${sections.length + 1}`, title: '', repeatable: false, questions: [{ id: 'q1', type: 'TEXT', label: '', required: false }] }])}>
        {t('mapping.builder.addSection')}
      </button>
      {save.isError ? <ErrorNotice error={save.error} /> : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {q.frozen ? t('mapping.builder.saveAsVersion', { version: q.version + 1 }) : t('common.save')}
        </button>
      </div>
    </form>
  );
};

/** The questionnaire builder: sections and questions of a version; an answered version is frozen and saving makes the next one. */
export const QuestionnaireBuilderPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: questionnaireKey(id), queryFn: () => fetchQuestionnaire(id) });
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} />;
  const x = q.data;
  const title = t('mapping.builder.pageTitle', { title: x.title, version: x.version });

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      {x.frozen ? <p role="note">{t('mapping.builder.frozen', { count: x.answerCount })}</p> : null}
      {!x.latest ? <p role="note">{t('mapping.builder.notLatest')}</p> : null}
      <h2>{t('mapping.builder.versions')}</h2>
      <ul>
        {x.versions.map((v) => (
          <li key={v.id}>{v.id === x.id ? t('mapping.builder.versionLine', { version: v.version, date: formatDate(v.createdAt, lang) }) : <Link to={questionnairePath(v.id)}>{t('mapping.builder.versionLine', { version: v.version, date: formatDate(v.createdAt, lang) })}</Link>}</li>
        ))}
      </ul>
      {x.canEdit ? (
        <Builder questionnaire={x} />
      ) : (
        x.definition.sections.map((s) => (
          <section key={s.id} className="mapping-section">
            <h2>{s.title}</h2>
            <ol>
              {s.questions.map((qq) => (
                <li key={qq.id}>
                  {qq.label} ({t(`mapping.types.${qq.type}`)}
                  {qq.required ? `, ${t('mapping.builder.required')}` : ''})
                </li>
              ))}
            </ol>
          </section>
        ))
      )}
    </>
  );
};
