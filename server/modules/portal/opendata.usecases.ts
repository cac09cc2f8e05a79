import ExcelJS from 'exceljs';
import type { PublicCooperation } from '../../../contracts/portal.js';
import type { Db } from '../../platform/db/database.js';
import { asObjects, DATASETS, type Cell, type DatasetName } from './datasets.models.js';
import * as repo from './portal.repository.js';
import type { PublicQuery } from './portal.schemas.js';
import { allPublished } from './public.usecases.js';

type Filters = Omit<PublicQuery, 'cursor' | 'limit'>;

/** Every current snapshot matching the filters, page by page (no row cap), in the list's order. */
async function* allSnapshots(db: Db, filters: Filters): AsyncGenerator<{ snapshot: PublicCooperation; releasedAt: Date }[]> {
  for await (const page of allPublished(db, filters)) yield await repo.snapshotsOf(db, page.map((s) => s.id));
}

export const datasetRows = async (db: Db, name: DatasetName, filters: Filters): Promise<Cell[][]> => {
  const d = DATASETS[name];
  const rows: Cell[][] = [];
  for await (const page of allSnapshots(db, filters)) for (const s of page) rows.push(...d.rows(s.snapshot, s.releasedAt.toISOString()));

  return rows;
};

/** The dataset as CSV (RFC 4180, UTF-8 with BOM so spreadsheet programs read Indonesian text), written by the register export's CSV writer. */
export const datasetCsv = async (db: Db, name: DatasetName, filters: Filters) => {
  const d = DATASETS[name];
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(name);
  sheet.addRow(d.columns.map((c) => c.name));
  for (const row of await datasetRows(db, name, filters)) sheet.addRow(row.map((v) => (typeof v === 'boolean' ? String(v) : v)));
  const buffer = await book.csv.writeBuffer({ formatterOptions: { writeBOM: true } });

  return new Uint8Array(buffer as ArrayBuffer);
};

export const datasetJson = async (db: Db, name: DatasetName, filters: Filters) => {
  const d = DATASETS[name];
  const items = asObjects(d, await datasetRows(db, name, filters));

  return { dataset: name, count: items.length, items };
};

/** Bulk JSON: every current snapshot matching the filters. */
export const bulkCooperations = async (db: Db, filters: Filters) => {
  const items: PublicCooperation[] = [];
  for await (const page of allSnapshots(db, filters)) items.push(...page.map((s) => s.snapshot));

  return { count: items.length, items };
};
