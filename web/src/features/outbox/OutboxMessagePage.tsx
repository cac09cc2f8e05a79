import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/paths';
import { useLang } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorNotice, Loading } from '../../ui/Status';
import { fetchOutboxMessage } from './outbox.api';

/** One message as plain text: the HTML part is never rendered, so a message cannot run anything here. */
export const OutboxMessagePage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = '' } = useParams();
  const message = useQuery({ queryKey: ['outbox', 'message', id], queryFn: () => fetchOutboxMessage(id) });

  return (
    <>
      <p>
        <Link to={paths.outbox}>← {t('outbox.backToList')}</Link>
      </p>
      <PageTitle title={message.data?.subject ?? t('outbox.message')}>{message.data?.subject ?? t('outbox.message')}</PageTitle>
      {message.isPending ? <Loading /> : null}
      {message.isError ? <ErrorNotice error={message.error} /> : null}
      {message.data ? (
        <section className="panel">
          <dl className="facts">
            <dt>{t('outbox.to')}</dt>
            <dd>{message.data.to}</dd>
            <dt>{t('outbox.status')}</dt>
            <dd>{t(`outbox.statuses.${message.data.status}`)}</dd>
            <dt>{t('outbox.createdAt')}</dt>
            <dd>{formatDateTime(message.data.createdAt, lang)}</dd>
            <dt>{t('outbox.sentAt')}</dt>
            <dd>{message.data.sentAt ? formatDateTime(message.data.sentAt, lang) : t('common.none')}</dd>
            <dt>{t('outbox.attempts')}</dt>
            <dd>{message.data.attempts}</dd>
            {message.data.lastError ? (
              <>
                <dt>{t('outbox.lastError')}</dt>
                <dd>{message.data.lastError}</dd>
              </>
            ) : null}
          </dl>
          <h2>{t('outbox.body')}</h2>
          <pre className="message-body">{message.data.text}</pre>
        </section>
      ) : null}
    </>
  );
};
