import { useTranslation } from 'react-i18next';
import type { ReportStatus } from './reports.api';

const TONE: Record<ReportStatus, string> = { DRAFT: 'report-badge-draft', SUBMITTED: 'report-badge-submitted', RETURNED: 'report-badge-returned', ACCEPTED: 'report-badge-accepted' };

/** The status in words (never colour alone); the tone only repeats what the words say. */
export const ReportBadge = ({ status }: { status: ReportStatus }) => {
  const { t } = useTranslation();

  return <span className={`report-badge ${TONE[status]}`}>{t(`reports.statuses.${status}`)}</span>;
};

/** "Semester I 2026" / "Tahun 2026". */
export const usePeriodLabel = () => {
  const { t } = useTranslation();

  return (year: number, period: string) => t(`reports.periodLabel.${period}`, { year: String(year) });
};
