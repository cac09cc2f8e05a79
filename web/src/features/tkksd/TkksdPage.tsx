import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { formatDate } from '../../lib/format';
import { PageTitle } from '../../ui/PageTitle';
import { Empty, ErrorNotice, Loading, TableScroll } from '../../ui/Status';
import { fetchLiaisons, fetchTeam, liaisonsKey, teamKey, type Liaison, type Member, type Period } from './tkksd.api';
import { TkksdDialog, type DialogTarget } from './TkksdDialog';

type Moved = { moved?: { progressUpdates: number; periodicReports: number } };

/**
 * "TKKSD & Penghubung": the pemda's coordination team under its decree periods (the current one
 * first, past ones below) and the liaisons of every OPD with a warning where fewer are active than
 * the rule pack asks. Writers add, end and hand over; everyone of the pemda reads.
 */
export const TkksdPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const team = useQuery({ queryKey: teamKey, queryFn: fetchTeam });
  const liaisons = useQuery({ queryKey: liaisonsKey, queryFn: fetchLiaisons });
  const [dialog, setDialog] = useState<DialogTarget | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const day = (d: string | null) => (d ? formatDate(d, lang) : t('tkksd.openEnd'));
  const term = (a: { validFrom: string; validTo: string | null }) => `${day(a.validFrom)} – ${day(a.validTo)}`;
  const manage = team.data?.canManage ?? false;

  const done = (result: unknown) => {
    setDialog(null);
    const moved = (result as Moved).moved;
    setNotice(moved ? t('tkksd.moved', { updates: moved.progressUpdates, reports: moved.periodicReports }) : t('tkksd.saved'));
    void client.invalidateQueries({ queryKey: teamKey });
  };
  const actions = (of: 'member' | 'liaison', a: Member | Liaison) =>
    manage && (a.validTo === null || a.validTo >= (team.data?.today ?? '')) ? (
      <>
        <button type="button" className="button button-small" onClick={() => setDialog({ kind: 'end', of, id: a.id, personName: a.personName })}>
          {t('tkksd.end')}
        </button>{' '}
        {a.hasAccount ? (
          <button type="button" className="button button-small" onClick={() => setDialog({ kind: 'handover', of, id: a.id, personName: a.personName })}>
            {t('tkksd.handover')}
          </button>
        ) : null}
      </>
    ) : null;

  const periodTable = (p: Period) => {
    const caption = t('tkksd.membersCaption', { decree: p.decreeNumber });

    return p.members.length === 0 ? (
      <Empty>{t('tkksd.noMembers')}</Empty>
    ) : (
      <TableScroll label={caption}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tkksd.fields.position')}</th>
            <th scope="col">{t('tkksd.name')}</th>
            <th scope="col">{t('tkksd.fields.orgId')}</th>
            <th scope="col">{t('tkksd.term')}</th>
            {manage ? <th scope="col">{t('tkksd.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {p.members.map((m) => (
            <tr key={m.id} className={m.active ? undefined : 'muted'}>
              <td>{t(`tkksd.positions.${m.position}`)}</td>
              <td>
                {m.personName}
                {m.personTitle ? <div className="field-hint">{m.personTitle}</div> : null}
              </td>
              <td>{m.org.name}</td>
              <td>{term(m)}</td>
              {manage ? <td>{actions('member', m)}</td> : null}
            </tr>
          ))}
        </tbody>
      </TableScroll>
    );
  };

  const current = team.data?.current;
  // The generated type makes every period nullable because the current one may be absent.
  const others = (team.data?.periods ?? []).filter((p): p is Period => p !== null && !p.current);

  return (
    <>
      <PageTitle title={t('tkksd.title')}>{t('tkksd.title')}</PageTitle>
      <p>{t('tkksd.intro')}</p>
      {notice ? <p role="status">{notice}</p> : null}
      {team.isPending ? <Loading /> : null}
      {team.isError ? <ErrorNotice error={team.error} /> : null}
      {team.data ? (
        <section className="panel" aria-labelledby="tkksd-current">
          <h2 id="tkksd-current">{t('tkksd.current')}</h2>
          {team.data.liaisonWarnings > 0 ? <p className="monev-badge monev-badge-bad">{t('tkksd.warningCount', { count: team.data.liaisonWarnings, min: team.data.minLiaisonsPerOpd })}</p> : null}
          {current ? (
            <>
              <p>
                {current.title} — {t('tkksd.decree', { number: current.decreeNumber, date: formatDate(current.decreeDate, lang) })}; {term(current)}
              </p>
              {periodTable(current)}
              {manage ? (
                <div className="button-row">
                  <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'member', periodId: current.id, units: team.data.units })}>
                    {t('tkksd.addMember')}
                  </button>
                </div>
              ) : null}
            </>
          ) : (
            <Empty>{t('tkksd.noCurrent')}</Empty>
          )}
          {manage ? (
            <div className="button-row">
              <button type="button" className="button" onClick={() => setDialog({ kind: 'period' })}>
                {t('tkksd.addPeriod')}
              </button>
            </div>
          ) : null}
          <h3>{t('tkksd.otherPeriods')}</h3>
          {others.length === 0 ? <Empty>{t('tkksd.noOtherPeriods')}</Empty> : null}
          {others.map((p) => (
              <details key={p.id}>
                <summary>
                  {p.decreeNumber} — {term(p)}
                </summary>
                {periodTable(p)}
              </details>
            ))}
        </section>
      ) : null}
      {liaisons.data ? (
        <section className="panel" aria-labelledby="tkksd-liaisons">
          <h2 id="tkksd-liaisons">{t('tkksd.liaisons')}</h2>
          <p>{t('tkksd.liaisonsIntro', { min: liaisons.data.minLiaisonsPerOpd })}</p>
          <TableScroll label={t('tkksd.liaisonsCaption')}>
            <caption>{t('tkksd.liaisonsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tkksd.opd')}</th>
                <th scope="col">{t('tkksd.activeCount')}</th>
                <th scope="col">{t('tkksd.liaisons')}</th>
              </tr>
            </thead>
            <tbody>
              {liaisons.data.opds.map((o) => (
                <tr key={o.id}>
                  <td>
                    {o.name}
                    {manage ? (
                      <div>
                        <button type="button" className="button button-small" onClick={() => setDialog({ kind: 'liaison', opdId: o.id, opdName: o.name })}>
                          {t('tkksd.addLiaison')}
                        </button>
                      </div>
                    ) : null}
                  </td>
                  <td>
                    {o.activeCount} {o.belowMinimum ? <span className="monev-badge monev-badge-bad">{t('tkksd.belowMinimum')}</span> : null}
                  </td>
                  <td>
                    <ul>
                      {o.liaisons.map((l) => (
                        <li key={l.id} className={l.active ? undefined : 'muted'}>
                          {l.personName} ({term(l)}; {l.decreeNumber}) {actions('liaison', l)}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </TableScroll>
        </section>
      ) : null}
      {liaisons.isError ? <ErrorNotice error={liaisons.error} /> : null}
      {dialog && team.data ? <TkksdDialog target={dialog} today={team.data.today} onClose={() => setDialog(null)} onDone={done} /> : null}
    </>
  );
};
