import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/Field';
import { Loading } from '../../ui/Status';
import { fetchIndicators, indicatorsKey, type Indicator } from './indicators.api';

export type IndicatorLine = { include: boolean; periodKey: string; value: string };

/** The period an as-of date falls in, in the indicator's own frequency (2026-03, 2026-Q1, 2026-S1, 2026). */
export const periodOf = (frequency: Indicator['frequency'], asOf: string) => {
  const year = asOf.slice(0, 4);
  const month = Number(asOf.slice(5, 7));
  if (frequency === 'MONTHLY') return asOf.slice(0, 7);
  if (frequency === 'QUARTERLY') return `${year}-Q${Math.ceil(month / 3)}`;
  if (frequency === 'SEMESTER') return `${year}-S${month <= 6 ? 1 : 2}`;

  return year;
};

/**
 * The indicator part of a progress update: for each indicator of the cooperation (plain, not
 * broken down by region), whether the update reports it, the period and the actual value.
 */
export const UpdateIndicatorLines = ({
  cooperationId,
  asOf,
  lineOf,
  setLine,
  errorOf,
}: {
  cooperationId: string;
  asOf: string;
  lineOf: (indicator: Indicator) => IndicatorLine;
  setLine: (indicator: Indicator, patch: Partial<IndicatorLine>) => void;
  errorOf: (indicatorId: string, field: 'periodKey' | 'value') => string | undefined;
}) => {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: indicatorsKey(cooperationId), queryFn: () => fetchIndicators(cooperationId) });
  // Values per region are recorded on the indicator itself; an update reports plain ones.
  const indicators = list.data?.indicators.filter((i) => !i.byRegion) ?? [];
  if (list.isPending) return <Loading />;
  if (indicators.length === 0) return null;

  return (
    <fieldset className="coop-fieldset">
      <legend>{t('updates.fields.indicators')}</legend>
      {indicators.map((i) => {
        const l = lineOf(i);

        return (
          <fieldset key={i.id} className="updates-line">
            <legend>
              {i.name} ({i.unit})
            </legend>
            <label>
              <input type="checkbox" checked={l.include} onChange={(e) => setLine(i, { include: e.target.checked, periodKey: l.periodKey || periodOf(i.frequency, asOf) })} />{' '}
              {t('updates.includeLine', { name: i.name })}
            </label>
            {l.include ? (
              <div className="updates-line-fields">
                <TextField
                  label={t('updates.fields.periodOf', { name: i.name })}
                  hint={t(`monev.indicators.periodHints.${i.frequency}`)}
                  value={l.periodKey}
                  onChange={(e) => setLine(i, { periodKey: e.target.value })}
                  error={errorOf(i.id, 'periodKey')}
                />
                <TextField
                  label={t('updates.fields.valueOf', { name: i.name })}
                  inputMode="decimal"
                  value={l.value}
                  onChange={(e) => setLine(i, { value: e.target.value })}
                  error={errorOf(i.id, 'value')}
                />
              </div>
            ) : null}
          </fieldset>
        );
      })}
    </fieldset>
  );
};
