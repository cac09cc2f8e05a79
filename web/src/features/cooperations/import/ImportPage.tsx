import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../app/paths';
import { useLang } from '../../../i18n';
import { ApiError } from '../../../lib/api';
import { formatDate, formatNumber, formatRupiah } from '../../../lib/format';
import { SelectField, TextField } from '../../../ui/Field';
import { PageTitle } from '../../../ui/PageTitle';
import { ErrorNotice, TableScroll } from '../../../ui/Status';
import { previewImport, runImport, uploadRegister, type ImportField, type ImportPreview, type ImportResult, type ImportRow } from './import.api';
import {
  assignField,
  choiceFromValue,
  choiceValue,
  confirmationsForRequest,
  FOREIGN_TYPES,
  mappingForRequest,
  missingRequired,
  needsPartnerChoice,
  requestKey,
  type Choices,
  type Mapping,
} from './importModel';
import './import.css';

type Step = 'upload' | 'map' | 'preview' | 'done';
const STEPS: Step[] = ['upload', 'map', 'preview', 'done'];

/**
 * Imports the register a Bagian Kerja Sama kept before Jejaring: upload the XLSX or CSV, say
 * which column holds what, check every row (errors named per row and column, partners matched
 * or chosen), try it (dry run), then import it in one go. Nothing is saved until the last step,
 * and then all rows or none.
 */
export const ImportPage = () => {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('upload');
  const [fileId, setFileId] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [headerRow, setHeaderRow] = useState<number | undefined>(undefined);
  const [choices, setChoices] = useState<Choices>({});
  const [shownKey, setShownKey] = useState('');
  const [dry, setDry] = useState<{ key: string; result: ImportResult } | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);

  const requestOf = (p: ImportPreview, m: Mapping, c: Choices) => ({
    fileId: fileId!,
    sheet: p.sheet,
    ...(p.headerRow !== null ? { headerRow: p.headerRow } : {}),
    mapping: mappingForRequest(m, p.columns),
    confirmations: confirmationsForRequest(c, p.rows),
  });
  const current = preview && fileId ? requestOf(preview, mapping, choices) : null;
  const currentKey = current ? requestKey(current) : '';

  const reset = () => {
    setStep('upload');
    setFileId(null);
    setPreview(null);
    setMapping({});
    setChoices({});
    setSheet(undefined);
    setHeaderRow(undefined);
    setDry(null);
    setDone(null);
    setShownKey('');
  };

  /** Reads the file with the server's suggested mapping (a new file, sheet or header row). */
  const read = useMutation({
    mutationFn: (body: { fileId: string; sheet?: string | undefined; headerRow?: number | undefined }) => previewImport(body),
    onSuccess: (p) => {
      setPreview(p);
      setMapping(p.mapping);
      setSheet(p.sheet);
      setHeaderRow(p.headerRow ?? undefined);
      setChoices({});
      setDry(null);
      setShownKey('');
      setStep('map');
    },
  });
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const stored = await uploadRegister(file);
      setFileId(stored.id);

      return stored.id;
    },
    onSuccess: (id) => read.mutate({ fileId: id }),
  });
  const check = useMutation({
    mutationFn: (request: NonNullable<typeof current>) => previewImport(request),
    onSuccess: (p, request) => {
      setPreview(p);
      setShownKey(requestKey(request));
      setStep('preview');
    },
  });
  const tryRun = useMutation({
    mutationFn: (request: NonNullable<typeof current>) => runImport({ ...request, dryRun: true }),
    onSuccess: (result, request) => setDry({ key: requestKey(request), result }),
    // The rows may have changed since the preview (a partner renamed, a number taken): show them again.
    onError: (_e, request) => check.mutate(request),
  });
  const run = useMutation({
    mutationFn: (request: NonNullable<typeof current>) => runImport({ ...request, dryRun: false }),
    onSuccess: (result) => {
      setDone(result);
      setStep('done');
    },
    onError: (_e, request) => {
      setDry(null);
      check.mutate(request);
    },
  });

  return (
    <>
      <PageTitle title={t('import.title')}>{t('import.title')}</PageTitle>
      <p className="lead">{t('import.lead')}</p>
      <ol className="import-steps" aria-label={t('import.stepsLabel')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined}>
            {t('import.stepOf', { n: i + 1, name: t(`import.steps.${s}`) })}
          </li>
        ))}
      </ol>

      {step === 'upload' ? <UploadStep pending={upload.isPending || read.isPending} error={upload.error ?? read.error} onUpload={(f) => upload.mutate(f)} /> : null}

      {step === 'map' && preview && current ? (
        <MappingStep
          preview={preview}
          mapping={mapping}
          sheet={sheet}
          headerRow={headerRow}
          pending={check.isPending || read.isPending}
          error={check.error ?? read.error}
          onMapping={setMapping}
          onSheet={setSheet}
          onHeaderRow={setHeaderRow}
          onReread={() => read.mutate({ fileId: fileId!, sheet, headerRow })}
          onPreview={() => check.mutate(current)}
          onRestart={reset}
        />
      ) : null}

      {step === 'preview' && preview && current ? (
        <PreviewStep
          preview={preview}
          choices={choices}
          stale={currentKey !== shownKey}
          checking={check.isPending}
          checkError={check.error}
          dry={dry?.key === currentKey ? dry.result : null}
          dryPending={tryRun.isPending}
          dryError={tryRun.error}
          runPending={run.isPending}
          runError={run.error}
          onChoices={setChoices}
          onRefresh={() => check.mutate(current)}
          onDryRun={() => tryRun.mutate(current)}
          onRun={() => run.mutate(current)}
          onBack={() => setStep('map')}
          onRestart={reset}
        />
      ) : null}

      {step === 'done' && done ? (
        <section aria-labelledby="import-done" className="panel">
          <h2 id="import-done">{t('import.done.title')}</h2>
          <p role="status">{t('import.done.summary', { n: done.imported, partners: done.createdPartners })}</p>
          <div className="button-row">
            <Link className="button button-primary" to={paths.cooperations}>
              {t('import.done.openRegister')}
            </Link>
            <button type="button" className="button" onClick={reset}>
              {t('import.done.another')}
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
};

const UploadStep = ({ pending, error, onUpload }: { pending: boolean; error: unknown; onUpload: (file: File) => void }) => {
  const { t } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) onUpload(file);
  };

  return (
    <form className="form panel" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('import.upload.title')}</h2>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('import.upload.file')}</label>
        <p id={`${id}-hint`} className="field-hint">
          {t('import.upload.hint')}
        </p>
        <input id={`${id}-file`} type="file" required accept=".xlsx,.csv" aria-describedby={`${id}-hint`} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={!file || pending}>
          {pending ? t('import.upload.reading') : t('import.upload.submit')}
        </button>
      </div>
    </form>
  );
};

