import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { mappingAnswerPath, mappingCyclePath, paths, questionnairePath } from '../../app/paths';
import { useLang } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { TextField } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { Empty, ErrorNotice, Loading, TableScroll } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { CycleSettings } from './CycleSettings';
import { advanceCycle, createCycle, cycleKey, cyclesKey, fetchCycle, fetchCycles, type Cycle } from './mapping.api';
import { PlenaryPanel } from './PlenaryPanel';
import { AnswerStatus, StageStepper } from './StageStepper';

/** The plenary sits from the discussion on; once determined its decision and documents stay on show. */
const PLENARY_STAGES: readonly Cycle['stage'][] = ['PENYUSUNAN_PEMBAHASAN', 'PENETAPAN', 'DITETAPKAN'];
import './mapping.css';

/** The next stage action, with the decree fields the last one needs. */
const AdvanceForm = ({ cycle }: { cycle: Cycle }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const client = useQueryClient();
  const [decreeNumber, setDecreeNumber] = useState('');
  const [decreeDate, setDecreeDate] = useState('');
  const action = cycle.nextAction!;
  const advance = useMutation({
    mutationFn: () => advanceCycle(cycle.id, { action, expectedVersion: cycle.rowVersion, ...(action === 'determine' ? { decreeNumber, decreeDate } : {}) }),
    onSuccess: (c) => {
      client.setQueryData(cycleKey(c.id), c);
      toast(t('mapping.advanced', { stage: t(`mapping.stages.${c.stage}`) }));
    },
  });

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        advance.mutate();
      }}
    >
      {action === 'determine' ? (
        <>
          <TextField label={t('mapping.decreeNumber')} value={decreeNumber} onChange={(e) => setDecreeNumber(e.target.value)} required />
          <TextField label={t('mapping.decreeDate')} type="date" value={decreeDate} onChange={(e) => setDecreeDate(e.target.value)} required />
        </>
      ) : null}
      {advance.isError ? <ErrorNotice error={advance.error} /> : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={advance.isPending}>
          {t(`mapping.actions.${action}`)}
        </button>
      </div>
    </form>
  );
};

