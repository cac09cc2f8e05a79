import { lazy, Suspense, useCallback, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { TableScroll } from '../../ui/Status';
import type { ChartHandle } from './BarChart';
import { csvBlob, downloadBlob, fileSlug, svgToPng, toCsv } from './exports';

// echarts is loaded only when a chart is first shown, in its own chunk.
const BarChart = lazy(() => import('./BarChart'));

export type ChartRow = { key: string; label: string; count: number };

type Props = {
  title: string;
  /** Header of the category column ("Urusan", "Jenis", …). */
  category: string;
  rows: readonly ChartRow[];
  horizontal?: boolean;
  /** Shown under the title: what is counted (e.g. how the year is chosen). */
  note?: string;
  /** File names: dasbor-<scope>-<title>.csv/png */
  scopeSlug: string;
};

/** One chart with its text summary, a table view and CSV/PNG downloads. */
export const ChartCard = ({ title, category, rows, horizontal = false, note, scopeSlug }: Props) => {
  const { t } = useTranslation();
  const lang = useLang();
  const headingId = useId();
  const [asTable, setAsTable] = useState(false);
  const [pngFailed, setPngFailed] = useState(false);
  const handle = useRef<ChartHandle | null>(null);
  const onReady = useCallback((h: ChartHandle | null) => {
    handle.current = h;
  }, []);
  const format = useCallback((n: number) => formatNumber(n, lang), [lang]);
  const labels = useMemo(() => rows.map((r) => r.label), [rows]);
  const values = useMemo(() => rows.map((r) => r.count), [rows]);
  const countHeader = t('dashboards.count');
  const sorted = [...rows].sort((a, b) => b.count - a.count);
  const top = sorted[0];
  const summary =
    rows.length === 0
      ? t('dashboards.summaryEmpty')
      : t('dashboards.summary', { categories: format(rows.length), top: top!.label, topCount: format(top!.count), total: format(values.reduce((s, v) => s + v, 0)) });
  const description = `${title}. ${summary} ${rows.map((r) => `${r.label}: ${format(r.count)}`).join('; ')}`;
  const file = `dasbor-${scopeSlug}-${fileSlug(title)}`;

  const downloadCsv = () => downloadBlob(csvBlob(toCsv([t('dashboards.code'), category, countHeader], rows.map((r) => [r.key, r.label, r.count]))), `${file}.csv`);
  const downloadPng = async () => {
    setPngFailed(false);
    const h = handle.current;
    if (!h) {
      setPngFailed(true);

      return;
    }
    try {
      const { width, height } = h.size();
      downloadBlob(await svgToPng(h.svg(), width, height), `${file}.png`);
    } catch {
      setPngFailed(true);
    }
  };

  return (
    <section className="panel dash-chart" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {note ? <p className="field-hint">{note}</p> : null}
      <p className="dash-summary">{summary}</p>
      <div className="button-row dash-chart-actions">
        <button type="button" className="button button-small" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
          {t('dashboards.table')}
        </button>
        <button type="button" className="button button-small" onClick={downloadCsv}>
          {t('dashboards.downloadCsv')}
        </button>
        <button type="button" className="button button-small" onClick={() => void downloadPng()} disabled={asTable || rows.length === 0}>
          {t('dashboards.downloadPng')}
        </button>
      </div>
      {pngFailed ? (
        <p className="notice notice-error" role="alert">
          {t('dashboards.pngFailed')}
        </p>
      ) : null}
      {asTable ? (
        <TableScroll label={title}>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{category}</th>
              <th scope="col" className="num">
                {countHeader}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td className="num">{format(r.count)}</td>
              </tr>
            ))}
          </tbody>
        </TableScroll>
      ) : rows.length === 0 ? null : (
        <div className="dash-chart-box">
          <Suspense fallback={<p className="status">{t('common.loading')}</p>}>
            <BarChart description={description} labels={labels} values={values} horizontal={horizontal} format={format} onReady={onReady} />
          </Suspense>
        </div>
      )}
    </section>
  );
};
