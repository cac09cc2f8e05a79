import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Status';
import { ATTENDANCE, finaliseMinutes, recordAttendance, recordDecisions, recordMinutes, type Attendance, type Meeting } from './meetings.api';

/**
 * The record of the meeting: attendance (and walk-ins), minutes and numbered decisions. Managers
 * edit it until the minutes are finalised; from then on everyone reads it as it was locked.
 */
export const MeetingRecord = ({ meeting: m, onDone }: { meeting: Meeting; onDone: (m: Meeting) => void }) => {
  const { t } = useTranslation();
  const editable = m.canManage && !m.minutesFinal;
  const invitees = m.invitees.filter((i) => !i.walkIn);
  const [marks, setMarks] = useState<Record<string, Attendance | ''>>(() => Object.fromEntries(invitees.map((i) => [i.id, i.attendance ?? ''])));
  const [walkIn, setWalkIn] = useState({ name: '', organisation: '' });
  const [minutes, setMinutes] = useState(m.minutes ?? '');
  const [decisions, setDecisions] = useState(m.decisions.join('\n'));
  const run = useMutation({
    mutationFn: async (what: 'attendance' | 'minutes' | 'finalise') => {
      if (what === 'attendance')
        return recordAttendance(m.id, {
          marks: Object.entries(marks).flatMap(([inviteeId, attendance]) => (attendance ? [{ inviteeId, attendance }] : [])),
          walkIns: walkIn.name.trim() ? [{ name: walkIn.name, organisation: walkIn.organisation || null }] : [],
        });
      if (what === 'finalise') return finaliseMinutes(m.id);
      await recordMinutes(m.id, minutes);

      return recordDecisions(
        m.id,
        decisions
          .split('\n')
          .map((d) => d.trim())
          .filter(Boolean),
      );
    },
    onSuccess: (updated) => {
      setWalkIn({ name: '', organisation: '' });
      onDone(updated);
    },
  });
  const submit = (what: 'attendance' | 'minutes') => (e: FormEvent) => {
    e.preventDefault();
    run.mutate(what);
  };

  return (
    <section aria-labelledby="meeting-record">
      <h2 id="meeting-record">{t('meetings.record')}</h2>
      {run.isError ? <ErrorNotice error={run.error} /> : null}
      {editable ? (
        <form className="panel" onSubmit={submit('attendance')} noValidate aria-labelledby="meeting-attendance">
          <h3 id="meeting-attendance">{t('meetings.fields.attendance')}</h3>
          {invitees.map((i) => (
            <SelectField key={i.id} label={t('meetings.attendanceOf', { name: i.name })} value={marks[i.id] ?? ''} onChange={(e) => setMarks({ ...marks, [i.id]: e.target.value as Attendance | '' })}>
              <option value="">{t('common.none')}</option>
              {ATTENDANCE.map((a) => (
                <option key={a} value={a}>
                  {t(`meetings.attendance.${a}`)}
                </option>
              ))}
            </SelectField>
          ))}
          <TextField label={t('meetings.fields.walkInName')} maxLength={200} value={walkIn.name} onChange={(e) => setWalkIn({ ...walkIn, name: e.target.value })} />
          <TextField label={t('meetings.fields.walkInOrganisation')} maxLength={300} value={walkIn.organisation} onChange={(e) => setWalkIn({ ...walkIn, organisation: e.target.value })} />
          <button type="submit" className="button" disabled={run.isPending}>
            {t('meetings.saveAttendance')}
          </button>
        </form>
      ) : null}
      {editable ? (
        <form className="panel" onSubmit={submit('minutes')} noValidate aria-labelledby="meeting-minutes">
          <h3 id="meeting-minutes">{t('meetings.fields.minutes')}</h3>
          <TextAreaField label={t('meetings.fields.minutes')} rows={8} maxLength={50000} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          <TextAreaField label={t('meetings.fields.decisions')} hint={t('meetings.decisionsHint')} rows={4} value={decisions} onChange={(e) => setDecisions(e.target.value)} />
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={run.isPending}>
              {t('meetings.saveMinutes')}
            </button>
            {m.status === 'HELD' ? (
              <button type="button" className="button" disabled={run.isPending} onClick={() => window.confirm(t('meetings.finaliseConfirm')) && run.mutate('finalise')}>
                {t('meetings.finalise')}
              </button>
            ) : null}
          </div>
        </form>
      ) : (
        <>
          <h3>{t('meetings.fields.minutes')}</h3>
          <p className="preserve-lines">{m.minutes ?? t('common.none')}</p>
          <h3>{t('meetings.fields.decisions')}</h3>
          {m.decisions.length ? (
            <ol>
              {m.decisions.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ol>
          ) : (
            <p>{t('common.none')}</p>
          )}
          {m.minutesFinal ? <p>{t('meetings.finalisedBy', { name: m.minutesFinalisedBy ?? '' })}</p> : null}
        </>
      )}
    </section>
  );
};
