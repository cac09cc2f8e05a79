import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { formatDate, formatNumber, formatRupiah } from '../../lib/format';
import { Empty, ErrorNotice, Loading } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { WorkPlanDialog, type DialogTarget } from './WorkPlanDialog';
import { deleteActivity, deleteMilestone, deleteObligation, fetchWorkPlan, workPlanKey, type WorkPlan } from './workplan.api';
import './monev.css';

type Kind = DialogTarget['kind'];

const DONE = new Set(['SELESAI', 'DIPENUHI', 'TERCAPAI']);
const BAD = new Set(['DIBATALKAN', 'TIDAK_DIPENUHI', 'TIDAK_TERCAPAI', 'TERTUNDA']);

/** A status in words; the tone only repeats what the words say, and "overdue" is spelled out too. */
const StatusBadge = ({ status, overdue }: { status: string; overdue: boolean }) => {
  const { t } = useTranslation();
  const tone = DONE.has(status) ? 'monev-badge-done' : BAD.has(status) ? 'monev-badge-bad' : 'monev-badge-open';

  return (
    <>
      <span className={`monev-badge ${tone}`}>{t(`monev.workPlan.statuses.${status}`)}</span>
      {overdue ? (
        <span className="monev-badge monev-badge-overdue">
          <span aria-hidden="true">⚠ </span>
          {t('monev.workPlan.overdue')}
        </span>
      ) : null}
    </>
  );
};

const Figure = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="monev-figure">
    <dt>{label}</dt>
    <dd>{children}</dd>
  </div>
);

const Summary = ({ plan }: { plan: WorkPlan }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const s = plan.summary;

  return (
    <dl className="monev-summary">
      <Figure label={t('monev.workPlan.summary.activities')}>{t('monev.workPlan.summary.completedOf', { completed: s.completed, total: s.activities })}</Figure>
      <Figure label={t('monev.workPlan.summary.budget')}>{formatRupiah(s.budget)}</Figure>
      <Figure label={t('monev.workPlan.summary.realisation')}>
        {formatRupiah(s.realisation)}
        {s.realisationPercent !== null ? <span className="monev-percent"> ({formatNumber(s.realisationPercent, lang, 1)}%)</span> : null}
      </Figure>
      <Figure label={t('monev.workPlan.summary.milestones')}>{t('monev.workPlan.summary.milestonesMet', { met: s.milestonesMet, total: plan.milestones.length })}</Figure>
      <Figure label={t('monev.workPlan.summary.overdue')}>{t('monev.workPlan.summary.overdueCounts', { obligations: s.obligationsOverdue, milestones: s.milestonesOverdue })}</Figure>
    </dl>
  );
};

/**
 * "Pelaksanaan": the work plan of a cooperation — figures, then activities, obligations per party
 * and milestones, each with status and overdue marks. Party pemda staff add, change and delete
 * items while the plan is editable; a partner updates the status of its own obligations.
 */
