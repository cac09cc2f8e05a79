import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { formatDate } from '../../lib/format';
import { fetchDormancy } from './dormancy.api';

/**
 * Next to the "Tidak aktif" flag: since when the cooperation has been dormant and how far the
 * escalation has gone ("Tidak aktif sejak 3 Maret 2026 · eskalasi: Sekretaris daerah"), with who
 * was told when and who is next. Only asked for when the record says it is dormant.
 */
export const DormancyStatus = ({ cooperationId }: { cooperationId: string }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const q = useQuery({ queryKey: ['cooperations', 'dormancy', cooperationId], queryFn: () => fetchDormancy(cooperationId) });
  const d = q.data;
  if (!d?.dormant || !d.dormantSince) return null;
  const role = (r: string) => t(`roles.${r}`, { defaultValue: r });

  return (
    <section className="panel dormancy-status" aria-labelledby="dormancy-status-heading">
      <h2 id="dormancy-status-heading" className="dormancy-status-line">
        {t('reminders.dormantSince', { date: formatDate(d.dormantSince, lang) })}
        {' · '}
        {d.currentStep ? t('reminders.escalatedTo', { role: role(d.currentStep.role) }) : t('reminders.notEscalated')}
      </h2>
      <p>{t('reminders.quietSince', { date: formatDate(d.quietSince, lang), months: d.dormantAfterMonths })}</p>
      {d.steps.length > 0 ? (
        <ol className="dormancy-steps" aria-label={t('reminders.stepsLabel')}>
          {d.steps.map((s) => (
            <li key={s.step}>
              {s.skipped
                ? t('reminders.stepSkipped', { role: role(s.role) })
                : t('reminders.stepTold', { role: role(s.role), date: formatDate(s.notifiedAt, lang), n: s.recipients })}
            </li>
          ))}
        </ol>
      ) : null}
      {d.nextStep ? <p>{t('reminders.next', { role: role(d.nextStep.role), date: formatDate(d.nextStep.on, lang) })}</p> : <p>{t('reminders.lastStep')}</p>}
      <p className="field-hint">{t('reminders.howToStop')}</p>
    </section>
  );
};
