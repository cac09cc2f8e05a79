import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { formatDate, formatNumber, formatRupiah } from '../../lib/format';
import { TableScroll } from '../../ui/Status';
import { ReportBadge } from './ReportBadge';
import { realisationPercent, type Figures } from './reports.api';

/**
 * A titled table whose caption names it for screen readers and the scroll region alike. The
 * caption is hidden on screen where a heading with the same words already stands above it.
 */
const Table = ({ caption, hidden = true, children }: { caption: string; hidden?: boolean; children: React.ReactNode }) => (
  <TableScroll label={caption}>
    <caption className={hidden ? 'visually-hidden' : undefined}>{caption}</caption>
    {children}
  </TableScroll>
);

/**
 * The figures snapshot as accessible tables, in the same order as the XLSX and PDF: the summary,
 * counts by kind, stage and affair, the cooperations about to end or dormant, and for a province
 * the per kabupaten/kota roll-up with each one's own report status.
 */
export const ReportFigures = ({ figures: f }: { figures: Figures }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const n = (v: number) => formatNumber(v, lang);
  const pct = realisationPercent(f.money.budget, f.money.realisation);
  const summary: [string, string][] = [
    [t('reports.figures.cooperations'), n(f.totals.cooperations)],
    [t('reports.figures.inForce'), n(f.totals.inForce)],
    [t('reports.figures.signed'), n(f.totals.signed)],
    [t('reports.figures.ended'), n(f.totals.ended)],
    [t('reports.figures.expiring'), n(f.totals.expiring)],
    [t('reports.figures.dormant'), n(f.totals.dormant)],
    [t('reports.figures.activities'), n(f.money.activities)],
    [t('reports.figures.budget'), formatRupiah(f.money.budget)],
    [t('reports.figures.realisation'), formatRupiah(f.money.realisation)],
    [t('reports.figures.realisationPercent'), pct === null ? t('reports.figures.notAvailable') : `${formatNumber(pct, lang, 1)}%`],
    [t('reports.figures.indicators'), t('reports.figures.indicatorsValue', { achieved: n(f.indicators.achieved), total: n(f.indicators.total), measured: n(f.indicators.measured) })],
  ];
  const none = <p className="status status-empty">{t('reports.figures.none')}</p>;

  return (
    <section className="report-section report-figures" aria-labelledby="report-figures-title">
      <h2 id="report-figures-title">{t('reports.figures.title')}</h2>
      <Table caption={t('reports.figures.summary')} hidden={false}>
        <thead>
          <tr>
            <th scope="col">{t('reports.figures.item')}</th>
            <th scope="col" className="num">
              {t('reports.figures.value')}
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="num report-value">{value}</td>
            </tr>
          ))}
        </tbody>
      </Table>

      <h3>{t('reports.figures.byKind')}</h3>
      {f.byKind.length === 0 ? none : (
        <Table caption={t('reports.figures.byKind')}>
          <thead>
            <tr>
              <th scope="col">{t('reports.figures.kind')}</th>
              <th scope="col" className="num">{t('reports.figures.count')}</th>
            </tr>
          </thead>
          <tbody>
            {f.byKind.map((k) => (
              <tr key={k.key}>
                <th scope="row">{t(`cooperations.kinds.${k.key}`, { defaultValue: k.key })}</th>
                <td className="num">{n(k.count)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      <h3>{t('reports.figures.byState')}</h3>
      {f.byState.length === 0 ? none : (
        <Table caption={t('reports.figures.byState')}>
          <thead>
            <tr>
              <th scope="col">{t('reports.figures.state')}</th>
              <th scope="col" className="num">{t('reports.figures.count')}</th>
            </tr>
          </thead>
          <tbody>
            {f.byState.map((s) => (
              <tr key={s.key}>
                <th scope="row">{t(`cooperations.states.${s.key}`, { defaultValue: s.key })}</th>
                <td className="num">{n(s.count)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      <h3>{t('reports.figures.byUrusan')}</h3>
      {f.byUrusan.length === 0 ? none : (
        <Table caption={t('reports.figures.byUrusan')}>
          <thead>
            <tr>
              <th scope="col">{t('reports.figures.code')}</th>
              <th scope="col">{t('reports.figures.urusan')}</th>
              <th scope="col" className="num">{t('reports.figures.count')}</th>
            </tr>
          </thead>
          <tbody>
            {f.byUrusan.map((u) => (
              <tr key={u.code}>
                <td>{u.code}</td>
                <th scope="row">{u.name}</th>
                <td className="num">{n(u.count)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      <h3>{t('reports.figures.expiringList')}</h3>
      {f.expiring.length === 0 ? none : (
        <Table caption={t('reports.figures.expiringList')}>
          <thead>
            <tr>
              <th scope="col">{t('reports.figures.code')}</th>
              <th scope="col">{t('reports.figures.cooperationTitle')}</th>
              <th scope="col">{t('reports.figures.endDate')}</th>
            </tr>
          </thead>
          <tbody>
            {f.expiring.map((e) => (
              <tr key={e.code}>
                <td className="code">{e.code}</td>
                <th scope="row">{e.title}</th>
                <td>{formatDate(e.endDate, lang)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      <h3>{t('reports.figures.dormantList')}</h3>
      {f.dormant.length === 0 ? none : (
        <Table caption={t('reports.figures.dormantList')}>
          <thead>
            <tr>
              <th scope="col">{t('reports.figures.code')}</th>
              <th scope="col">{t('reports.figures.cooperationTitle')}</th>
              <th scope="col" className="num">{t('reports.figures.monthsQuiet')}</th>
            </tr>
          </thead>
          <tbody>
            {f.dormant.map((d) => (
              <tr key={d.code}>
                <td className="code">{d.code}</td>
                <th scope="row">{d.title}</th>
                <td className="num">{n(d.monthsQuiet)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      {f.level === 'PROVINCE' ? (
        <>
          <h3>{t('reports.figures.regions')}</h3>
          <Table caption={t('reports.figures.regions')}>
            <thead>
              <tr>
                <th scope="col">{t('reports.figures.region')}</th>
                <th scope="col" className="num">{t('reports.figures.cooperations')}</th>
                <th scope="col" className="num">{t('reports.figures.inForce')}</th>
                <th scope="col" className="num">{t('reports.figures.signed')}</th>
                <th scope="col" className="num">{t('reports.figures.ended')}</th>
                <th scope="col" className="num">{t('reports.figures.dormant')}</th>
                <th scope="col" className="num">{t('reports.figures.budget')}</th>
                <th scope="col" className="num">{t('reports.figures.realisation')}</th>
                <th scope="col">{t('reports.figures.reportStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {f.regions.map((r) => (
                <tr key={r.tenantId}>
                  <th scope="row">{r.name}</th>
                  <td className="num">{n(r.cooperations)}</td>
                  <td className="num">{n(r.inForce)}</td>
                  <td className="num">{n(r.signed)}</td>
                  <td className="num">{n(r.ended)}</td>
                  <td className="num">{n(r.dormant)}</td>
                  <td className="num">{formatRupiah(r.budget)}</td>
                  <td className="num">{formatRupiah(r.realisation)}</td>
                  <td>{r.reportStatus ? <ReportBadge status={r.reportStatus} /> : t('reports.figures.notReported')}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      ) : null}
    </section>
  );
};
