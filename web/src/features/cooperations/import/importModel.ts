import type { ImportField, ImportPreview, ImportRow, ImportRunInput } from './import.api';

/**
 * The state of the import screen that is not the server's: the column mapping being edited and
 * the partner chosen for each row. Pure, so the rules (one column per field, which rows still
 * need a choice, what is sent) are tested without a browser.
 */

export type Mapping = Partial<Record<string, ImportField>>;

/** A person's choice for a row's partner: an existing organisation, or a new partner (foreign ones need a country). */
export type PartnerChoice = { kind: 'existing'; orgId: string } | { kind: 'create'; countryCode: string };
export type Choices = Record<string, PartnerChoice>;

/** Organisation types a new partner can be registered as from an import, and those that need a country. */
export const FOREIGN_TYPES = ['FOREIGN_LOCAL_GOV', 'FOREIGN_INSTITUTION'];

/**
 * Puts a field on a column. A field lives in one column only: choosing it elsewhere takes it away
 * from the column that had it, so the preview never reads two columns as the same thing.
 */
export const assignField = (mapping: Mapping, columnKey: string, field: ImportField | ''): Mapping => {
  const next: Mapping = {};
  for (const [key, value] of Object.entries(mapping)) if (key !== columnKey && value !== undefined && value !== field) next[key] = value;
  if (field) next[columnKey] = field;

  return next;
};

/** Required fields no column provides yet. */
export const missingRequired = (mapping: Mapping, fields: ImportPreview['fields']): ImportField[] => {
  const mapped = new Set(Object.values(mapping));

  return fields.filter((f) => f.required && !mapped.has(f.name)).map((f) => f.name);
};

/** The mapping as sent: every detected column named, unmapped ones as "ignore", so the server uses exactly this. */
export const mappingForRequest = (mapping: Mapping, columns: ImportPreview['columns']): NonNullable<ImportRunInput['mapping']> =>
  Object.fromEntries(columns.map((c) => [c.key, mapping[c.key] ?? 'ignore']));

/** Whether the row's partner can only be settled by a person (a probable match, none, or a refused choice). */
export const needsPartnerChoice = (row: ImportRow) =>
  row.partner.status !== 'exact' || row.errors.some((e) => e.field === 'partner') || row.partner.chosen === null;

/** A choice that is complete enough to send: a new foreign partner needs a two-letter country code. */
export const choiceComplete = (row: ImportRow, choice: PartnerChoice | undefined) =>
  choice !== undefined && (choice.kind === 'existing' || !FOREIGN_TYPES.includes(row.partner.expectedType ?? '') || /^[A-Z]{2}$/.test(choice.countryCode));

/** The confirmations as the API takes them; incomplete choices and rows no longer in the file are left out. */
export const confirmationsForRequest = (choices: Choices, rows: readonly ImportRow[]): NonNullable<ImportRunInput['confirmations']> => {
  const out: NonNullable<ImportRunInput['confirmations']> = {};
  for (const row of rows) {
    const key = String(row.rowNumber);
    const choice = choices[key];
    if (!choice || !choiceComplete(row, choice)) continue;
    out[key] = choice.kind === 'existing' ? { partyOrgId: choice.orgId } : { createPartner: choice.countryCode ? { countryCode: choice.countryCode } : {} };
  }

  return out;
};

/** The value of the partner select for a row: "org:<id>", "create", or "" when nothing is chosen. */
export const choiceValue = (choice: PartnerChoice | undefined) => (choice === undefined ? '' : choice.kind === 'existing' ? `org:${choice.orgId}` : 'create');

export const choiceFromValue = (value: string, previous: PartnerChoice | undefined): PartnerChoice | undefined => {
  if (value.startsWith('org:')) return { kind: 'existing', orgId: value.slice(4) };
  if (value === 'create') return { kind: 'create', countryCode: previous?.kind === 'create' ? previous.countryCode : '' };

  return undefined;
};

/** Where the journey stands: a dry run is only valid for the exact request it ran with. */
export const requestKey = (request: Omit<ImportRunInput, 'dryRun'>) => JSON.stringify(request);

export const countByStatus = (rows: readonly ImportRow[]) => ({
  total: rows.length,
  ready: rows.filter((r) => r.status === 'ready').length,
  invalid: rows.filter((r) => r.status === 'invalid').length,
  needsConfirmation: rows.filter((r) => r.status === 'needs_confirmation').length,
});
