import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { ApiError } from '../../lib/api';
import { formatDate, formatDateTime, formatNumber, formatRupiah } from '../../lib/format';
import { TextAreaField } from '../../ui/Field';
import { Empty, ErrorNotice, Loading } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { evidenceUrl } from './evaluations.api';
import { UpdateDialog, type UpdateTarget } from './UpdateDialog';
import { approveUpdate, fetchUpdates, returnUpdate, updatesKey, type ProgressUpdate } from './updates.api';
import { workPlanKey } from './workplan.api';
import './monev.css';

export const StatusBadge = ({ status }: { status: ProgressUpdate['status'] }) => {
  const { t } = useTranslation();

  return <span className={`badge updates-status updates-status-${status.toLowerCase()}`}>{t(`updates.statuses.${status}`)}</span>;
};

/** One revision: its figures (locked once approved), evidence, reason, the secretariat's comment and its history. */
const Revision = ({ u }: { u: ProgressUpdate }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const captionId = useId();
  const locked = u.status === 'APPROVED' || u.status === 'SUPERSEDED';

  return (
    <>
      <p className="updates-narrative">{u.narrative}</p>
      {u.reason ? (
        <p>
          <strong>{t('updates.fields.reason')}:</strong> {u.reason}
        </p>
      ) : null}
      {u.reviewComment && u.status === 'RETURNED' ? (
        <p className="updates-comment" role="note">
          <strong>{t('updates.returnedWith', { name: u.reviewedBy?.name ?? '' })}</strong> {u.reviewComment}
        </p>
      ) : null}
      {u.activityLines.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
          <table>
            <caption id={captionId}>{t('updates.linesCaption', { revision: u.revision, date: formatDate(u.asOf, lang) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('updates.fields.activity')}</th>
                <th scope="col" className="num">{t('updates.fields.progress')}</th>
                <th scope="col" className="num">{t('updates.fields.realisation')}</th>
              </tr>
            </thead>
            <tbody>
              {u.activityLines.map((l) => (
                <tr key={l.activityId}>
                  <th scope="row">{l.activityName}</th>
                  <td className="num">
                    {formatNumber(l.progress, lang)}%{locked ? <span className="updates-lock"> · {t('updates.lockedShort')}</span> : null}
                  </td>
                  <td className="num">{l.realisationIdr === null ? t('common.none') : formatRupiah(l.realisationIdr)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {u.indicatorLines.length > 0 ? (
        <ul aria-label={t('updates.fields.indicators')}>
          {u.indicatorLines.map((l) => (
            <li key={`${l.indicatorId}-${l.periodKey}`}>
              {l.indicatorName} ({l.periodKey}): {formatNumber(Number(l.value), lang)} {l.unit}
            </li>
          ))}
        </ul>
      ) : null}
      {locked ? <p className="field-hint">{t('updates.lockHint')}</p> : null}
      {u.evidence.length > 0 ? (
        <ul aria-label={t('updates.fields.evidence')}>
          {u.evidence.map((f) => (
            <li key={f.fileId}>
              <a href={evidenceUrl(f.fileId)}>{f.fileName}</a>
            </li>
          ))}
        </ul>
      ) : null}
      <details>
        <summary>{t('updates.historyOf', { revision: u.revision })}</summary>
        <ol className="updates-history">
          {u.history.map((h, i) => (
            <li key={i}>
              {formatDateTime(h.at, lang)} · {h.actorName} · {t(`updates.actions.${h.action}`)}
              {h.comment ? `: “${h.comment}”` : ''}
            </li>
          ))}
        </ol>
      </details>
    </>
  );
};

/** The secretariat's decision on a waiting update: approve, or return with a comment. */
const Review = ({ cooperationId, u, onDone }: { cooperationId: string; u: ProgressUpdate; onDone: (message: string) => void }) => {
  const { t } = useTranslation();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const approve = useMutation({ mutationFn: () => approveUpdate(cooperationId, u.id, u.rowVersion), onSuccess: () => onDone(t('updates.approved')) });
  const back = useMutation({ mutationFn: () => returnUpdate(cooperationId, u.id, u.rowVersion, comment), onSuccess: () => onDone(t('updates.returned')) });
  const err = back.error instanceof ApiError ? back.error.fieldErrors.comment : undefined;

  return (
    <div>
      {approve.isError ? <ErrorNotice error={approve.error} /> : null}
      {back.isError && !err ? <ErrorNotice error={back.error} /> : null}
      {returning ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            back.mutate();
          }}
          noValidate
        >
          <TextAreaField label={t('updates.fields.comment')} required rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} error={err} />
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={back.isPending}>
              {t('updates.confirmReturn')}
            </button>
            <button type="button" className="button" onClick={() => setReturning(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="button-row">
          <button type="button" className="button button-primary" disabled={approve.isPending} onClick={() => approve.mutate()}>
            {t('updates.approve')}
          </button>
          <button type="button" className="button" onClick={() => setReturning(true)}>
            {t('updates.return')}
          </button>
        </div>
      )}
    </div>
  );
};

/**
 * "Pembaruan kemajuan": the cooperation's progress updates, each series with its current revision
 * on top and earlier ones (superseded or returned) with their history below. Liaisons, OPD staff,
 * the secretariat and partners send updates; the reviewing secretariat approves or returns them;
 * approved figures are locked and corrected only by a new revision with a reason.
 */
export const UpdatesPanel = ({ cooperationId }: { cooperationId: string }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const toast = useToast();
  const client = useQueryClient();
  const q = useQuery({ queryKey: updatesKey(cooperationId), queryFn: () => fetchUpdates(cooperationId) });
  const [dialog, setDialog] = useState<UpdateTarget | null>(null);
  const refresh = async (message: string) => {
    setDialog(null);
    toast(message);
    await Promise.all([client.invalidateQueries({ queryKey: updatesKey(cooperationId) }), client.invalidateQueries({ queryKey: workPlanKey(cooperationId) })]);
  };
  const list = q.data;

  return (
    <section className="panel monev-panel" aria-labelledby="updates-title">
      <h2 id="updates-title">{t('updates.title')}</h2>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <ErrorNotice error={q.error} /> : null}
      {list ? (
        <>
          {list.canSubmit ? (
            <button type="button" className="button" onClick={() => setDialog({ kind: 'new' })}>
              {t('updates.submit')}
            </button>
          ) : null}
          {list.series.length === 0 ? <Empty>{t('updates.empty')}</Empty> : null}
          {list.series.map((s) => {
            const [current, ...older] = s.revisions;
            if (!current) return null;

            return (
              <article key={s.seriesId} className="updates-series" aria-labelledby={`series-${s.seriesId}`}>
                <h3 id={`series-${s.seriesId}`}>
                  {t('updates.seriesHeading', { date: formatDate(current.asOf, lang), revision: current.revision, author: current.author.name })} <StatusBadge status={current.status} />
                </h3>
                <Revision u={current} />
                <div className="button-row">
                  {current.canRework ? (
                    <button type="button" className="button" onClick={() => setDialog({ kind: 'rework', update: current })}>
                      {t('updates.rework')}
                    </button>
                  ) : null}
                  {current.canRevise ? (
                    <button type="button" className="button" onClick={() => setDialog({ kind: 'revise', update: current })}>
                      {t('updates.revise')}
                    </button>
                  ) : null}
                </div>
                {current.canReview ? <Review cooperationId={cooperationId} u={current} onDone={(m) => void refresh(m)} /> : null}
                {older.length > 0 ? (
                  <details>
                    <summary>{t('updates.olderRevisions', { count: older.length })}</summary>
                    {older.map((r) => (
                      <section key={r.id} aria-label={t('updates.revisionLabel', { revision: r.revision })}>
                        <h4>
                          {t('updates.revisionLabel', { revision: r.revision })} <StatusBadge status={r.status} />
                        </h4>
                        <Revision u={r} />
                      </section>
                    ))}
                  </details>
                ) : null}
              </article>
            );
          })}
          {dialog ? <UpdateDialog cooperationId={cooperationId} target={dialog} onClose={() => setDialog(null)} onDone={() => void refresh(t('updates.sent'))} /> : null}
        </>
      ) : null}
    </section>
  );
};
