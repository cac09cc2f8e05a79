import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField } from '../../../ui/Field';
import { CLAUSES, type DocumentSection } from './documents.api';

/**
 * Ordered sections of a draft or template: the clause each fulfils, its heading and its text.
 * Sections can be added, removed and moved; the clause tag is what the checklist counts.
 */
export const SectionsEditor = ({ sections, onChange }: { sections: DocumentSection[]; onChange: (next: DocumentSection[]) => void }) => {
  const { t } = useTranslation();
  const baseId = useId();
  const update = (i: number, patch: Partial<DocumentSection>) => onChange(sections.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...sections];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    onChange(next);
  };

  return (
    <ol className="doc-sections">
      {sections.map((s, i) => (
        <li key={`${baseId}-${i}`} className="doc-section">
          <fieldset>
            <legend>{t('documents.editor.section', { number: i + 1 })}</legend>
            <SelectField label={t('documents.editor.clause')} value={s.clause ?? ''} onChange={(e) => update(i, { clause: (e.target.value || null) as DocumentSection['clause'] })}>
              <option value="">{t('documents.editor.noClause')}</option>
              {CLAUSES.map((c) => (
                <option key={c} value={c}>
                  {t(`documents.clauses.${c}`)}
                </option>
              ))}
            </SelectField>
            <TextAreaField label={t('documents.editor.heading')} rows={2} maxLength={300} value={s.heading} onChange={(e) => update(i, { heading: e.target.value })} />
            <TextAreaField label={t('documents.editor.text')} rows={6} maxLength={20000} value={s.text} onChange={(e) => update(i, { text: e.target.value })} />
            <div className="button-row">
              <button type="button" className="button button-small" disabled={i === 0} onClick={() => move(i, -1)}>
                {t('documents.editor.moveUp')}
              </button>
              <button type="button" className="button button-small" disabled={i === sections.length - 1} onClick={() => move(i, 1)}>
                {t('documents.editor.moveDown')}
              </button>
              <button type="button" className="button button-small button-danger" disabled={sections.length === 1} onClick={() => onChange(sections.filter((_, j) => j !== i))}>
                {t('documents.editor.remove')}
              </button>
            </div>
          </fieldset>
        </li>
      ))}
      <li className="doc-section-add">
        <button type="button" className="button" onClick={() => onChange([...sections, { clause: null, heading: '', text: '' }])}>
          {t('documents.editor.add')}
        </button>
      </li>
    </ol>
  );
};
