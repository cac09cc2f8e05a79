import ExcelJS from 'exceljs';
import { reportTables, reportTitle, recipientLine, SHEET_NAMES } from './exports.tables.js';
import type { ReportFigures } from './figures.models.js';

/**
 * The report as a workbook: a cover sheet with the summary and one sheet per table, each with a
 * bold header row and frozen panes, so a secretariat can filter and re-use the figures.
 */
export const renderReportXlsx = async (f: ReportFigures): Promise<Uint8Array> => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jejaring';
  wb.title = reportTitle(f);
  for (const table of reportTables(f)) {
    const ws = wb.addWorksheet(SHEET_NAMES[table.key] ?? table.key, { views: [{ state: 'frozen', ySplit: table.key === 'summary' ? 4 : 1 }] });
    if (table.key === 'summary') {
      ws.addRow([reportTitle(f)]).font = { bold: true, size: 13 };
      ws.addRow([recipientLine(f)]);
      ws.addRow([]);
    }
    const header = ws.addRow(table.headers);
    header.font = { bold: true };
    header.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDBEAFE' } };
    });
    for (const row of table.rows) ws.addRow(row);
    ws.columns.forEach((col, i) => {
      const longest = Math.max(...table.headers.map((h, j) => (j === i ? h.length : 0)), ...table.rows.map((r) => String(r[i] ?? '').length));
      col.width = Math.min(Math.max(longest + 2, 10), 70);
    });
  }

  return new Uint8Array(await wb.xlsx.writeBuffer());
};
