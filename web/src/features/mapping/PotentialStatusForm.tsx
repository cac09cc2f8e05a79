import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Status';
import { updatePotential, type Potential } from './potentials.api';

const SETTABLE = ['DIUSULKAN', 'DIPRIORITASKAN', 'DITETAPKAN', 'DIBATALKAN'] as const;

/** Sets an item's status with the reason the audit trail keeps. */
export const PotentialStatusForm = ({ item, onDone, onCancel }: { item: Potential; onDone: () => void; onCancel: () => void }) => {
  const { t } = useTranslation();
  const [status, setStatus] = useState<(typeof SETTABLE)[number]>(item.status === 'DIUSULKAN' ? 'DIPRIORITASKAN' : 'DIUSULKAN');
  const [reason, setReason] = useState('');
  const run = useMutation({ mutationFn: () => updatePotential(item.id, { expectedVersion: item.rowVersion, status, reason }), onSuccess: onDone });

  return (
    <form
      className="potential-status-form"
      onSubmit={(e) => {
        e.preventDefault();
        run.mutate();
      }}
    >
      <SelectField label={t('potentials.newStatus')} value={status} onChange={(e) => setStatus(e.target.value as (typeof SETTABLE)[number])}>
        {SETTABLE.filter((s) => s !== item.status).map((s) => (
          <option key={s} value={s}>
            {t(`potentials.statuses.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField label={t('potentials.reason')} value={reason} onChange={(e) => setReason(e.target.value)} required rows={2} />
      {run.isError ? <ErrorNotice error={run.error} /> : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={run.isPending}>
          {t('common.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
};
