import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { TextField } from '../../../ui/Field';
import { PageTitle } from '../../../ui/PageTitle';
import { ErrorNotice, Loading, TableScroll } from '../../../ui/Status';
import { useToast } from '../../../ui/Toast';
import { SectionsEditor } from './SectionsEditor';
import { fetchTemplates, publishTemplate, templatesKey, type Template } from './documents.api';
import './documents.css';

/** The fields the server fills in a template (documents.models.ts, placeholderValues). */
const PLACEHOLDERS = [
  'judul', 'kode', 'objek', 'ruangLingkup', 'pihak', 'pihakKesatu', 'pihakKedua', 'pengirim', 'penerima', 'penandatangan', 'jabatanPenandatangan',
  'jangkaWaktu', 'tanggalMulai', 'tanggalBerakhir', 'pembiayaan', 'urusan', 'dasarHukum', 'tempat', 'tanggal', 'tahun',
];

/** Edits a template as its next version: for the pemda (a copy of a national one, or its own), or nationally. */
const TemplateEditor = ({ template, scope, onDone }: { template: Template; scope: 'NATIONAL' | 'TENANT'; onDone: () => void }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const client = useQueryClient();
  const id = useId();
  const [name, setName] = useState(scope === 'TENANT' && template.scope === 'NATIONAL' ? t('documents.templates.copyName', { name: template.name }) : template.name);
  const [sections, setSections] = useState(template.sections);
  const save = useMutation({
    mutationFn: () => publishTemplate({ scope, type: template.type, name: name.trim() || template.name, sections }),
    onSuccess: async (created) => {
      toast(t('documents.templates.published', { version: created.version }));
      await client.invalidateQueries({ queryKey: templatesKey });
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <form className="doc-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('documents.templates.editTitle', { type: t(`cooperations.documentTypes.${template.type}`) })}</h2>
      <p className="field-hint">
        {t('documents.templates.placeholders')} {PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ')}
      </p>
      {save.isError ? <ErrorNotice error={save.error} /> : null}
      <TextField label={t('documents.templates.name')} maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      <SectionsEditor sections={sections} onChange={setSections} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('documents.templates.publish')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
};

/**
 * The document templates a pemda drafts from: national ones (read-only unless the reader is a
 * platform administrator; they can be copied to the pemda) and the pemda's own versions.
 */
export const TemplatesPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const title = t('documents.templates.title');
  const [editing, setEditing] = useState<{ template: Template; scope: 'NATIONAL' | 'TENANT' } | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const q = useQuery({ queryKey: templatesKey, queryFn: fetchTemplates });

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p>{t('documents.templates.intro')}</p>
      {editing ? <TemplateEditor template={editing.template} scope={editing.scope} onDone={() => setEditing(null)} /> : null}
      {q.isPending ? <Loading /> : null}
      {q.isError ? <ErrorNotice error={q.error} /> : null}
      {q.data ? (
        <TableScroll label={title}>
          <thead>
            <tr>
              <th scope="col">{t('documents.fields.type')}</th>
              <th scope="col">{t('documents.templates.name')}</th>
              <th scope="col">{t('documents.templates.owner')}</th>
              <th scope="col">{t('documents.fields.version')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {q.data.items.map((x) => (
              <tr key={x.id}>
                <td>{t(`cooperations.documentTypes.${x.type}`)}</td>
                <td>
                  {x.name}
                  {viewing === x.id ? (
                    <ol className="doc-sections">
                      {x.sections.map((s, i) => (
                        <li key={i}>
                          {s.heading ? <strong className="doc-pre">{s.heading}</strong> : null}
                          <p className="doc-pre">{s.text}</p>
                        </li>
                      ))}
                    </ol>
                  ) : null}
                </td>
                <td>{x.scope === 'NATIONAL' ? t('documents.templates.national') : t('documents.templates.ownPemda')}</td>
                <td>
                  v{x.version}
                  {x.createdAt ? <div className="field-hint">{formatDate(x.createdAt, lang)}</div> : <div className="field-hint">{t('documents.templates.builtIn')}</div>}
                </td>
                <td>
                  <ul className="doc-inline-list">
                    <li>
                      <button type="button" className="link-button" aria-expanded={viewing === x.id} onClick={() => setViewing(viewing === x.id ? null : x.id)}>
                        {viewing === x.id ? t('common.hide') : t('common.show')}
                      </button>
                    </li>
                    {x.editable ? (
                      <li>
                        <button type="button" className="link-button" onClick={() => setEditing({ template: x, scope: x.scope })}>
                          {t('documents.templates.newVersion')}
                        </button>
                      </li>
                    ) : null}
                    {x.scope === 'NATIONAL' ? (
                      <li>
                        <button type="button" className="link-button" onClick={() => setEditing({ template: x, scope: 'TENANT' })}>
                          {t('documents.templates.copy')}
                        </button>
                      </li>
                    ) : null}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </TableScroll>
      ) : null}
    </>
  );
};

export default TemplatesPage;
