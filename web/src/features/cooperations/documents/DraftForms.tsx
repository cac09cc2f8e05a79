import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../ui/Field';
import { ErrorNotice } from '../../../ui/Status';
import { useToast } from '../../../ui/Toast';
import { SectionsEditor } from './SectionsEditor';
import { addDocument, documentsKey, generateDraft, TEMPLATE_TYPES, type CooperationDocument, type TemplateType } from './documents.api';

/** Generate a draft from the pemda's template (or the national one), filled with the cooperation's data. */
export const GenerateDraftForm = ({ cooperationId, onDone }: { cooperationId: string; onDone: () => void }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const client = useQueryClient();
  const id = useId();
  const [type, setType] = useState<TemplateType>('KSB');
  const [place, setPlace] = useState('');
  const run = useMutation({
    mutationFn: () => generateDraft(cooperationId, { type, ...(place.trim() ? { place: place.trim() } : {}) }),
    onSuccess: async (doc) => {
      toast(t('documents.draft.done', { version: doc.version }));
      await client.invalidateQueries({ queryKey: documentsKey(cooperationId) });
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate();
  };

  return (
    <form className="doc-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('documents.draft.title')}</h3>
      <p className="field-hint">{t('documents.draft.hint')}</p>
      {run.isError ? <ErrorNotice error={run.error} /> : null}
      <SelectField label={t('documents.fields.type')} value={type} onChange={(e) => setType(e.target.value as TemplateType)}>
        {TEMPLATE_TYPES.map((d) => (
          <option key={d} value={d}>
            {t(`cooperations.documentTypes.${d}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('documents.draft.place')} maxLength={120} value={place} onChange={(e) => setPlace(e.target.value)} hint={t('documents.draft.placeHint')} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={run.isPending}>
          {t('documents.draft.submit')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
};

/** Edit a draft's sections; saving adds the next version and leaves the edited one as it was. */
export const EditDraftForm = ({ cooperationId, doc, onDone }: { cooperationId: string; doc: CooperationDocument; onDone: () => void }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const client = useQueryClient();
  const id = useId();
  const [title, setTitle] = useState(doc.title);
  const [sections, setSections] = useState(doc.body?.sections ?? []);
  const save = useMutation({
    mutationFn: () => addDocument(cooperationId, { type: doc.type, title: title.trim() || doc.title, status: 'DRAFT', private: doc.private, body: { ...doc.body!, sections } }),
    onSuccess: async (created) => {
      toast(t('documents.editor.saved', { version: created.version }));
      await client.invalidateQueries({ queryKey: documentsKey(cooperationId) });
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <form className="doc-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('documents.editor.title', { type: t(`cooperations.documentTypes.${doc.type}`), version: doc.version })}</h3>
      <p className="field-hint">{t('documents.editor.hint')}</p>
      {save.isError ? <ErrorNotice error={save.error} /> : null}
      <TextField label={t('documents.fields.title')} maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
      <SectionsEditor sections={sections} onChange={setSections} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={save.isPending || sections.length === 0}>
          {t('documents.editor.submit')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
};
