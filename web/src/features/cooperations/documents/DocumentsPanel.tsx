import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { SelectField } from '../../../ui/Field';
import { Empty, ErrorNotice, Loading, TableScroll } from '../../../ui/Status';
import { useToast } from '../../../ui/Toast';
import { DiffView } from './DiffView';
import { EditDraftForm, GenerateDraftForm } from './DraftForms';
import { UploadForm } from './UploadForm';
import {
  compareDocuments,
  documentsKey,
  downloadUrl,
  fetchChecklist,
  fetchDocuments,
  setOwnNumber,
  WET_CHECKS,
  type CooperationDocument,
} from './documents.api';
import './documents.css';

/** The clause checklist of one version: every required clause with a word, not only a colour. */
const ChecklistDetails = ({ cooperationId, documentId }: { cooperationId: string; documentId: string }) => {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['cooperations', 'documents', cooperationId, 'checklist', documentId], queryFn: () => fetchChecklist(cooperationId, documentId) });
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} />;
  if (q.data.items.length === 0) return <p>{t('documents.checklist.noneRequired')}</p>;

  return (
    <div>
      {q.data.textStatus === 'PENDING' ? <p className="field-hint">{t('documents.checklist.pending')}</p> : null}
      <ul className="doc-checklist">
        {q.data.items.map((i) => (
          <li key={i.clause} className={i.present ? 'doc-present' : 'doc-missing'}>
            <span aria-hidden="true">{i.present ? '✓' : '✗'}</span> {t(`documents.clauses.${i.clause}`)} — {i.present ? t('documents.checklist.present') : t('documents.checklist.missing')}
          </li>
        ))}
      </ul>
    </div>
  );
};