export const WorkPlanPanel = ({ cooperationId }: { cooperationId: string }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const toast = useToast();
  const client = useQueryClient();
  const q = useQuery({ queryKey: workPlanKey(cooperationId), queryFn: () => fetchWorkPlan(cooperationId) });
  const [dialog, setDialog] = useState<DialogTarget | null>(null);
  const [confirming, setConfirming] = useState<{ kind: Kind; id: string } | null>(null);
  const remove = useMutation({
    mutationFn: (x: { kind: Kind; id: string }) =>
      x.kind === 'activity' ? deleteActivity(cooperationId, x.id) : x.kind === 'obligation' ? deleteObligation(cooperationId, x.id) : deleteMilestone(cooperationId, x.id),
    onSuccess: async () => {
      setConfirming(null);
      toast(t('monev.workPlan.deleted'));
      await client.invalidateQueries({ queryKey: workPlanKey(cooperationId) });
    },
  });
  const refresh = async () => {
    setDialog(null);
    toast(t('monev.workPlan.saved'));
    await client.invalidateQueries({ queryKey: workPlanKey(cooperationId) });
  };
  const plan = q.data;
  const date = (d: string | null) => (d ? formatDate(d, lang) : t('common.none'));

  const rowActions = (kind: Kind, id: string, name: string, onEdit: (() => void) | null, canDelete: boolean) =>
    confirming?.kind === kind && confirming.id === id ? (
      <div className="button-row">
        <button type="button" className="button button-small button-danger" disabled={remove.isPending} onClick={() => remove.mutate({ kind, id })}>
          {t('monev.workPlan.confirmDelete', { name })}
        </button>
        <button type="button" className="button button-small" onClick={() => setConfirming(null)}>
          {t('common.cancel')}
        </button>
      </div>
    ) : (
      <div className="button-row">
        {onEdit ? (
          <button type="button" className="button button-small" onClick={onEdit} aria-label={t('monev.workPlan.editItem', { name })}>
            {t('common.edit')}
          </button>
        ) : null}
        {canDelete ? (
          <button type="button" className="button button-small" onClick={() => setConfirming({ kind, id })} aria-label={t('monev.workPlan.deleteItem', { name })}>
            {t('monev.workPlan.delete')}
          </button>
        ) : null}
      </div>
    );

  const addButton = (kind: Kind) =>
    plan?.canEdit ? (
      <button type="button" className="button" onClick={() => setDialog(kind === 'obligation' ? { kind, item: null, statusOnly: false } : { kind, item: null })}>
        {t(`monev.workPlan.${kind}.add`)}
      </button>
    ) : null;

  return (
    <section className="panel monev-panel" aria-labelledby="work-plan-title">
      <h2 id="work-plan-title">{t('monev.workPlan.title')}</h2>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <ErrorNotice error={q.error} /> : null}
      {remove.isError ? <ErrorNotice error={remove.error} /> : null}
      {plan ? (
        <>
          {!plan.canEdit ? <p className="field-hint">{t('monev.workPlan.readOnly')}</p> : null}
          <Summary plan={plan} />

          <h3>{t('monev.workPlan.activity.heading')}</h3>
          {addButton('activity')}
          {plan.activities.length === 0 ? (
            <Empty>{t('monev.workPlan.activity.empty')}</Empty>
          ) : (
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="work-plan-activities">
              <table>
                <caption id="work-plan-activities">{t('monev.workPlan.activity.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('monev.workPlan.fields.name')}</th>
                    <th scope="col">{t('monev.workPlan.fields.responsibleOrg')}</th>
                    <th scope="col">{t('monev.workPlan.fields.schedule')}</th>
                    <th scope="col" className="num">{t('monev.workPlan.fields.budget')}</th>
                    <th scope="col" className="num">{t('monev.workPlan.fields.realisation')}</th>
                    <th scope="col" className="num">{t('monev.workPlan.fields.progress')}</th>
                    <th scope="col">{t('monev.workPlan.fields.status')}</th>
                    {plan.canEdit ? <th scope="col">{t('common.actions')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {plan.activities.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">
                        {a.name}
                        {a.outputs.length > 0 ? <span className="monev-outputs">{t('monev.workPlan.outputsList', { outputs: a.outputs.join('; ') })}</span> : null}
                      </th>
                      <td>
                        {a.responsibleOrg.name}
                        {a.responsibleOpd ? <span className="monev-outputs">{a.responsibleOpd.name}</span> : null}
                      </td>
                      <td className="monev-dates">{t('monev.workPlan.range', { from: date(a.plannedStart), to: date(a.plannedEnd) })}</td>
                      <td className="num">{formatRupiah(a.budget)}</td>
                      <td className="num">{formatRupiah(a.realisation)}</td>
                      <td className="num">{formatNumber(a.progress, lang, 0)}%</td>
                      <td>
                        <StatusBadge status={a.status} overdue={a.overdue} />
                      </td>
                      {plan.canEdit ? <td>{rowActions('activity', a.id, a.name, () => setDialog({ kind: 'activity', item: a }), true)}</td> : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          <h3>{t('monev.workPlan.obligation.heading')}</h3>
          {addButton('obligation')}
          {plan.obligations.length === 0 ? (
            <Empty>{t('monev.workPlan.obligation.empty')}</Empty>
          ) : (
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="work-plan-obligations">
              <table>
                <caption id="work-plan-obligations">{t('monev.workPlan.obligation.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('monev.workPlan.fields.party')}</th>
                    <th scope="col">{t('monev.workPlan.fields.obligation')}</th>
                    <th scope="col">{t('monev.workPlan.fields.dueDate')}</th>
                    <th scope="col">{t('monev.workPlan.fields.status')}</th>
                    <th scope="col">{t('monev.workPlan.fields.note')}</th>
                    <th scope="col">{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.obligations.map((o) => (
                    <tr key={o.id}>
                      <td>{o.party.name}</td>
                      <th scope="row">{o.description}</th>
                      <td>{date(o.dueDate)}</td>
                      <td>
                        <StatusBadge status={o.status} overdue={o.overdue} />
                      </td>
                      <td>{o.note || t('common.none')}</td>
                      <td>
                        {rowActions(
                          'obligation',
                          o.id,
                          o.description,
                          o.canUpdate ? () => setDialog({ kind: 'obligation', item: o, statusOnly: !plan.canEdit }) : null,
                          plan.canEdit,
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          <h3>{t('monev.workPlan.milestone.heading')}</h3>
          {addButton('milestone')}
          {plan.milestones.length === 0 ? (
            <Empty>{t('monev.workPlan.milestone.empty')}</Empty>
          ) : (
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="work-plan-milestones">
              <table>
                <caption id="work-plan-milestones">{t('monev.workPlan.milestone.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('monev.workPlan.fields.name')}</th>
                    <th scope="col">{t('monev.workPlan.fields.activity')}</th>
                    <th scope="col">{t('monev.workPlan.fields.dueDate')}</th>
                    <th scope="col">{t('monev.workPlan.fields.status')}</th>
                    <th scope="col">{t('monev.workPlan.fields.note')}</th>
                    {plan.canEdit ? <th scope="col">{t('common.actions')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {plan.milestones.map((m) => (
                    <tr key={m.id}>
                      <th scope="row">{m.name}</th>
                      <td>{plan.activities.find((a) => a.id === m.activityId)?.name ?? t('common.none')}</td>
                      <td>{date(m.dueDate)}</td>
                      <td>
                        <StatusBadge status={m.status} overdue={m.overdue} />
                      </td>
                      <td>{m.note || t('common.none')}</td>
                      {plan.canEdit ? <td>{rowActions('milestone', m.id, m.name, () => setDialog({ kind: 'milestone', item: m }), true)}</td> : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {dialog ? <WorkPlanDialog cooperationId={cooperationId} plan={plan} target={dialog} onClose={() => setDialog(null)} onDone={refresh} /> : null}
        </>
      ) : null}
    </section>
  );
};
