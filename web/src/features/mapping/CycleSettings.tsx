import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { cycleKey, updateCycle, type Cycle } from './mapping.api';

const EDITABLE = new Set<Cycle['stage']>(['PERSIAPAN', 'PROSES_PEMETAAN']);

/** The answer deadline and the participating OPDs, for those who run the mapping while it collects answers. */
export const CycleSettings = ({ cycle }: { cycle: Cycle }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const client = useQueryClient();
  const [deadline, setDeadline] = useState(cycle.answerDeadline);
  const [chosen, setChosen] = useState<string[]>(cycle.participants.map((p) => p.orgId));
  const save = useMutation({
    mutationFn: () => updateCycle(cycle.id, { expectedVersion: cycle.rowVersion, answerDeadline: deadline, participantOrgIds: chosen }),
    onSuccess: (c) => {
      client.setQueryData(cycleKey(c.id), c);
      toast(t('mapping.settingsSaved'));
    },
  });
  if (!EDITABLE.has(cycle.stage)) return null;

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2>{t('mapping.settingsTitle')}</h2>
      <TextField label={t('mapping.answerDeadline')} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} required />
      <fieldset>
        <legend>{t('mapping.participants')}</legend>
        {cycle.units.map((u) => (
          <div key={u.id}>
            <label>
              <input type="checkbox" checked={chosen.includes(u.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, u.id] : chosen.filter((x) => x !== u.id))} /> {u.name}
            </label>
          </div>
        ))}
      </fieldset>
      {save.isError ? <ErrorNotice error={save.error} /> : null}
      <div className="button-row">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
};
