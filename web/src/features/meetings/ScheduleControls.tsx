import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { TextField } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Status';
import { cancelMeeting, rescheduleMeeting, toInstant, toLocalInput, type Meeting } from './meetings.api';

/** Reschedule (an invited meeting: everyone gets the updated calendar entry) and cancel, behind disclosure buttons. */
export const ScheduleControls = ({ meeting: m, onDone }: { meeting: Meeting; onDone: (m: Meeting) => void }) => {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'reschedule' | 'cancel' | null>(null);
  const [start, setStart] = useState(toLocalInput(m.startsAt, m.timeZone));
  const [end, setEnd] = useState(toLocalInput(m.endsAt, m.timeZone));
  const [reason, setReason] = useState('');
  const run = useMutation({
    mutationFn: () => (open === 'cancel' ? cancelMeeting(m.id, reason) : rescheduleMeeting(m.id, { startsAt: toInstant(start, m.timeZone), endsAt: toInstant(end, m.timeZone) })),
    onSuccess: (updated) => {
      setOpen(null);
      onDone(updated);
    },
  });
  const err = (f: string) => (run.error instanceof ApiError ? run.error.fieldErrors[f] : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate();
  };
  const zone = t(`meetings.zones.${m.timeZone}`, { defaultValue: m.timeZone });

  return (
    <div className="panel">
      <p className="button-row">
        {m.status === 'INVITED' ? (
          <button type="button" className="button" aria-expanded={open === 'reschedule'} onClick={() => setOpen(open === 'reschedule' ? null : 'reschedule')}>
            {t('meetings.reschedule')}
          </button>
        ) : null}
        <button type="button" className="button button-danger" aria-expanded={open === 'cancel'} onClick={() => setOpen(open === 'cancel' ? null : 'cancel')}>
          {t('meetings.cancel')}
        </button>
      </p>
      {open ? (
        <form onSubmit={submit} noValidate>
          {run.isError ? <ErrorNotice error={run.error} /> : null}
          {open === 'reschedule' ? (
            <>
              <p>{t('meetings.rescheduleHint')}</p>
              <TextField label={t('meetings.fields.start', { zone })} type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} error={err('startsAt')} />
              <TextField label={t('meetings.fields.end', { zone })} type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} error={err('endsAt')} />
            </>
          ) : (
            <TextField label={t('meetings.fields.cancelReason')} required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} error={err('reason')} />
          )}
          <button type="submit" className="button button-primary" disabled={run.isPending}>
            {t(open === 'cancel' ? 'meetings.confirmCancel' : 'meetings.confirmReschedule')}
          </button>
        </form>
      ) : null}
    </div>
  );
};
