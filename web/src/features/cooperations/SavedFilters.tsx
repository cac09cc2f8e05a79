import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { SelectField, TextField } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { deleteSavedFilter, fetchSavedFilters, filtersFromSaved, saveFilter, type RegisterFilters } from './cooperations.api';

/** A person's own named register views: save the current filters, apply one, or delete it. */
export const SavedFilters = ({ current, onApply }: { current: RegisterFilters; onApply: (filters: RegisterFilters) => void }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['saved-filters'], queryFn: fetchSavedFilters });
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState('');
  const save = useMutation({
    mutationFn: () => saveFilter(name.trim(), current),
    onSuccess: async (saved) => {
      setName('');
      setChosen(saved.id);
      toast(t('cooperations.saved.savedToast', { name: saved.name }));
      await client.invalidateQueries({ queryKey: ['saved-filters'] });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => deleteSavedFilter(id),
    onSuccess: async () => {
      setChosen('');
      toast(t('cooperations.saved.deletedToast'));
      await client.invalidateQueries({ queryKey: ['saved-filters'] });
    },
  });
  const items = list.data?.items ?? [];
  const selected = items.find((f) => f.id === chosen);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) save.mutate();
  };
  const nameError = save.error instanceof ApiError ? (save.error.fieldErrors.name ?? (save.error.status === 409 ? save.error.detail : undefined)) : undefined;

  return (
    <section className="panel" aria-labelledby="saved-filters-heading">
      <h2 id="saved-filters-heading">{t('cooperations.saved.title')}</h2>
      {remove.isError ? <ErrorNotice error={remove.error} /> : null}
      {items.length > 0 ? (
        <div className="coop-inline">
          <SelectField label={t('cooperations.saved.choose')} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{t('cooperations.saved.none')}</option>
            {items.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </SelectField>
          <div className="button-row">
            <button type="button" className="button" disabled={!selected} onClick={() => selected && onApply(filtersFromSaved(selected.query))}>
              {t('cooperations.saved.apply')}
            </button>
            <button type="button" className="button button-danger" disabled={!selected || remove.isPending} onClick={() => selected && remove.mutate(selected.id)}>
              {t('cooperations.saved.delete')}
            </button>
          </div>
        </div>
      ) : (
        <p className="field-hint">{t('cooperations.saved.empty')}</p>
      )}
      <form className="coop-inline" onSubmit={submit}>
        <TextField label={t('cooperations.saved.name')} maxLength={80} value={name} onChange={(e) => setName(e.target.value)} error={nameError} />
        <div className="button-row">
          <button type="submit" className="button" disabled={!name.trim() || save.isPending}>
            {t('cooperations.saved.save')}
          </button>
        </div>
      </form>
      {save.isError && !nameError ? <ErrorNotice error={save.error} /> : null}
    </section>
  );
};
