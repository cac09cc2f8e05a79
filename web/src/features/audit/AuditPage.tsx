import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { TextField } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { Empty, ErrorNotice, Loading, TableScroll } from '../../ui/Status';
import { EMPTY_AUDIT_FILTERS, fetchAudit, splitDiff, type AuditEntry, type AuditFilters } from './audit.api';
import { ApiError } from '../../lib/api';

const json = (v: unknown) => JSON.stringify(v, null, 2);

const DiffView = ({ entry }: { entry: AuditEntry }) => {
  const { t } = useTranslation();
  const parts = splitDiff(entry.diff);

  return (
    <details>
      <summary>{t('audit.showChanges')}</summary>
      {parts ? (
        <div className="diff">
          <div>
            <h3>{t('audit.before')}</h3>
            <pre>{json(parts.before)}</pre>
          </div>
          <div>
            <h3>{t('audit.after')}</h3>
            <pre>{json(parts.after)}</pre>
          </div>
        </div>
      ) : (
        <pre className="message-body">{json(entry.diff)}</pre>
      )}
      <p className="field-hint">{t('audit.meta', { seq: entry.seq, requestId: entry.requestId ?? '—', ip: entry.ip ?? '—' })}</p>
    </details>
  );
};

/** The tamper-evident log, newest first, with filters and "load more" by sequence number. */
export const AuditPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const [draft, setDraft] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const audit = useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) => fetchAudit(filters, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const entries = audit.data?.pages.flatMap((p) => p.items) ?? [];
  const fieldError = (key: string) => (audit.error instanceof ApiError ? audit.error.fieldErrors[`query.${key}`] : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilters(draft);
  };
  const set = (key: keyof AuditFilters) => (e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [key]: e.target.value });

  return (
    <>
      <PageTitle title={t('audit.title')}>{t('audit.title')}</PageTitle>
      <p className="lead">{t('audit.lead')}</p>
      <form className="panel detail-grid" onSubmit={submit} role="search">
        <TextField label={t('audit.action')} hint={t('audit.actionHint')} value={draft.action} maxLength={100} onChange={set('action')} error={fieldError('action')} />
        <TextField label={t('audit.entityType')} hint={t('audit.entityTypeHint')} value={draft.entityType} maxLength={60} onChange={set('entityType')} error={fieldError('entityType')} />
        <TextField label={t('audit.actor')} hint={t('audit.actorHint')} value={draft.actorUserId} maxLength={36} onChange={set('actorUserId')} error={fieldError('actorUserId')} />
        <TextField label={t('audit.from')} type="date" value={draft.from} onChange={set('from')} error={fieldError('from')} />
        <TextField label={t('audit.to')} type="date" value={draft.to} onChange={set('to')} error={fieldError('to')} />
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('audit.apply')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft(EMPTY_AUDIT_FILTERS);
              setFilters(EMPTY_AUDIT_FILTERS);
            }}
          >
            {t('audit.reset')}
          </button>
        </div>
      </form>
      {audit.isPending ? <Loading /> : null}
      {audit.isError ? <ErrorNotice error={audit.error} /> : null}
      {audit.isSuccess && entries.length === 0 ? <Empty>{t('audit.empty')}</Empty> : null}
      {entries.length > 0 ? (
        <TableScroll label={t('audit.title')}>
          <thead>
            <tr>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.entity')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{formatDateTime(entry.at, lang)}</td>
                <td className="code">{entry.action}</td>
                <td>
                  {entry.entityType}
                  {entry.entityId ? <div className="code field-hint">{entry.entityId}</div> : null}
                </td>
                <td>
                  {entry.actorUserId ? (entry.actorName ?? t('audit.unknownActor')) : t('audit.system')}
                  {entry.actorUserId ? <div className="code field-hint">{entry.actorUserId}</div> : null}
                </td>
                <td>
                  <DiffView entry={entry} />
                </td>
              </tr>
            ))}
          </tbody>
        </TableScroll>
      ) : null}
      {audit.hasNextPage ? (
        <button type="button" className="button" onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
          {audit.isFetchingNextPage ? t('common.loading') : t('audit.loadMore')}
        </button>
      ) : null}
    </>
  );
};
