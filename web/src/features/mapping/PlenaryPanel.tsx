import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { SelectField, TextAreaField } from '../../ui/Field';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { MeetingsPanel } from '../meetings/MeetingsPanel';
import { cycleKey, type Cycle } from './mapping.api';
import { decidePlenary, fetchPlenary, plenaryDocumentHref, plenaryKey, type Plenary } from './plenary.api';
import { PlenaryScores } from './PlenaryScores';

/** The decision and the two documents it produces. */
const Decision = ({ plenary }: { plenary: Plenary }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const d = plenary.decision;
  if (!d) return <p>{t('plenary.notDecided')}</p>;
  const docs = [
    ['berita-acara', t('plenary.beritaAcara')],
    ['keputusan', t('plenary.keputusan')],
  ] as const;

  return (
    <>
      <p>{t('plenary.decided', { meeting: d.meetingTitle, date: formatDateTime(d.decidedAt, lang), name: d.decidedByName, count: d.priorities.length, present: d.present })}</p>
      <ol>
        {d.priorities.map((p) => (
          <li key={p.potentialId}>{p.title}</li>
        ))}
      </ol>
      {d.notes ? <p>{d.notes}</p> : null}
      <ul>
        {docs.map(([doc, label]) => (
          <li key={doc}>
            {label}:{' '}
            <a href={plenaryDocumentHref(plenary.cycleId, doc, 'pdf')} download>
              {t('plenary.downloadAs', { document: label, format: 'PDF' })}
            </a>{' '}
            ·{' '}
            <a href={plenaryDocumentHref(plenary.cycleId, doc, 'docx')} download>
              {t('plenary.downloadAs', { document: label, format: 'DOCX' })}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
};

/** Choosing the held plenary meeting and deciding the priority list ticked in the ranking. */
const DecideForm = ({ plenary, chosen }: { plenary: Plenary; chosen: ReadonlySet<string> }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const toast = useToast();
  const client = useQueryClient();
  const held = plenary.meetings.filter((m) => m.status === 'HELD');
  const [meetingId, setMeetingId] = useState(plenary.decision?.meetingId ?? held[0]?.id ?? '');
  const [notes, setNotes] = useState(plenary.decision?.notes ?? '');
  // The ranking's order, not the order of ticking.
  const priorityIds = plenary.items.filter((i) => chosen.has(i.potentialId)).map((i) => i.potentialId);
  const decide = useMutation({
    mutationFn: () => decidePlenary(plenary.cycleId, { meetingId, priorityIds, notes: notes.trim() || null, expectedVersion: plenary.rowVersion }),
    onSuccess: (p) => {
      client.setQueryData(plenaryKey(p.cycleId), p);
      void client.invalidateQueries({ queryKey: cycleKey(p.cycleId) });
      void client.invalidateQueries({ queryKey: ['mapping', 'potentials'] });
      toast(t('plenary.decidedToast', { count: p.decision?.priorities.length ?? 0 }));
    },
  });

  return (
    <form
      aria-label={t('plenary.decideTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        decide.mutate();
      }}
    >
      <h3>{t('plenary.decideTitle')}</h3>
      <p className="field-hint">{t('plenary.decideHint', { count: priorityIds.length })}</p>
      <SelectField label={t('plenary.meeting')} value={meetingId} onChange={(e) => setMeetingId(e.target.value)} required>
        <option value="">{t('plenary.chooseMeeting')}</option>
        {plenary.meetings.map((m) => (
          <option key={m.id} value={m.id}>
            {m.title} — {formatDateTime(m.startsAt, lang, m.timeZone)} ({t(`meetings.statuses.${m.status}`)})
          </option>
        ))}
      </SelectField>
      <TextAreaField label={t('plenary.notes')} value={notes} onChange={(e) => setNotes(e.target.value)} rows={2} />
      {decide.isError ? <ErrorNotice error={decide.error} /> : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={decide.isPending || priorityIds.length === 0 || !meetingId}>
          {t('plenary.decide')}
        </button>
      </div>
    </form>
  );
};

/**
 * "Rapat pleno TKKSD" on a cycle's page, from Penyusunan & Pembahasan on: the ranking under the
 * rule pack's weights, scoring, the plenary meetings, the decision and its Berita Acara and draft SK.
 */
export const PlenaryPanel = ({ cycle }: { cycle: Cycle }) => {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: plenaryKey(cycle.id), queryFn: () => fetchPlenary(cycle.id) });
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} />;
  const p = q.data;
  const ticked = chosen ?? new Set(p.items.filter((i) => i.priority).map((i) => i.potentialId));

  return (
    <section aria-labelledby="plenary-title">
      <h2 id="plenary-title">{t('plenary.title')}</h2>
      <p className="field-hint">{p.scoring.note}</p>
      {p.items.length === 0 ? (
        <p>{t('plenary.noItems')}</p>
      ) : (
        <PlenaryScores
          plenary={p}
          chosen={ticked}
          onChoose={(id, on) => {
            const next = new Set(ticked);
            if (on) next.add(id);
            else next.delete(id);
            setChosen(next);
          }}
        />
      )}
      {p.canScore ? <MeetingsPanel link={{ mappingCycleId: cycle.id }} defaultType="RAPAT_PLENO_TKKSD" title={t('plenary.meetingsTitle')} /> : null}
      {p.canScore && p.items.length ? <DecideForm plenary={p} chosen={ticked} /> : null}
      <h3>{t('plenary.decisionTitle')}</h3>
      <Decision plenary={p} />
    </section>
  );
};
