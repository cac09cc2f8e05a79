import { useTranslation } from 'react-i18next';
import type { Cycle } from './mapping.api';

export const STAGE_ORDER = ['PERSIAPAN', 'PROSES_PEMETAAN', 'PENYUSUNAN_PEMBAHASAN', 'PENETAPAN', 'DITETAPKAN'] as const;

/** The cycle's stages in order; the current one is marked for assistive technology too (aria-current). */
export const StageStepper = ({ stage }: { stage: Cycle['stage'] }) => {
  const { t } = useTranslation();
  const current = STAGE_ORDER.indexOf(stage);

  return (
    <ol className="mapping-stepper" aria-label={t('mapping.stages.label')}>
      {STAGE_ORDER.map((s, i) => (
        <li key={s} className={i < current ? 'mapping-step mapping-step-done' : 'mapping-step'} aria-current={i === current ? 'step' : undefined}>
          <span>{i + 1}. {t(`mapping.stages.${s}`)}</span>
          {i < current ? <span className="visually-hidden"> ({t('mapping.stages.done')})</span> : null}
        </li>
      ))}
    </ol>
  );
};

/** An OPD's answer status as text in a badge (colour only repeats what the words say). */
export const AnswerStatus = ({ status }: { status: Cycle['participants'][number]['status'] }) => {
  const { t } = useTranslation();

  return <span className={`badge mapping-status-${status.toLowerCase()}`}>{t(`mapping.statuses.${status}`)}</span>;
};
