import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../lib/format';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { IssuePicker, UrusanPicker } from '../cooperations/FormParts';
import type { Question } from './mapping.api';

export type Value = string | number | string[] | null;

const LIST_TYPES = new Set(['REGION', 'FILE']);
const listText = (v: Value | undefined) => (Array.isArray(v) ? v.join(', ') : '');
const toList = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** One question as a labelled control of its type; help text and the server's message are announced with it. */
export const QuestionInput = ({ question: q, value, onChange, error, disabled }: { question: Question; value: Value | undefined; onChange: (v: Value) => void; error?: string | undefined; disabled: boolean }) => {
  const { t } = useTranslation();
  const id = useId();
  const label = q.required ? `${q.label} *` : q.label;
  const common = { label, error, disabled, hint: q.help };
  if (q.type === 'LONG_TEXT') return <TextAreaField {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} rows={3} />;
  if (q.type === 'SINGLE_CHOICE')
    return (
      <SelectField {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{t('mapping.answer.choose')}</option>
        {q.options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
    );
  if (q.type === 'MULTIPLE_CHOICE') {
    const chosen = Array.isArray(value) ? value : [];

    return (
      <fieldset className={error ? 'field field-invalid' : 'field'} aria-describedby={error ? `${id}-error` : undefined}>
        <legend>{label}</legend>
        {q.help ? <p className="field-hint">{q.help}</p> : null}
        {q.options?.map((o) => (
          <div key={o.value}>
            <label>
              <input type="checkbox" disabled={disabled} checked={chosen.includes(o.value)} onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((x) => x !== o.value))} /> {o.label}
            </label>
          </div>
        ))}
        {error ? <p id={`${id}-error`} className="field-error">{error}</p> : null}
      </fieldset>
    );
  }
  if (q.type === 'NUMBER')
    return <TextField {...common} type="number" value={typeof value === 'number' ? String(value) : ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))} />;
  if (q.type === 'RUPIAH') {
    const text = typeof value === 'string' ? value : '';

    return (
      <TextField
        {...common}
        inputMode="decimal"
        hint={[q.help, /^\d+(\.\d{1,2})?$/.test(text) ? formatRupiah(text) : t('mapping.answer.rupiahHint')].filter(Boolean).join(' · ')}
        value={text}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  if (q.type === 'URUSAN' || q.type === 'STRATEGIC_ISSUE') {
    const Picker = q.type === 'URUSAN' ? UrusanPicker : IssuePicker;

    return (
      <div className={error ? 'field field-invalid' : 'field'}>
        <Picker legend={label} chosen={Array.isArray(value) ? value : []} onChange={onChange} disabled={disabled} />
        {q.help ? <p className="field-hint">{q.help}</p> : null}
        {error ? <p className="field-error">{error}</p> : null}
      </div>
    );
  }
  if (LIST_TYPES.has(q.type))
    return <TextField {...common} hint={[q.help, t(`mapping.answer.listHint.${q.type}`)].filter(Boolean).join(' ')} value={listText(value)} onChange={(e) => onChange(toList(e.target.value))} />;

  return <TextField {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} />;
};