type MappingProps = {
  preview: ImportPreview;
  mapping: Mapping;
  sheet: string | undefined;
  headerRow: number | undefined;
  pending: boolean;
  error: unknown;
  onMapping: (m: Mapping) => void;
  onSheet: (s: string) => void;
  onHeaderRow: (n: number | undefined) => void;
  onReread: () => void;
  onPreview: () => void;
  onRestart: () => void;
};

const MappingStep = ({ preview, mapping, sheet, headerRow, pending, error, onMapping, onSheet, onHeaderRow, onReread, onPreview, onRestart }: MappingProps) => {
  const { t } = useTranslation();
  const id = useId();
  const missing = missingRequired(mapping, preview.fields);
  const fieldLabel = (f: ImportField) => t(`import.fields.${f}`);
  const layoutChanged = sheet !== preview.sheet || (headerRow ?? null) !== preview.headerRow;

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('import.map.title')}</h2>
      <p className="import-file-name">{t('import.map.file', { name: preview.fileName })}</p>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="import-map-grid">
        {preview.sheets.length > 1 ? (
          <SelectField label={t('import.map.sheet')} value={sheet ?? preview.sheet} onChange={(e) => onSheet(e.target.value)}>
            {preview.sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField
          label={t('import.map.headerRow')}
          hint={t('import.map.headerRowHint')}
          type="number"
          min={1}
          inputMode="numeric"
          value={headerRow ?? ''}
          onChange={(e) => onHeaderRow(e.target.value ? Number(e.target.value) : undefined)}
        />
      </div>
      {layoutChanged ? (
        <p>
          <button type="button" className="button" onClick={onReread} disabled={pending}>
            {t('import.map.reread')}
          </button>
        </p>
      ) : null}
      <p>{t('import.map.lead')}</p>
      {preview.columns.length === 0 ? <p className="notice notice-info">{t('import.map.noColumns')}</p> : null}
      <div className="import-map-grid">
        {preview.columns.map((c) => (
          <SelectField
            key={c.key}
            label={t('import.map.column', { key: c.key, header: c.header || t('import.map.untitled') })}
            hint={c.samples.length ? t('import.map.samples', { samples: c.samples.join(' · ') }) : t('import.map.noSamples')}
            value={mapping[c.key] ?? ''}
            onChange={(e) => onMapping(assignField(mapping, c.key, e.target.value as ImportField | ''))}
          >
            <option value="">{t('import.map.notImported')}</option>
            {preview.fields.map((f) => (
              <option key={f.name} value={f.name}>
                {f.required ? t('import.map.requiredField', { name: fieldLabel(f.name) }) : fieldLabel(f.name)}
              </option>
            ))}
          </SelectField>
        ))}
      </div>
      <p className="field-hint">{t('import.map.requiredNote')}</p>
      {missing.length > 0 ? (
        <p className="notice notice-error" id={`${id}-missing`}>
          {t('import.map.missing', { fields: missing.map(fieldLabel).join(', ') })}
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={onPreview} disabled={pending || missing.length > 0 || layoutChanged} aria-describedby={missing.length ? `${id}-missing` : undefined}>
          {pending ? t('import.map.checking') : t('import.map.submit')}
        </button>
        <button type="button" className="button" onClick={onRestart}>
          {t('import.otherFile')}
        </button>
      </div>
    </section>
  );
};

type PreviewProps = {
  preview: ImportPreview;
  choices: Choices;
  stale: boolean;
  checking: boolean;
  checkError: unknown;
  dry: ImportResult | null;
  dryPending: boolean;
  dryError: unknown;
  runPending: boolean;
  runError: unknown;
  onChoices: (c: Choices) => void;
  onRefresh: () => void;
  onDryRun: () => void;
  onRun: () => void;
  onBack: () => void;
  onRestart: () => void;
};

const PreviewStep = (props: PreviewProps) => {
  const { preview, choices, stale, checking, dry } = props;
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId();
  const s = preview.summary;
  const blocked = s.invalid > 0 || s.needsConfirmation > 0 || preview.missingFields.length > 0 || s.total === 0;
  const reason = stale ? t('import.preview.staleNote') : blocked ? t('import.preview.blockedNote', { invalid: s.invalid, confirm: s.needsConfirmation }) : null;
  const dryFailed = props.dryError instanceof ApiError && props.dryError.code === 'import.rows_invalid';

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('import.preview.title')}</h2>
      <p className="import-file-name">{t('import.map.file', { name: preview.fileName })}</p>
      <ul className="import-summary" aria-live="polite">
        <li>{t('import.preview.total', { n: s.total })}</li>
        <li>{t('import.preview.ready', { n: s.ready })}</li>
        <li className={s.invalid ? 'import-error' : undefined}>{t('import.preview.invalid', { n: s.invalid })}</li>
        <li className={s.needsConfirmation ? 'import-warning' : undefined}>{t('import.preview.needsConfirmation', { n: s.needsConfirmation })}</li>
      </ul>
      {preview.skippedRows.length > 0 ? <p className="field-hint">{t('import.preview.skipped', { rows: preview.skippedRows.join(', ') })}</p> : null}
      {props.checkError ? <ErrorNotice error={props.checkError} /> : null}
      {s.total > 0 ? (
        <TableScroll label={t('import.preview.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('import.preview.row')}</th>
              <th scope="col">{t('import.preview.status')}</th>
              <th scope="col">{t('import.fields.title')}</th>
              <th scope="col">{t('import.fields.partner')}</th>
              <th scope="col">{t('import.fields.kind')}</th>
              <th scope="col">{t('import.fields.state')}</th>
              <th scope="col">{t('import.preview.term')}</th>
              <th scope="col">{t('import.fields.amount')}</th>
              <th scope="col">{t('import.preview.issues')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.rowNumber} className={row.status === 'invalid' ? 'import-row-invalid' : row.status === 'needs_confirmation' ? 'import-row-confirm' : undefined}>
                <th scope="row">{row.rowNumber}</th>
                <td>
                  <strong>{t(`import.rowStatus.${row.status}`)}</strong>
                </td>
                <td className="import-wide">{row.values.title || t('common.none')}</td>
                <td className="import-wide">
                  <PartnerCell row={row} choices={choices} onChoices={props.onChoices} />
                </td>
                <td>{row.values.kind ? t(`cooperations.kinds.${row.values.kind}`) : t('common.none')}</td>
                <td>{row.values.state ? t(`cooperations.states.${row.values.state}`) : t('common.none')}</td>
                <td className="import-nowrap">
                  {row.values.startDate ? formatDate(row.values.startDate, lang) : t('common.none')} – {row.values.endDate ? formatDate(row.values.endDate, lang) : t('common.none')}
                </td>
                <td className="import-nowrap">{row.values.amount ? formatRupiah(row.values.amount) : t('common.none')}</td>
                <td className="import-wide">
                  <Issues row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </TableScroll>
      ) : null}

      {stale ? (
        <p>
          <button type="button" className="button" onClick={props.onRefresh} disabled={checking}>
            {checking ? t('import.map.checking') : t('import.preview.refresh')}
          </button>
        </p>
      ) : null}

      {props.dryError ? (
        <ErrorNotice error={props.dryError}>{dryFailed ? `${(props.dryError as ApiError).detail} ${t('import.preview.seeRows')}` : undefined}</ErrorNotice>
      ) : null}
      {props.runError ? <ErrorNotice error={props.runError} /> : null}

      {dry ? (
        <div className="notice notice-info" role="status">
          <strong>{t('import.dryRun.ok')}</strong> {t('import.dryRun.summary', { n: dry.imported, partners: dry.createdPartners })}
        </div>
      ) : null}

      {reason ? (
        <p id={`${id}-reason`} className="notice notice-info">
          {reason}
        </p>
      ) : null}
      <div className="button-row">
        {dry ? (
          <button type="button" className="button button-primary" onClick={props.onRun} disabled={props.runPending || stale}>
            {props.runPending ? t('import.run.running') : t('import.run.submit', { n: formatNumber(dry.imported, lang) })}
          </button>
        ) : (
          <button
            type="button"
            className="button button-primary"
            onClick={props.onDryRun}
            disabled={props.dryPending || stale || blocked}
            aria-describedby={reason ? `${id}-reason` : undefined}
          >
            {props.dryPending ? t('import.dryRun.running') : t('import.dryRun.submit')}
          </button>
        )}
        <button type="button" className="button" onClick={props.onBack}>
          {t('import.preview.back')}
        </button>
        <button type="button" className="button" onClick={props.onRestart}>
          {t('import.otherFile')}
        </button>
      </div>
    </section>
  );
};

const Issues = ({ row }: { row: ImportRow }) => {
  const { t } = useTranslation();
  const label = (field: string) => t(`import.fields.${field}`);
  if (row.errors.length === 0 && row.warnings.length === 0) return <span>{t('common.none')}</span>;

  return (
    <ul className="import-issues">
      {row.errors.map((e, i) => (
        <li key={`e${i}`} className="import-error">
          <strong>{t('import.preview.error')}</strong> {label(e.field)}: {e.message}
        </li>
      ))}
      {row.warnings.map((w, i) => (
        <li key={`w${i}`}>
          <strong>{t('import.preview.note')}</strong> {label(w.field)}: {w.message}
        </li>
      ))}
    </ul>
  );
};

/** The partner as written, what it matched, and, when a person must decide, the choice. */
const PartnerCell = ({ row, choices, onChoices }: { row: ImportRow; choices: Choices; onChoices: (c: Choices) => void }) => {
  const { t } = useTranslation();
  const id = useId();
  const key = String(row.rowNumber);
  const choice = choices[key];
  const p = row.partner;
  const foreign = FOREIGN_TYPES.includes(p.expectedType ?? '');
  const asChosen = p.chosen ? (p.chosen.kind === 'create' ? t('import.partner.willCreate', { name: p.chosen.name }) : p.chosen.name) : null;
  const choosing = needsPartnerChoice(row) || choice !== undefined;

  return (
    <div className="import-partner">
      <div>{p.name || t('common.none')}</div>
      <div className="field-hint">{t(`import.partner.status.${p.status}`)}</div>
      {asChosen && !choosing ? <div>→ {asChosen}</div> : null}
      {choosing && p.name ? (
        <div className="import-choice">
          <label htmlFor={`${id}-partner`}>{t('import.partner.chooseFor', { row: row.rowNumber })}</label>
          <select
            id={`${id}-partner`}
            value={choiceValue(choice)}
            onChange={(e) => {
              const next = choiceFromValue(e.target.value, choice);
              const { [key]: _old, ...rest } = choices;
              onChoices(next ? { ...rest, [key]: next } : rest);
            }}
          >
            <option value="">{t('import.partner.choose')}</option>
            {p.candidates.map((c) => (
              <option key={c.id} value={`org:${c.id}`}>
                {t('import.partner.candidate', { name: c.name, type: t(`orgTypes.${c.type}`), score: Math.round(c.score * 100) })}
              </option>
            ))}
            {p.canCreate ? <option value="create">{t('import.partner.createNew', { name: p.name })}</option> : null}
          </select>
          {!p.canCreate ? <p className="field-hint">{t('import.partner.cannotCreate')}</p> : null}
          {choice?.kind === 'create' && foreign ? (
            <>
              <label htmlFor={`${id}-country`}>{t('import.partner.country')}</label>
              <input
                id={`${id}-country`}
                value={choice.countryCode}
                maxLength={2}
                autoCapitalize="characters"
                aria-describedby={`${id}-country-hint`}
                onChange={(e) => onChoices({ ...choices, [key]: { kind: 'create', countryCode: e.target.value.toUpperCase().replace(/[^A-Z]/g, '') } })}
              />
              <p id={`${id}-country-hint`} className="field-hint">
                {t('import.partner.countryHint')}
              </p>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
};
