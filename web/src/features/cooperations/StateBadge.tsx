import { useTranslation } from 'react-i18next';
import type { State } from './cooperations.api';

const CLOSED: readonly string[] = ['DITOLAK', 'BATAL', 'DIAKHIRI', 'BERAKHIR'];
const IN_FORCE: readonly string[] = ['BERLAKU', 'DIADENDUM', 'SENGKETA'];

/** The state as words (never colour alone); the tone only repeats what the words say. */
export const StateBadge = ({ state }: { state: State | string }) => {
  const { t } = useTranslation();
  const tone = CLOSED.includes(state) ? 'coop-badge-closed' : IN_FORCE.includes(state) ? 'coop-badge-live' : 'coop-badge-process';

  return <span className={`coop-badge ${tone}`}>{t(`cooperations.states.${state}`)}</span>;
};

/** "Lewat tenggat": spelled out, with a warning sign so it reads without colour too. */
export const OverdueFlag = ({ due }: { due?: string | undefined }) => {
  const { t } = useTranslation();

  return (
    <span className="coop-badge coop-badge-overdue">
      <span aria-hidden="true">⚠ </span>
      {due ? t('cooperations.overdueSince', { date: due }) : t('cooperations.overdue')}
    </span>
  );
};

/** "Tidak aktif": in force, but nobody has monitored it for the rule pack's months. */
export const DormantFlag = () => {
  const { t } = useTranslation();

  return (
    <span className="coop-badge coop-badge-overdue" title={t('cooperations.dormantHint')}>
      <span aria-hidden="true">⏸ </span>
      {t('cooperations.dormant')}
    </span>
  );
};
