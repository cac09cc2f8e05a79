import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { cooperationPath, paths } from '../../app/paths';
import { useLang } from '../../i18n';
import { ApiError } from '../../lib/api';
import { formatDate, formatNumber } from '../../lib/format';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorNotice, Loading } from '../../ui/Status';
import { NotFoundPage } from '../not-found/NotFoundPage';
import { ActionsBar } from './ActionsBar';
import { ApprovalsSection, CooperationFacts, PartiesSection } from './CooperationFacts';
import { fetchCooperation } from './cooperations.api';
import './cooperations.css';
import { DocumentsPanel } from './documents/DocumentsPanel';
import { PublicationPanel } from './publication/PublicationPanel';
import { EvaluationsPanel } from '../monev/EvaluationsPanel';
import { WorkPlanPanel } from '../monev/WorkPlanPanel';
import { UpdatesPanel } from '../monev/UpdatesPanel';
import { IndicatorsPanel } from '../monev/IndicatorsPanel';
import { MeetingsPanel } from '../meetings/MeetingsPanel';
import { DormancyStatus } from '../monev/DormancyStatus';
import { DormantFlag, OverdueFlag, StateBadge } from './StateBadge';
import { Timeline } from './Timeline';

/** One cooperation: where it stands, who is party, what happens next and everything that happened. */
export const CooperationDetailPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = '' } = useParams();
  const coop = useQuery({ queryKey: ['cooperations', 'detail', id], queryFn: () => fetchCooperation(id) });
  // Another pemda's cooperation, or a malformed address, is simply not there for this user.
  if (coop.error instanceof ApiError && (coop.error.status === 404 || coop.error.status === 400)) return <NotFoundPage />;
  const c = coop.data;

  return (
    <>
      <p>
        <Link to={paths.cooperations}>← {t('cooperations.detail.backToRegister')}</Link>
      </p>
      <PageTitle title={c?.title ?? t('cooperations.register.title')}>{c?.title ?? t('cooperations.register.title')}</PageTitle>
      {coop.isPending ? <Loading /> : null}
      {coop.isError ? <ErrorNotice error={coop.error} /> : null}
      {c ? (
        <>
          <div className="coop-header">
            <span className="code">{c.code}</span>
            <span>{t(`cooperations.kinds.${c.kind}`)}</span>
            <StateBadge state={c.state} />
            {c.overdue ? <OverdueFlag due={c.stateDueAt ? formatDate(c.stateDueAt, lang) : undefined} /> : null}
            {c.dormant ? <DormantFlag /> : null}
            <span>{t('cooperations.progress', { percent: formatNumber(c.progress, lang, 0) })}</span>
          </div>
          {c.dormant ? <DormancyStatus cooperationId={c.id} /> : null}
          {c.canEdit ? (
            <p>
              <Link className="button" to={`${cooperationPath(c.id)}/ubah`}>
                {t('cooperations.detail.edit')}
              </Link>
            </p>
          ) : null}
          <ActionsBar cooperation={c} />
          <CooperationFacts c={c} />
          <PartiesSection c={c} />
          <ApprovalsSection c={c} />
          <DocumentsPanel cooperationId={c.id} canWork={c.canParticipate} />
          <WorkPlanPanel cooperationId={c.id} />
          <UpdatesPanel cooperationId={c.id} />
          <IndicatorsPanel cooperationId={c.id} />
          <EvaluationsPanel cooperationId={c.id} />
          <MeetingsPanel link={{ cooperationId: c.id }} />
          <PublicationPanel cooperationId={c.id} />
          <Timeline id={c.id} canComment={c.canParticipate} />
        </>
      ) : null}
    </>
  );
};
