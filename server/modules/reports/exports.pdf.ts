import type { Content } from 'pdfmake';
import { renderPdfDefinition } from '../../platform/render/pdf.js';
import { barChartSvg } from './exports.charts.js';
import { reportTables, reportTitle, recipientLine, type ReportTable } from './exports.tables.js';
import type { ReportFigures } from './figures.models.js';

const tableNode = (t: ReportTable): Content[] => [
  { text: t.title, bold: true, fontSize: 11, margin: [0, 12, 0, 4] },
  t.rows.length === 0
    ? { text: 'Tidak ada data.', italics: true }
    : {
        table: {
          headerRows: 1,
          widths: t.headers.map((_h, i) => (i === 1 && t.headers.length > 2 ? '*' : 'auto')),
          body: [t.headers.map((h) => ({ text: h, bold: true, fillColor: '#dbeafe' })), ...t.rows.map((r) => r.map((c) => ({ text: String(c) })))],
        },
        layout: 'lightHorizontalLines',
      },
];

/** The report as a PDF: the tables of the XLSX plus bar charts (kind, state) drawn by echarts as SVG. */
export const renderReportPdf = async (f: ReportFigures): Promise<Uint8Array> => {
  const tables = reportTables(f);
  const charts: Content[] = [];
  if (f.byKind.length) charts.push({ svg: barChartSvg({ title: 'Kerja sama menurut jenis', entries: f.byKind.map((k) => ({ label: k.key, value: k.count })) }), width: 360, margin: [0, 8, 0, 0] });
  if (f.byState.length) charts.push({ svg: barChartSvg({ title: 'Kerja sama menurut tahap', entries: f.byState.map((s) => ({ label: s.key, value: s.count })) }), width: 360, margin: [0, 8, 0, 0] });
  const [summary, ...rest] = tables;

  return renderPdfDefinition({
    pageSize: 'A4',
    pageOrientation: f.level === 'PROVINCE' ? 'landscape' : 'portrait',
    pageMargins: [50, 50, 50, 50],
    info: { title: reportTitle(f), author: f.organization.name, creator: 'Jejaring', producer: 'Jejaring' },
    language: 'id-ID',
    footer: (current, total) => ({ text: `Halaman ${current} dari ${total}`, alignment: 'center', fontSize: 8, margin: [0, 20, 0, 0] }),
    content: [
      { text: reportTitle(f), bold: true, fontSize: 13, alignment: 'center' },
      { text: recipientLine(f), alignment: 'center', margin: [0, 4, 0, 8] },
      ...tableNode(summary!),
      ...charts,
      ...rest.flatMap(tableNode),
    ],
  });
};
