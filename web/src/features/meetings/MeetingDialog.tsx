import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Status';
import { useModalDialog } from '../../ui/useModalDialog';
import { createMeeting, MEETING_TYPES, MODES, toInstant, toLocalInput, updateMeeting, type Meeting, type MeetingInput } from './meetings.api';

type Values = Record<'type' | 'title' | 'start' | 'end' | 'mode' | 'place' | 'onlineUrl' | 'agenda', string>;

const initial = (m: Meeting | null, zone: string, type: Meeting['type']): Values => ({
  type: m?.type ?? type,
  title: m?.title ?? '',
  start: m ? toLocalInput(m.startsAt, zone) : '',
  end: m ? toLocalInput(m.endsAt, zone) : '',
  mode: m?.mode ?? 'LURING',
  place: m?.place ?? '',
  onlineUrl: m?.onlineUrl ?? '',
  agenda: (m?.agenda ?? []).map((a) => a.title).join('\n'),
});

/** The form as the API wants it: times with the pemda's offset, agenda one item per line. */
const toInput = (v: Values, zone: string, m: Meeting | null, link: { cooperationId: string | null; mappingCycleId: string | null }): MeetingInput => ({
  type: v.type as MeetingInput['type'],
  title: v.title,
  startsAt: v.start ? toInstant(v.start, zone) : '',
  endsAt: v.end ? toInstant(v.end, zone) : '',
  mode: v.mode as MeetingInput['mode'],
  place: v.place.trim() || null,
  onlineUrl: v.onlineUrl.trim() || null,
  agenda: v.agenda
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((title) => ({ title, notes: m?.agenda.find((a) => a.title === title)?.notes ?? null })),
  cooperationId: m ? m.cooperationId : link.cooperationId,
  mappingCycleId: m ? m.mappingCycleId : link.mappingCycleId,
});

/** Plans a meeting or changes its details, in a modal dialog; times are typed in the pemda's zone. */
export const MeetingDialog = ({
  meeting,
  zone,
  cooperationId = null,
  mappingCycleId = null,
  defaultType = 'RAKOR_OPD',
  onClose,
  onDone,
}: {
  meeting: Meeting | null;
  zone: string;
  cooperationId?: string | null;
  mappingCycleId?: string | null;
  defaultType?: Meeting['type'];
  onClose: () => void;
  onDone: (m: Meeting) => void;
}) => {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useModalDialog(onClose);
  const [v, setV] = useState<Values>(() => initial(meeting, zone, defaultType));
  const run = useMutation({ mutationFn: () => (meeting ? updateMeeting(meeting.id, toInput(v, zone, meeting, { cooperationId: null, mappingCycleId: null })) : createMeeting(toInput(v, zone, null, { cooperationId, mappingCycleId }))), onSuccess: onDone });
  const err = (f: string) => (run.error instanceof ApiError ? run.error.fieldErrors[f] : undefined);
  const set = (key: keyof Values) => (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate();
  };
  const zoneName = t(`meetings.zones.${zone}`, { defaultValue: zone });

  return (
    <dialog ref={ref} className="coop-dialog" aria-labelledby={titleId}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{t(meeting ? 'meetings.editTitle' : 'meetings.createTitle')}</h2>
        {run.isError ? <ErrorNotice error={run.error} /> : null}
        <SelectField label={t('meetings.fields.type')} value={v.type} onChange={set('type')} error={err('type')}>
          {MEETING_TYPES.map((x) => (
            <option key={x} value={x}>
              {t(`meetings.types.${x}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('meetings.fields.title')} required maxLength={300} value={v.title} onChange={set('title')} error={err('title')} />
        <TextField label={t('meetings.fields.start', { zone: zoneName })} type="datetime-local" required value={v.start} onChange={set('start')} error={err('startsAt')} />
        <TextField label={t('meetings.fields.end', { zone: zoneName })} type="datetime-local" required value={v.end} onChange={set('end')} error={err('endsAt')} />
        <SelectField label={t('meetings.fields.mode')} value={v.mode} onChange={set('mode')} error={err('mode')}>
          {MODES.map((x) => (
            <option key={x} value={x}>
              {t(`meetings.modes.${x}`)}
            </option>
          ))}
        </SelectField>
        {v.mode !== 'DARING' ? <TextField label={t('meetings.fields.place')} maxLength={300} value={v.place} onChange={set('place')} error={err('place')} /> : null}
        {v.mode !== 'LURING' ? <TextField label={t('meetings.fields.onlineUrl')} type="url" maxLength={1000} value={v.onlineUrl} onChange={set('onlineUrl')} error={err('onlineUrl')} /> : null}
        <TextAreaField label={t('meetings.fields.agenda')} hint={t('meetings.agendaHint')} rows={4} value={v.agenda} onChange={set('agenda')} error={err('agenda')} />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={run.isPending}>
            {t('common.save')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
};
