import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import type { Question } from './mapping.api';

export const QUESTION_TYPES = ['TEXT', 'LONG_TEXT', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'NUMBER', 'RUPIAH', 'REGION', 'URUSAN', 'STRATEGIC_ISSUE', 'FILE'] as const;
const CHOICE = new Set<string>(['SINGLE_CHOICE', 'MULTIPLE_CHOICE']);

/** Options as "value = label" lines, the way a secretariat types them. */
const optionsText = (q: Question) => (q.options ?? []).map((o) => `${o.value} = ${o.label}`).join('\n');
const parseOptions = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [value = '', ...rest] = l.split('=');

      return { value: value.trim(), label: (rest.join('=') || value).trim() };
    });

/** One question of the builder: its key, type, wording, help, required flag and (for choices) options. */
export const QuestionEditor = ({ question: q, onChange, onMove, onRemove, errors, base }: { question: Question; onChange: (q: Question) => void; onMove: (by: -1 | 1) => void; onRemove: () => void; errors: Record<string, string>; base: string }) => {
  const { t } = useTranslation();
  const set = (patch: Partial<Question>) => onChange({ ...q, ...patch });

  return (
    <div className="mapping-item" role="group" aria-label={t('mapping.builder.questionGroup', { label: q.label || q.id })}>
      <TextField label={t('mapping.builder.questionLabel')} value={q.label} onChange={(e) => set({ label: e.target.value })} error={errors[`${base}.label`]} required />
      <TextField label={t('mapping.builder.key')} hint={t('mapping.builder.keyHint')} value={q.id} onChange={(e) => set({ id: e.target.value })} error={errors[`${base}.id`]} required />
      <SelectField
        label={t('mapping.builder.type')}
        value={q.type}
        onChange={(e) => {
          const type = e.target.value as Question['type'];
          const { options: _o, min: _min, max: _max, ...rest } = q;
          onChange({ ...rest, type, ...(CHOICE.has(type) ? { options: q.options ?? [] } : {}) });
        }}
      >
        {QUESTION_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`mapping.types.${type}`)}
          </option>
        ))}
      </SelectField>
      {CHOICE.has(q.type) ? (
        <TextAreaField
          label={t('mapping.builder.options')}
          hint={t('mapping.builder.optionsHint')}
          value={optionsText(q)}
          onChange={(e) => set({ options: parseOptions(e.target.value) })}
          error={errors[`${base}.options`]}
          rows={3}
        />
      ) : null}
      <TextField label={t('mapping.builder.help')} value={q.help ?? ''} onChange={(e) => set({ help: e.target.value || undefined })} />
      <div className="field">
        <label>
          <input type="checkbox" checked={q.required} onChange={(e) => set({ required: e.target.checked })} /> {t('mapping.builder.required')}
        </label>
      </div>
      <div className="button-row">
        <button type="button" className="button button-small" onClick={() => onMove(-1)}>
          {t('mapping.builder.up')}
        </button>
        <button type="button" className="button button-small" onClick={() => onMove(1)}>
          {t('mapping.builder.down')}
        </button>
        <button type="button" className="button button-small button-danger" onClick={onRemove}>
          {t('mapping.builder.removeQuestion')}
        </button>
      </div>
    </div>
  );
};
