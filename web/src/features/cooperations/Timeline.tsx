import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { ApiError } from '../../lib/api';
import { formatDate, formatDateTime, formatNumber, type Lang } from '../../lib/format';
import { TextAreaField } from '../../ui/Field';
import { Empty, ErrorNotice, Loading } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { addComment, fetchParticipants, fetchTimeline, type TimelineItem } from './cooperations.api';

/** An approved progress update or a finalised evaluation, with its date, progress or score. */
const monitoringLine = (t: TFunction, lang: Lang, data: Record<string, unknown>) =>
  data.what === 'EVALUATION_FINALISED'
    ? t('cooperations.timeline.monitoring.evaluation', {
        score: formatNumber(Number(data.score), lang, 2),
        recommendation: t(`monev.evaluations.recommendations.${String(data.recommendation)}`),
      })
    : t('cooperations.timeline.monitoring.update', { date: formatDate(String(data.asOf), lang), progress: Number(data.progress), revision: Number(data.revision) });

const EventLine = ({ item }: { item: TimelineItem }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const what = item.action
    ? t(`cooperations.actions.${item.action}`)
    : item.kind === 'MONITORING'
      ? monitoringLine(t, lang, item.data ?? {})
      : t(`cooperations.timeline.kinds.${item.kind ?? 'TRANSITION'}`);

  return (
    <>
      <p>
        <strong>{item.actorName ?? t('cooperations.timeline.system')}</strong> — {what}
        {item.fromState && item.toState && item.fromState !== item.toState ? (
          <>
            {' '}
            ({t(`cooperations.states.${item.fromState}`)} → {t(`cooperations.states.${item.toState}`)})
          </>
        ) : item.toState && !item.fromState ? (
          <> ({t(`cooperations.states.${item.toState}`)})</>
        ) : null}
      </p>
      {item.reason ? <p className="coop-quote">{item.reason}</p> : null}
    </>
  );
};

/** Comment box: @mention people working on the cooperation, or keep the note to one's own side. */
const CommentForm = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const client = useQueryClient();
  const formId = useId();
  const [body, setBody] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const [priv, setPriv] = useState(false);
  const participants = useQuery({ queryKey: ['cooperations', 'participants', id], queryFn: () => fetchParticipants(id) });
  const send = useMutation({
    mutationFn: () => addComment(id, { body: body.trim(), mentionUserIds: mentions, private: priv }),
    onSuccess: async () => {
      setBody('');
      setMentions([]);
      setPriv(false);
      toast(t('cooperations.timeline.commented'));
      await client.invalidateQueries({ queryKey: ['cooperations', 'timeline', id] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (body.trim()) send.mutate();
  };
  const error = send.error instanceof ApiError ? send.error.fieldErrors.body : undefined;

  return (
    <form className="coop-comment" onSubmit={submit}>
      <h3>{t('cooperations.timeline.addComment')}</h3>
      {send.isError && !error ? <ErrorNotice error={send.error} /> : null}
      <TextAreaField label={t('cooperations.timeline.comment')} rows={3} maxLength={8000} value={body} onChange={(e) => setBody(e.target.value)} error={error} />
      {participants.data && participants.data.items.length > 0 ? (
        <details className="coop-mentions-toggle">
          <summary>{t('cooperations.timeline.mention')}{mentions.length > 0 ? ` (${mentions.length})` : ''}</summary>
          <fieldset className="coop-mentions">
            <legend className="visually-hidden">{t('cooperations.timeline.mention')}</legend>
          {participants.data.items.map((p) => (
            <div key={p.id} className="checkbox">
              <input
                id={`${formId}-${p.id}`}
                type="checkbox"
                checked={mentions.includes(p.id)}
                onChange={(e) => setMentions(e.target.checked ? [...mentions, p.id] : mentions.filter((m) => m !== p.id))}
              />
              <label htmlFor={`${formId}-${p.id}`}>
                @{p.name} <span className="field-hint">({p.orgName})</span>
              </label>
            </div>
          ))}
          </fieldset>
        </details>
      ) : null}
      <div className="checkbox">
        <input id={`${formId}-private`} type="checkbox" checked={priv} onChange={(e) => setPriv(e.target.checked)} />
        <label htmlFor={`${formId}-private`}>{t('cooperations.timeline.private')}</label>
      </div>
      <button type="submit" className="button" disabled={!body.trim() || send.isPending}>
        {t('cooperations.timeline.send')}
      </button>
    </form>
  );
};

/** Every step and comment of the cooperation, oldest first, with who did it and when. */
export const Timeline = ({ id, canComment }: { id: string; canComment: boolean }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const timeline = useQuery({ queryKey: ['cooperations', 'timeline', id], queryFn: () => fetchTimeline(id) });

  return (
    <section className="panel coop-section" aria-labelledby="coop-timeline-heading">
      <h2 id="coop-timeline-heading">{t('cooperations.timeline.title')}</h2>
      {timeline.isPending ? <Loading /> : null}
      {timeline.isError ? <ErrorNotice error={timeline.error} /> : null}
      {timeline.data && timeline.data.items.length === 0 ? <Empty>{t('cooperations.timeline.empty')}</Empty> : null}
      {timeline.data && timeline.data.items.length > 0 ? (
        <ol className="coop-timeline">
          {timeline.data.items.map((item) => (
            <li key={item.id} className={item.type === 'comment' ? 'coop-timeline-comment' : undefined}>
              <p className="field-hint">
                <time dateTime={item.at}>{formatDateTime(item.at, lang)}</time>
                {item.private ? <span className="coop-badge coop-badge-private">{t('cooperations.timeline.privateBadge')}</span> : null}
              </p>
              {item.type === 'comment' ? (
                <>
                  <p>
                    <strong>{item.authorName}</strong> — {t('cooperations.timeline.commentedLabel')}
                  </p>
                  <p className="coop-quote">{item.body}</p>
                </>
              ) : (
                <EventLine item={item} />
              )}
            </li>
          ))}
        </ol>
      ) : null}
      {canComment ? <CommentForm id={id} /> : null}
    </section>
  );
};
