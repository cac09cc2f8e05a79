import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { SelectField, TextField } from '../../../ui/Field';
import { ErrorNotice } from '../../../ui/Status';
import { useToast } from '../../../ui/Toast';
import {
  addDocument,
  DOCUMENT_TYPES,
  documentsKey,
  SIGNATURE_KINDS,
  SIGNING_METHODS,
  STATUSES,
  uploadFile,
  WET_CHECKS,
  type CooperationDocument,
  type DocumentCreate,
} from './documents.api';

/**
 * Upload a file (through the files module, so it belongs to the uploader's organisation), then
 * attach it to the cooperation with its type, status, signing details and the party's own number.
 */
export const UploadForm = ({ cooperationId, onDone }: { cooperationId: string; onDone: () => void }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const client = useQueryClient();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [type, setType] = useState<CooperationDocument['type']>('PKS');
  const [title, setTitle] = useState('');
  const [status, setStatus] = useState<CooperationDocument['status']>('DRAFT');
  const [priv, setPriv] = useState(false);
  const [method, setMethod] = useState('');
  const [kind, setKind] = useState('');
  const [wet, setWet] = useState({ paraf: false, materai: false, stempel: false });
  const [signedAt, setSignedAt] = useState('');
  const [signedPlace, setSignedPlace] = useState('');
  const [number, setNumber] = useState('');

  const save = useMutation({
    mutationFn: async () => {
      const stored = await uploadFile(file!);
      const body: DocumentCreate = {
        type,
        title: title.trim() || file!.name,
        status,
        private: priv,
        fileId: stored.id,
        ...(method ? { signingMethod: method as NonNullable<DocumentCreate['signingMethod']> } : {}),
        ...(kind ? { signatureKind: kind as NonNullable<DocumentCreate['signatureKind']> } : {}),
        ...(kind === 'WET' ? { wetChecklist: wet } : {}),
        ...(signedAt ? { signedAt } : {}),
        ...(signedPlace.trim() ? { signedPlace: signedPlace.trim() } : {}),
        ...(number.trim() ? { number: number.trim() } : {}),
      };

      return addDocument(cooperationId, body);
    },
    onSuccess: async () => {
      toast(t('documents.upload.done'));
      await client.invalidateQueries({ queryKey: documentsKey(cooperationId) });
      onDone();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) save.mutate();
  };
  const signed = status === 'SIGNED';

  return (
    <form className="doc-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('documents.upload.title')}</h3>
      {save.isError ? <ErrorNotice error={save.error} /> : null}
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('documents.upload.file')}</label>
        <p id={`${id}-file-hint`} className="field-hint">
          {t('documents.upload.fileHint')}
        </p>
        <input id={`${id}-file`} type="file" required accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png" aria-describedby={`${id}-file-hint`} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <SelectField label={t('documents.fields.type')} value={type} onChange={(e) => setType(e.target.value as CooperationDocument['type'])} error={errors.type}>
        {DOCUMENT_TYPES.map((d) => (
          <option key={d} value={d}>
            {t(`cooperations.documentTypes.${d}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('documents.fields.title')} maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} hint={t('documents.upload.titleHint')} />
      <SelectField label={t('documents.fields.status')} value={status} onChange={(e) => setStatus(e.target.value as CooperationDocument['status'])}>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`documents.statuses.${s}`)}
          </option>
        ))}
      </SelectField>
      <div className="checkbox">
        <input id={`${id}-private`} type="checkbox" checked={priv} onChange={(e) => setPriv(e.target.checked)} />
        <label htmlFor={`${id}-private`}>{t('documents.fields.private')}</label>
      </div>
      <TextField label={t('documents.fields.ownNumber')} maxLength={120} value={number} onChange={(e) => setNumber(e.target.value)} error={errors.number} />
      {signed ? (
        <fieldset>
          <legend>{t('documents.fields.signing')}</legend>
          <SelectField label={t('documents.fields.signingMethod')} value={method} onChange={(e) => setMethod(e.target.value)}>
            <option value="">{t('common.none')}</option>
            {SIGNING_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`documents.signingMethods.${m}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('documents.fields.signatureKind')} value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">{t('common.none')}</option>
            {SIGNATURE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`documents.signatureKinds.${k}`)}
              </option>
            ))}
          </SelectField>
          {kind === 'WET' ? (
            <fieldset>
              <legend>{t('documents.fields.wetChecklist')}</legend>
              {WET_CHECKS.map((c) => (
                <div className="checkbox" key={c}>
                  <input id={`${id}-${c}`} type="checkbox" checked={wet[c]} onChange={(e) => setWet({ ...wet, [c]: e.target.checked })} />
                  <label htmlFor={`${id}-${c}`}>{t(`documents.wet.${c}`)}</label>
                </div>
              ))}
            </fieldset>
          ) : null}
          <TextField label={t('documents.fields.signedAt')} type="date" value={signedAt} onChange={(e) => setSignedAt(e.target.value)} error={errors.signedAt} />
          <TextField label={t('documents.fields.signedPlace')} maxLength={200} value={signedPlace} onChange={(e) => setSignedPlace(e.target.value)} />
        </fieldset>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={!file || save.isPending}>
          {save.isPending ? t('documents.upload.saving') : t('documents.upload.submit')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
};
