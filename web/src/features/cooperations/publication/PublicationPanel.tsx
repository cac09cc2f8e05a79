import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { formatDate, formatNumber } from '../../../lib/format';
import { ErrorNotice, Loading } from '../../../ui/Status';
import { useToast } from '../../../ui/Toast';
import {
  fetchPublication,
  OPTIONAL_FIELDS,
  publicationKey,
  publicRecordPath,
  publishCooperation,
  refreshRelease,
  savePublication,
  withdrawCooperation,
  type Publication,
} from './publication.api';
import { ReleaseHistory } from './ReleaseHistory';
import './publication.css';

type Choices = { visibility: Publication['visibility']; publicDocumentIds: string[] };

const statusLine = (p: Publication, t: (k: string, o?: Record<string, string>) => string, lang: 'id' | 'en') =>
  p.status === 'PUBLISHED' && p.firstPublishedAt ? t('publication.status.publishedSince', { date: formatDate(p.firstPublishedAt, lang) }) : t(`publication.status.${p.status}`);

/**
 * "Publikasi": whether the cooperation is on the public portal, which optional parts and which
 * document versions are public, and its release history. The owning pemda's secretariat publishes,
 * saves the choices, refreshes the release ("Perbarui rilis") and withdraws; others only read.
 */
export const PublicationPanel = ({ cooperationId }: { cooperationId: string }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const toast = useToast();
  const client = useQueryClient();
  const q = useQuery({ queryKey: publicationKey(cooperationId), queryFn: () => fetchPublication(cooperationId) });
  const [choices, setChoices] = useState<Choices | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const p = q.data;
  useEffect(() => {
    if (p) setChoices({ visibility: p.visibility, publicDocumentIds: p.publicDocumentIds });
  }, [p]);
  const done = (message: string) => async () => {
    setWithdrawing(false);
    setReason('');
    toast(t(message));
    await client.invalidateQueries({ queryKey: publicationKey(cooperationId) });
  };
  const publish = useMutation({ mutationFn: (c: Choices) => publishCooperation(cooperationId, c), onSuccess: done('publication.published') });
  const save = useMutation({ mutationFn: (c: Choices) => savePublication(cooperationId, { ...c, rowVersion: p?.rowVersion }), onSuccess: done('publication.saved') });
  const refresh = useMutation({ mutationFn: () => refreshRelease(cooperationId), onSuccess: done('publication.refreshed') });
  const withdraw = useMutation({ mutationFn: () => withdrawCooperation(cooperationId, reason.trim()), onSuccess: done('publication.withdrawn') });
  const failed = [publish, save, refresh, withdraw].find((m) => m.isError)?.error;
  const busy = publish.isPending || save.isPending || refresh.isPending || withdraw.isPending;
  const editable = Boolean(p?.canPublish && (p.publishable || p.status === 'PUBLISHED'));
  const toggleDocument = (id: string, on: boolean) =>
    setChoices((c) => c && { ...c, publicDocumentIds: on ? [...c.publicDocumentIds, id] : c.publicDocumentIds.filter((d) => d !== id) });

  return (
    <section className="panel publication-panel" aria-labelledby="publication-title">
      <h2 id="publication-title">{t('publication.title')}</h2>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <ErrorNotice error={q.error} /> : null}
      {failed ? <ErrorNotice error={failed} /> : null}
      {p && choices ? (
        <>
          <p className="publication-status">
            <strong>{statusLine(p, t, lang)}</strong>
            {p.latestRelease ? ` · ${t('publication.latestRelease', { sequence: formatNumber(p.latestRelease.sequence, lang, 0), date: formatDate(p.latestRelease.date, lang) })}` : null}
          </p>
          {p.status === 'PUBLISHED' ? (
            <p>
              <a href={publicRecordPath(cooperationId)} target="_blank" rel="noreferrer">
                {t('publication.publicLink')}
              </a>
            </p>
          ) : null}
          {!p.publishable && p.status !== 'PUBLISHED' ? <p className="field-hint">{t('publication.notPublishable')}</p> : null}
          {!p.canPublish ? <p className="field-hint">{t('publication.readOnly')}</p> : null}
          <fieldset className="publication-choices" disabled={!editable || busy}>
            <legend>{t('publication.fields.legend')}</legend>
            <p className="field-hint">{t('publication.fields.hint')}</p>
            {OPTIONAL_FIELDS.map((f) => (
              <label key={f} className="checkbox">
                <input type="checkbox" checked={choices.visibility[f]} onChange={(e) => setChoices({ ...choices, visibility: { ...choices.visibility, [f]: e.target.checked } })} />
                {t(`publication.fields.${f}`)}
              </label>
            ))}
          </fieldset>
          <fieldset className="publication-choices" disabled={!editable || busy}>
            <legend>{t('publication.documents.legend')}</legend>
            {p.documents.length === 0 ? <p className="field-hint">{t('publication.documents.none')}</p> : null}
            {p.documents.map((d) => (
              <label key={d.id} className="checkbox">
                <input type="checkbox" checked={choices.publicDocumentIds.includes(d.id)} onChange={(e) => toggleDocument(d.id, e.target.checked)} />
                {t('publication.documents.item', { type: d.type, version: String(d.version), title: d.title })}
              </label>
            ))}
          </fieldset>
          {editable ? (
            <div className="button-row">
              {p.status === 'PUBLISHED' ? (
                <>
                  <button type="button" className="button button-primary" disabled={busy} onClick={() => save.mutate(choices)}>
                    {t('publication.save')}
                  </button>
                  <button type="button" className="button" disabled={busy} onClick={() => refresh.mutate()}>
                    {t('publication.refresh')}
                  </button>
                  <button type="button" className="button" disabled={busy} onClick={() => setWithdrawing(true)}>
                    {t('publication.withdraw')}
                  </button>
                </>
              ) : (
                <button type="button" className="button button-primary" disabled={busy} onClick={() => publish.mutate(choices)}>
                  {t('publication.publish')}
                </button>
              )}
            </div>
          ) : null}
          {withdrawing ? (
            <form
              className="publication-withdraw"
              onSubmit={(e) => {
                e.preventDefault();
                withdraw.mutate();
              }}
            >
              <label htmlFor="publication-withdraw-reason">{t('publication.withdrawReason')}</label>
              <textarea id="publication-withdraw-reason" required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
              <p className="field-hint">{t('publication.withdrawHint')}</p>
              <div className="button-row">
                <button type="submit" className="button button-primary" disabled={busy || reason.trim() === ''}>
                  {t('publication.confirmWithdraw')}
                </button>
                <button type="button" className="button" onClick={() => setWithdrawing(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </form>
          ) : null}
          <h3>{t('publication.releases.title')}</h3>
          <ReleaseHistory cooperationId={cooperationId} />
        </>
      ) : null}
    </section>
  );
};
