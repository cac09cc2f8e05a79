import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

type Common = { label: string; error?: string | undefined; hint?: ReactNode };

const describedBy = (id: string, hint: unknown, error: unknown) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

const Frame = ({ id, label, hint, error, children }: Common & { id: string; children: ReactNode }) => (
  <div className={error ? 'field field-invalid' : 'field'}>
    <label htmlFor={id}>{label}</label>
    {hint ? <p id={`${id}-hint`} className="field-hint">{hint}</p> : null}
    {children}
    {error ? <p id={`${id}-error`} className="field-error">{error}</p> : null}
  </div>
);

/** A labelled input whose hint and error are announced with it. */
export const TextField = ({ label, error, hint, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) => {
  const id = useId();

  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...input} />
    </Frame>
  );
};

export const SelectField = ({ label, error, hint, children, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement>) => {
  const id = useId();

  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...select}>
        {children}
      </select>
    </Frame>
  );
};

export const TextAreaField = ({ label, error, hint, ...area }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) => {
  const id = useId();

  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...area} />
    </Frame>
  );
};