/** The actor's party records its own number; other parties' numbers are only shown. */
const OwnNumberForm = ({ cooperationId, doc }: { cooperationId: string; doc: CooperationDocument }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const client = useQueryClient();
  const id = useId();
  const [number, setNumber] = useState('');
  const save = useMutation({
    mutationFn: () => setOwnNumber(cooperationId, doc.id, number.trim()),
    onSuccess: async () => {
      setNumber('');
      toast(t('documents.numbers.saved'));
      await client.invalidateQueries({ queryKey: documentsKey(cooperationId) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (number.trim()) save.mutate();
  };

  return (
    <form className="doc-number-form" onSubmit={submit}>
      <label htmlFor={`${id}-n`} className="visually-hidden">
        {t('documents.numbers.label', { type: t(`cooperations.documentTypes.${doc.type}`), version: doc.version })}
      </label>
      <input id={`${id}-n`} maxLength={120} value={number} placeholder={t('documents.numbers.placeholder')} onChange={(e) => setNumber(e.target.value)} />
      <button type="submit" className="button button-small" disabled={save.isPending || !number.trim()}>
        {t('documents.numbers.save')}
      </button>
      {save.isError ? <ErrorNotice error={save.error} /> : null}
    </form>
  );
};

const Signing = ({ doc }: { doc: CooperationDocument }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const parts = [
    doc.signingMethod ? t(`documents.signingMethods.${doc.signingMethod}`) : null,
    doc.signatureKind ? t(`documents.signatureKinds.${doc.signatureKind}`) : null,
    doc.signedAt ? formatDate(doc.signedAt, lang) : null,
    doc.signedPlace,
  ].filter(Boolean);

  return (
    <>
      {parts.length ? parts.join(' · ') : t('common.none')}
      {doc.wetChecklist ? (
        <ul className="doc-inline-list">
          {WET_CHECKS.map((c) => (
            <li key={c}>
              {doc.wetChecklist![c] ? '✓' : '✗'} {t(`documents.wet.${c}`)} ({doc.wetChecklist![c] ? t('common.yes') : t('common.no')})
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
};

const Clauses = ({ doc }: { doc: CooperationDocument }) => {
  const { t } = useTranslation();
  if (!doc.checklist) return <>{t('common.none')}</>;
  if (doc.textStatus === 'PENDING') return <>{t('documents.checklist.pending')}</>;
  const { present, required, missing } = doc.checklist;

  return (
    <>
      {t('documents.checklist.count', { present, required })}
      {missing.length ? <> — {t('documents.checklist.lacks', { clauses: missing.map((c) => t(`documents.clauses.${c}`)).join(', ') })}</> : <> — {t('documents.checklist.complete')}</>}
    </>
  );
};

type Mode = { kind: 'none' } | { kind: 'upload' } | { kind: 'draft' } | { kind: 'edit'; doc: CooperationDocument };

/** Compare any two versions the reader can see, side by side. */
const CompareForm = ({ cooperationId, docs }: { cooperationId: string; docs: CooperationDocument[] }) => {
  const { t } = useTranslation();
  const label = (d: CooperationDocument) => `${t(`cooperations.documentTypes.${d.type}`)} v${d.version} — ${d.title}`;
  const [from, setFrom] = useState(docs[1]?.id ?? '');
  const [to, setTo] = useState(docs[0]?.id ?? '');
  const run = useMutation({ mutationFn: () => compareDocuments(cooperationId, from, to) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (from && to) run.mutate();
  };

  return (
    <form className="doc-form" onSubmit={submit}>
      <h3>{t('documents.compare.title')}</h3>
      <div className="doc-compare-pick">
        <SelectField label={t('documents.compare.from')} value={from} onChange={(e) => setFrom(e.target.value)}>
          {docs.map((d) => (
            <option key={d.id} value={d.id}>
              {label(d)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('documents.compare.to')} value={to} onChange={(e) => setTo(e.target.value)}>
          {docs.map((d) => (
            <option key={d.id} value={d.id}>
              {label(d)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={!from || !to || from === to || run.isPending}>
          {t('documents.compare.submit')}
        </button>
      </div>
      {run.isError ? <ErrorNotice error={run.error} /> : null}
      {run.data ? <DiffView comparison={run.data} /> : null}
    </form>
  );
};

/**
 * The documents of a cooperation, grouped by type with every version: numbers per party, signing
 * details, the clause checklist, downloads; parties also generate drafts, edit them as new
 * versions, upload files and record their own numbers.
 */
export const DocumentsPanel = ({ cooperationId, canWork }: { cooperationId: string; canWork: boolean }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const headingId = useId();
  const [mode, setMode] = useState<Mode>({ kind: 'none' });
  const [openChecklist, setOpenChecklist] = useState<string | null>(null);
  const docs = useQuery({ queryKey: documentsKey(cooperationId), queryFn: () => fetchDocuments(cooperationId) });
  const close = () => setMode({ kind: 'none' });
  const items = docs.data?.items ?? [];
  const types = [...new Set(items.map((d) => d.type))];

  return (
    <section className="doc-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('documents.title')}</h2>
      {canWork && mode.kind === 'none' ? (
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => setMode({ kind: 'draft' })}>
            {t('documents.draft.open')}
          </button>
          <button type="button" className="button" onClick={() => setMode({ kind: 'upload' })}>
            {t('documents.upload.open')}
          </button>
        </div>
      ) : null}
      {mode.kind === 'draft' ? <GenerateDraftForm cooperationId={cooperationId} onDone={close} /> : null}
      {mode.kind === 'upload' ? <UploadForm cooperationId={cooperationId} onDone={close} /> : null}
      {mode.kind === 'edit' ? <EditDraftForm cooperationId={cooperationId} doc={mode.doc} onDone={close} /> : null}
      {docs.isPending ? <Loading /> : null}
      {docs.isError ? <ErrorNotice error={docs.error} /> : null}
      {docs.isSuccess && items.length === 0 ? <Empty>{t('documents.empty')}</Empty> : null}
      {types.map((type) => (
        <div key={type} className="doc-group">
          <h3>{t(`cooperations.documentTypes.${type}`)}</h3>
          <TableScroll label={t(`cooperations.documentTypes.${type}`)}>
            <thead>
              <tr>
                <th scope="col">{t('documents.fields.version')}</th>
                <th scope="col">{t('documents.fields.title')}</th>
                <th scope="col">{t('documents.fields.status')}</th>
                <th scope="col">{t('documents.fields.numbers')}</th>
                <th scope="col">{t('documents.fields.clauses')}</th>
                <th scope="col">{t('documents.fields.signing')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items
                .filter((d) => d.type === type)
                .map((d) => (
                  <tr key={d.id}>
                    <td>v{d.version}</td>
                    <td>
                      {d.title}
                      <div className="field-hint">
                        {d.file ? t('documents.fileInfo', { name: d.file.fileName, size: Math.max(1, Math.round(d.file.sizeBytes / 1024)) }) : t('documents.structured')} ·{' '}
                        {formatDate(d.createdAt, lang)}
                      </div>
                    </td>
                    <td>
                      {t(`documents.statuses.${d.status}`)}
                      {d.private ? <div className="field-hint">{t('documents.privateBadge')}</div> : null}
                    </td>
                    <td>
                      {d.numbers.length ? (
                        <ul className="doc-inline-list">
                          {d.numbers.map((n) => (
                            <li key={n.orgId}>
                              {n.orgName}: {n.number}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        t('common.none')
                      )}
                      {canWork ? <OwnNumberForm cooperationId={cooperationId} doc={d} /> : null}
                    </td>
                    <td>
                      <Clauses doc={d} />
                      {d.checklist ? (
                        <div>
                          <button type="button" className="link-button" aria-expanded={openChecklist === d.id} onClick={() => setOpenChecklist(openChecklist === d.id ? null : d.id)}>
                            {openChecklist === d.id ? t('documents.checklist.hide') : t('documents.checklist.show')}
                          </button>
                          {openChecklist === d.id ? <ChecklistDetails cooperationId={cooperationId} documentId={d.id} /> : null}
                        </div>
                      ) : null}
                    </td>
                    <td>
                      <Signing doc={d} />
                    </td>
                    <td>
                      <ul className="doc-inline-list">
                        {d.file ? (
                          <li>
                            <a href={downloadUrl(cooperationId, d.id, 'original')} download>
                              {t('documents.download.original')}
                            </a>
                          </li>
                        ) : (
                          <>
                            <li>
                              <a href={downloadUrl(cooperationId, d.id, 'pdf')} download>
                                {t('documents.download.pdf')}
                              </a>
                            </li>
                            <li>
                              <a href={downloadUrl(cooperationId, d.id, 'docx')} download>
                                {t('documents.download.docx')}
                              </a>
                            </li>
                          </>
                        )}
                        {canWork && d.body ? (
                          <li>
                            <button type="button" className="link-button" onClick={() => setMode({ kind: 'edit', doc: d })}>
                              {t('documents.editor.open')}
                            </button>
                          </li>
                        ) : null}
                      </ul>
                    </td>
                  </tr>
                ))}
            </tbody>
          </TableScroll>
        </div>
      ))}
      {items.length >= 2 ? <CompareForm cooperationId={cooperationId} docs={items} /> : null}
    </section>
  );
};

export default DocumentsPanel;
