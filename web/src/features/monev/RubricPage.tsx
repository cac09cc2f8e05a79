import { parseJsonObject } from '../../lib/jsonObject';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { ApiError } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { TextAreaField, TextField } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorNotice, Loading, TableScroll } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { fetchRubric, publishRubric, rubricKey, type Rubric } from './evaluations.api';

/** The criteria of a rubric: names in the reader's language, weights and who rates each. */
const RubricTable = ({ rubric, caption }: { rubric: Rubric; caption: string }) => {
  const { t } = useTranslation();
  const lang = useLang();

  return (
    <TableScroll label={caption}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('monev.evaluations.rubric.code')}</th>
          <th scope="col">{t('monev.evaluations.criterion')}</th>
          <th scope="col">{t('monev.evaluations.weight')}</th>
          <th scope="col">{t('monev.evaluations.rubric.raterRoles')}</th>
        </tr>
      </thead>
      <tbody>
        {rubric.criteria.map((c) => (
          <tr key={c.code}>
            <td className="code">{c.code}</td>
            <th scope="row">{lang === 'id' ? c.name.id : c.name.en}</th>
            <td>{c.weight}%</td>
            <td>{c.raterRoles.map((r) => t(`monev.evaluations.roles.${r}`)).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </TableScroll>
  );
};

const PublishForm = ({ today, initial }: { today: string; initial: string }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const client = useQueryClient();
  const [validFrom, setValidFrom] = useState(today);
  const [note, setNote] = useState('');
  const [text, setText] = useState(initial);
  const [parseError, setParseError] = useState<string | undefined>();
  const publish = useMutation({
    mutationFn: (rubric: Record<string, unknown>) => publishRubric({ validFrom, note: note.trim(), rubric }),
    onSuccess: async (v) => {
      toast(t('monev.evaluations.rubric.published', { version: v.version }));
      await client.invalidateQueries({ queryKey: rubricKey });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseJsonObject(text);
    if (!parsed.ok) {
      setParseError(t('monev.evaluations.rubric.invalidJson'));

      return;
    }
    setParseError(undefined);
    publish.mutate(parsed.value);
  };
  const fieldErrors = publish.error instanceof ApiError ? publish.error.fieldErrors : {};
  const rubricErrors = Object.entries(fieldErrors).filter(([path]) => path.startsWith('rubric'));

  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="rubric-publish">
      <h2 id="rubric-publish">{t('monev.evaluations.rubric.publishTitle')}</h2>
      <p className="field-hint">{t('monev.evaluations.rubric.publishHint')}</p>
      {publish.isError && rubricErrors.length === 0 && !fieldErrors.validFrom ? <ErrorNotice error={publish.error} /> : null}
      {rubricErrors.length > 0 ? (
        <div className="notice notice-error" role="alert">
          <p>{t('monev.evaluations.rubric.errors')}</p>
          <ul className="plain-list">
            {rubricErrors.map(([path, message]) => (
              <li key={path}>
                <span className="code">{path.replace(/^rubric\.?/, '') || 'rubric'}</span>: {message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <TextField label={t('monev.evaluations.rubric.validFrom')} type="date" min={today} required value={validFrom} onChange={(e) => setValidFrom(e.target.value)} error={fieldErrors.validFrom} />
      <TextField label={t('monev.evaluations.rubric.note')} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} error={fieldErrors.note} />
      <TextAreaField label={t('monev.evaluations.rubric.json')} className="coop-json" rows={16} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} error={parseError} />
      <button type="submit" className="button button-primary" disabled={publish.isPending}>
        {t('monev.evaluations.rubric.publish')}
      </button>
    </form>
  );
};

/** The evaluation rubric of the caller's pemda: in force today, the national default, the history, and publishing. */
export const RubricPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const rubric = useQuery({ queryKey: rubricKey, queryFn: fetchRubric });
  const title = t('monev.evaluations.rubric.title');
  const data = rubric.data;

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p className="lead">{t('monev.evaluations.rubric.lead')}</p>
      {rubric.isPending ? <Loading /> : null}
      {rubric.isError ? <ErrorNotice error={rubric.error} /> : null}
      {data ? (
        <>
          <section className="panel coop-section" aria-labelledby="rubric-effective">
            <h2 id="rubric-effective">{t('monev.evaluations.rubric.inForce', { date: formatDate(data.today, lang) })}</h2>
            <p>{data.effective.version === null ? t('monev.evaluations.rubricNational') : t('monev.evaluations.rubricOwn', { version: data.effective.version })}</p>
            <RubricTable rubric={data.effective.rubric} caption={t('monev.evaluations.rubric.criteriaCaption')} />
          </section>
          <section className="panel coop-section" aria-labelledby="rubric-history">
            <h2 id="rubric-history">{t('monev.evaluations.rubric.history')}</h2>
            {data.versions.length === 0 ? <p>{t('monev.evaluations.rubric.noVersions')}</p> : null}
            {data.versions.length > 0 ? (
              <TableScroll label={t('monev.evaluations.rubric.history')}>
                <caption>{t('monev.evaluations.rubric.history')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('monev.evaluations.rubric.version')}</th>
                    <th scope="col">{t('monev.evaluations.rubric.validFrom')}</th>
                    <th scope="col">{t('monev.evaluations.rubric.note')}</th>
                    <th scope="col">{t('monev.evaluations.rubric.createdAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.versions.map((v) => (
                    <tr key={v.id}>
                      <th scope="row">{v.version}</th>
                      <td>{formatDate(v.validFrom, lang)}</td>
                      <td>{v.note || t('common.none')}</td>
                      <td>{formatDateTime(v.createdAt, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </TableScroll>
            ) : null}
          </section>
          {data.canEdit ? <PublishForm today={data.today} initial={JSON.stringify(data.versions[0]?.rubric ?? data.national, null, 2)} /> : null}
        </>
      ) : null}
    </>
  );
};
