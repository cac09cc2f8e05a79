import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { Empty, ErrorNotice, Loading } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { IndicatorDialog, type IndicatorTarget } from './IndicatorDialog';
import { deleteIndicator, fetchIndicators, indicatorsKey, type Indicator } from './indicators.api';
import './monev.css';

/** The per-period values of one indicator, oldest first, each with its achievement. */
const PeriodTable = ({ indicator }: { indicator: Indicator }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const num = (x: string | number) => formatNumber(Number(x), lang);
  if (indicator.values.length === 0) return <Empty>{t('monev.indicators.noValues')}</Empty>;
  const captionId = `indicator-periods-${indicator.id}`;

  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table>
        <caption id={captionId}>{t('monev.indicators.periodsCaption', { name: indicator.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('monev.indicators.fields.period')}</th>
            {indicator.byRegion ? <th scope="col">{t('monev.indicators.fields.region')}</th> : null}
            <th scope="col" className="num">{t('monev.indicators.fields.periodTarget')}</th>
            <th scope="col" className="num">{t('monev.indicators.fields.actual')}</th>
            <th scope="col" className="num">{t('monev.indicators.fields.achievement')}</th>
            <th scope="col">{t('monev.indicators.fields.note')}</th>
          </tr>
        </thead>
        <tbody>
          {indicator.values.map((v) => (
            <tr key={`${v.period}-${v.regionCode ?? ''}`}>
              <th scope="row">{v.period}</th>
              {indicator.byRegion ? <td>{v.regionName ? `${v.regionName} (${v.regionCode})` : v.regionCode}</td> : null}
              <td className="num">{num(v.target ?? indicator.target)}</td>
              <td className="num">{num(v.actual)}</td>
              <td className="num">{formatNumber(v.achievement, lang, 1)}%</td>
              <td>{v.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

/**
 * "Indikator": the cooperation's indicators with unit, baseline, target, latest actual and
 * achievement, the weighted roll-up, and per indicator its period values. Party pemda staff add,
 * change and delete indicators and record a period's value while the work plan is editable.
 */
export const IndicatorsPanel = ({ cooperationId }: { cooperationId: string }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const toast = useToast();
  const client = useQueryClient();
  const q = useQuery({ queryKey: indicatorsKey(cooperationId), queryFn: () => fetchIndicators(cooperationId) });
  const [dialog, setDialog] = useState<IndicatorTarget | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const refresh = async () => {
    setDialog(null);
    toast(t('monev.indicators.saved'));
    await client.invalidateQueries({ queryKey: indicatorsKey(cooperationId) });
  };
  const remove = useMutation({
    mutationFn: (i: Indicator) => deleteIndicator(cooperationId, i.id, i.rowVersion),
    onSuccess: async () => {
      setConfirming(null);
      toast(t('monev.indicators.deleted'));
      await client.invalidateQueries({ queryKey: indicatorsKey(cooperationId) });
    },
  });
  const list = q.data;
  const num = (x: string | number) => formatNumber(Number(x), lang);
  const percent = (x: number | null | undefined) => (x === null || x === undefined ? t('common.none') : `${formatNumber(x, lang, 1)}%`);

  return (
    <section className="panel monev-panel" aria-labelledby="indicators-title">
      <h2 id="indicators-title">{t('monev.indicators.title')}</h2>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <ErrorNotice error={q.error} /> : null}
      {remove.isError ? <ErrorNotice error={remove.error} /> : null}
      {list ? (
        <>
          <dl className="monev-summary">
            <div className="monev-figure">
              <dt>{t('monev.indicators.rollUp')}</dt>
              <dd>{percent(list.rollUp)}</dd>
            </div>
          </dl>
          {!list.canEdit ? <p className="field-hint">{t('monev.indicators.readOnly')}</p> : null}
          {list.canEdit ? (
            <button type="button" className="button" onClick={() => setDialog({ kind: 'indicator', item: null })}>
              {t('monev.indicators.add')}
            </button>
          ) : null}
          {list.indicators.length === 0 ? (
            <Empty>{t('monev.indicators.empty')}</Empty>
          ) : (
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="indicators-caption">
              <table>
                <caption id="indicators-caption">{t('monev.indicators.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('monev.indicators.fields.name')}</th>
                    <th scope="col">{t('monev.indicators.fields.unit')}</th>
                    <th scope="col" className="num">{t('monev.indicators.fields.baseline')}</th>
                    <th scope="col" className="num">{t('monev.indicators.fields.target')}</th>
                    <th scope="col" className="num">{t('monev.indicators.fields.latest')}</th>
                    <th scope="col" className="num">{t('monev.indicators.fields.achievement')}</th>
                    {list.canEdit ? <th scope="col">{t('common.actions')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {list.indicators.map((i) => (
                    <tr key={i.id}>
                      <th scope="row">
                        {i.name}
                        <span className="monev-outputs">
                          {t(`monev.indicators.frequencies.${i.frequency}`)} · {t(`monev.indicators.directions.${i.direction}`)}
                          {i.activity ? ` · ${i.activity.name}` : ''}
                        </span>
                      </th>
                      <td>{i.unit}</td>
                      <td className="num">{num(i.baseline)}</td>
                      <td className="num">{num(i.target)}</td>
                      <td className="num">{i.latest ? t('monev.indicators.latestValue', { value: num(i.latest.actual), period: i.latest.period }) : t('common.none')}</td>
                      <td className="num">{percent(i.latest?.achievement)}</td>
                      {list.canEdit ? (
                        <td>
                          {confirming === i.id ? (
                            <div className="button-row">
                              <button type="button" className="button button-small button-danger" disabled={remove.isPending} onClick={() => remove.mutate(i)}>
                                {t('monev.indicators.confirmDelete', { name: i.name })}
                              </button>
                              <button type="button" className="button button-small" onClick={() => setConfirming(null)}>
                                {t('common.cancel')}
                              </button>
                            </div>
                          ) : (
                            <div className="button-row">
                              <button type="button" className="button button-small" onClick={() => setDialog({ kind: 'value', indicator: i })} aria-label={t('monev.indicators.recordItem', { name: i.name })}>
                                {t('monev.indicators.record')}
                              </button>
                              <button type="button" className="button button-small" onClick={() => setDialog({ kind: 'indicator', item: i })} aria-label={t('monev.indicators.editItem', { name: i.name })}>
                                {t('common.edit')}
                              </button>
                              <button type="button" className="button button-small" onClick={() => setConfirming(i.id)} aria-label={t('monev.indicators.deleteItem', { name: i.name })}>
                                {t('monev.indicators.delete')}
                              </button>
                            </div>
                          )}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {list.indicators.map((i) => (
            <details key={i.id}>
              <summary>{t('monev.indicators.periodsOf', { name: i.name })}</summary>
              <PeriodTable indicator={i} />
            </details>
          ))}
          {dialog ? <IndicatorDialog cooperationId={cooperationId} list={list} target={dialog} onClose={() => setDialog(null)} onDone={() => void refresh()} /> : null}
        </>
      ) : null}
    </section>
  );
};
