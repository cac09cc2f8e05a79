import { useTranslation } from 'react-i18next';
import type { Comparison } from './documents.api';

type Segment = Comparison['segments'][number];

/**
 * One side of a comparison. Deletions and insertions are <del>/<ins> with a spoken marker and a
 * visible sign (− / +), so the change is clear without colour and to screen readers.
 */
const Side = ({ segments, show, title }: { segments: readonly Segment[]; show: 'delete' | 'insert'; title: string }) => {
  const { t } = useTranslation();

  return (
    <section className="doc-diff-side" aria-label={title}>
      <h4>{title}</h4>
      <div className="doc-diff-text">
        {segments.map((s, i) => {
          if (s.op === 'equal') return <span key={i}>{s.text}</span>;
          if (s.op !== show) return null;

          return s.op === 'delete' ? (
            <del key={i}>
              <span className="visually-hidden">{t('documents.compare.deletedStart')}</span>
              <span aria-hidden="true">[−</span>
              {s.text}
              <span aria-hidden="true">]</span>
              <span className="visually-hidden">{t('documents.compare.deletedEnd')}</span>
            </del>
          ) : (
            <ins key={i}>
              <span className="visually-hidden">{t('documents.compare.insertedStart')}</span>
              <span aria-hidden="true">[+</span>
              {s.text}
              <span aria-hidden="true">]</span>
              <span className="visually-hidden">{t('documents.compare.insertedEnd')}</span>
            </ins>
          );
        })}
      </div>
    </section>
  );
};

/** Two versions side by side: the older with its deletions, the newer with its insertions. */
export const DiffView = ({ comparison }: { comparison: Comparison }) => {
  const { t } = useTranslation();
  const inserted = comparison.segments.filter((s) => s.op === 'insert').length;
  const deleted = comparison.segments.filter((s) => s.op === 'delete').length;

  return (
    <div className="doc-diff">
      <p role="status">{t('documents.compare.summary', { inserted, deleted })}</p>
      {comparison.granularity === 'line' ? <p className="field-hint">{t('documents.compare.byLine')}</p> : null}
      <div className="doc-diff-columns">
        <Side segments={comparison.segments} show="delete" title={t('documents.compare.fromTitle', { version: comparison.from.version })} />
        <Side segments={comparison.segments} show="insert" title={t('documents.compare.toTitle', { version: comparison.to.version })} />
      </div>
    </div>
  );
};