const CycleView = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const q = useQuery({ queryKey: cycleKey(id), queryFn: () => fetchCycle(id) });
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} />;
  const c = q.data;
  const p = c.progress;
  const scheduleCaption = t('mapping.scheduleCaption', { year: c.year });
  const progressCaption = t('mapping.progressCaption', { year: c.year });

  return (
    <>
      <PageTitle title={t('mapping.titleYear', { year: c.year })}>{t('mapping.titleYear', { year: c.year })}</PageTitle>
      <p>{c.tenant.name}</p>
      <StageStepper stage={c.stage} />
      <p>
        {t('mapping.deadline', { date: formatDate(c.answerDeadline, lang) })} · {t('mapping.questionnaireLabel')}{' '}
        <Link to={questionnairePath(c.questionnaire.id)}>{t('mapping.questionnaireVersion', { title: c.questionnaire.title, version: c.questionnaire.version })}</Link>
      </p>
      {c.decreeNumber && c.decreeDate ? <p>{t('mapping.decree', { number: c.decreeNumber, date: formatDate(c.decreeDate, lang) })}</p> : null}
      <p>
        <Link to={paths.mappingRegister}>{t('potentials.link')}</Link>
      </p>
      {c.answeringOrgIds.length ? (
        <ul>
          {c.participants
            .filter((x) => c.answeringOrgIds.includes(x.orgId))
            .map((x) => (
              <li key={x.orgId}>
                <Link to={mappingAnswerPath(c.id, x.orgId)}>{t('mapping.myAnswer', { name: x.name })}</Link>
              </li>
            ))}
        </ul>
      ) : null}
      {c.canAdvance && c.nextAction ? <AdvanceForm cycle={c} /> : null}

      <h2>{t('mapping.scheduleTitle')}</h2>
      <p className="field-hint">{c.ruleNote}</p>
      <TableScroll label={scheduleCaption}>
        <caption>{scheduleCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('mapping.stage')}</th>
            <th scope="col">{t('mapping.planned')}</th>
            <th scope="col">{t('mapping.responsible')}</th>
            <th scope="col">{t('mapping.actual')}</th>
          </tr>
        </thead>
        <tbody>
          {c.schedule.map((s) => (
            <tr key={s.stage}>
              <th scope="row">{t(`mapping.stages.${s.stage}`)}</th>
              <td>
                {formatDate(s.plannedStart, lang)} – {formatDate(s.plannedEnd, lang)}
              </td>
              <td>{s.responsibleRoles.map((r) => t(`roles.${r}`)).join(', ')}</td>
              <td>
                {s.startedAt ? formatDate(s.startedAt, lang) : t('common.none')}
                {s.endedAt ? ` – ${formatDate(s.endedAt, lang)}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </TableScroll>

      <h2>{t('mapping.progressTitle')}</h2>
      <p>{t('mapping.progressSummary', { answered: p.answered, total: p.total, accepted: p.accepted, drafting: p.drafting, late: p.late })}</p>
      {c.participants.length === 0 ? (
        <Empty>{t('mapping.noParticipants')}</Empty>
      ) : (
        <TableScroll label={progressCaption}>
          <caption>{progressCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mapping.opd')}</th>
              <th scope="col">{t('mapping.status')}</th>
              <th scope="col">{t('mapping.deadlineColumn')}</th>
              <th scope="col">{t('mapping.submittedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {c.participants.map((x) => (
              <tr key={x.orgId}>
                <th scope="row">
                  <Link to={mappingAnswerPath(c.id, x.orgId)}>{x.shortName ?? x.name}</Link>
                </th>
                <td>
                  <AnswerStatus status={x.status} /> {x.late ? <span className="mapping-late">{t('mapping.late')}</span> : null}
                </td>
                <td>
                  {formatDate(x.deadline, lang)}
                  {x.reopened ? ` (${t('mapping.reopened')})` : ''}
                </td>
                <td>{x.submittedAt ? `${formatDateTime(x.submittedAt, lang)} · ${t('mapping.revision', { revision: x.revision })}` : t('common.none')}</td>
              </tr>
            ))}
          </tbody>
        </TableScroll>
      )}
      {PLENARY_STAGES.includes(c.stage) ? <PlenaryPanel cycle={c} /> : null}
      {c.canManage ? <CycleSettings cycle={c} /> : null}
    </>
  );
};

/**
 * "Pemetaan Potensi": the pemda's mapping cycle of a year (the newest without an id) with its
 * stages, schedule and the progress of every participating OPD; managers open the year's cycle.
 */
export const MappingPage = () => {
  const { t } = useTranslation();
  const { id } = useParams();
  const client = useQueryClient();
  const list = useQuery({ queryKey: cyclesKey, queryFn: fetchCycles, enabled: !id });
  const year = new Date().getFullYear();
  const open = useMutation({ mutationFn: () => createCycle(year), onSuccess: () => client.invalidateQueries({ queryKey: cyclesKey }) });
  if (id) return <CycleView id={id} />;
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorNotice error={list.error} />;
  const [latest, ...older] = list.data.items;

  return latest ? (
    <>
      <CycleView id={latest.id} />
      {older.length ? (
        <>
          <h2>{t('mapping.olderCycles')}</h2>
          <ul>
            {older.map((c) => (
              <li key={c.id}>
                <Link to={mappingCyclePath(c.id)}>{t('mapping.cycleLink', { year: c.year, stage: t(`mapping.stages.${c.stage}`) })}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  ) : (
    <>
      <PageTitle title={t('mapping.title')}>{t('mapping.title')}</PageTitle>
      <p>{t('mapping.intro')}</p>
      <Empty>{t('mapping.noCycle')}</Empty>
      {list.data.canCreate ? (
        <>
          {open.isError ? <ErrorNotice error={open.error} /> : null}
          <button type="button" className="button button-primary" onClick={() => open.mutate()} disabled={open.isPending}>
            {t('mapping.open', { year })}
          </button>
        </>
      ) : null}
    </>
  );
};
