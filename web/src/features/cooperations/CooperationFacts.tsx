import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cooperationPath } from '../../app/paths';
import { useLang } from '../../i18n';
import { formatDate, formatDateTime, formatRupiah } from '../../lib/format';
import { TableScroll } from '../../ui/Status';
import { issuesQuery, urusanQuery, type Cooperation } from './cooperations.api';
import { OverdueFlag } from './StateBadge';

const yesNo = (t: (k: string) => string, v: boolean) => (v ? t('common.yes') : t('common.no'));

/** The agreed content: kind, regime, object, scope, tags, term and money. */
export const CooperationFacts = ({ c }: { c: Cooperation }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const urusan = useQuery(urusanQuery);
  const issues = useQuery(issuesQuery);
  const urusanName = (code: string) => {
    const u = urusan.data?.items.find((x) => x.code === code);

    return u ? `${code} ${lang === 'en' ? u.nameEn : u.nameId}` : code;
  };
  const issueName = (id: string) => {
    const i = issues.data?.items.find((x) => x.id === id);

    return i ? (lang === 'en' ? i.nameEn : i.nameId) : id;
  };
  const none = t('common.none');

  return (
    <section className="panel coop-section" aria-labelledby="coop-facts-heading">
      <h2 id="coop-facts-heading">{t('cooperations.detail.facts')}</h2>
      <dl className="facts">
        <dt>{t('cooperations.fields.kind')}</dt>
        <dd>
          {t(`cooperations.kinds.${c.kind}`)}
          {c.ksddCategory ? ` — ${t(`cooperations.ksddCategories.${c.ksddCategory}`)}` : ''}
        </dd>
        <dt>{t('cooperations.fields.regime')}</dt>
        <dd>{t(`cooperations.regimes.${c.regime}`)}</dd>
        <dt>{t('cooperations.fields.initiator')}</dt>
        <dd>{t(`cooperations.initiators.${c.initiator}`)}</dd>
        <dt>{t('cooperations.fields.objectCategory')}</dt>
        <dd>{t(`cooperations.objectCategories.${c.objectCategory}`)}</dd>
        <dt>{t('cooperations.fields.objek')}</dt>
        <dd>{c.objek || none}</dd>
        <dt>{t('cooperations.fields.ruangLingkup')}</dt>
        <dd>
          {c.ruangLingkup.length > 0 ? (
            <ul className="plain-list">
              {c.ruangLingkup.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          ) : (
            none
          )}
        </dd>
        <dt>{t('cooperations.fields.urusan')}</dt>
        <dd>{c.urusanCodes.length > 0 ? c.urusanCodes.map(urusanName).join('; ') : none}</dd>
        <dt>{t('cooperations.fields.issues')}</dt>
        <dd>{c.issueIds.length > 0 ? c.issueIds.map(issueName).join('; ') : none}</dd>
        <dt>{t('cooperations.fields.locations')}</dt>
        <dd className="code">{c.locationCodes.length > 0 ? c.locationCodes.join(', ') : none}</dd>
        <dt>{t('cooperations.fields.burdensCommunity')}</dt>
        <dd>{yesNo(t, c.burdensCommunity)}</dd>
        <dt>{t('cooperations.fields.dprdRequired')}</dt>
        <dd>
          <strong>{yesNo(t, c.dprdRequired)}</strong>
        </dd>
        {c.centralApprovalRequired ? (
          <>
            <dt>{t('cooperations.fields.centralApprovalRequired')}</dt>
            <dd>{t('common.yes')}</dd>
          </>
        ) : null}
        <dt>{t('cooperations.fields.plan')}</dt>
        <dd>{c.planReference ?? (c.planException ? t(`cooperations.planExceptions.${c.planException}`) : none)}</dd>
        <dt>{t('cooperations.fields.term')}</dt>
        <dd>
          {c.startDate ? formatDate(c.startDate, lang) : none} – {c.endDate ? formatDate(c.endDate, lang) : none}
          <span className="field-hint"> ({t('cooperations.detail.maxDuration', { years: c.maxDurationYears })})</span>
        </dd>
        <dt>{t('cooperations.fields.signedAt')}</dt>
        <dd>{c.signedAt ? formatDate(c.signedAt, lang) : none}</dd>
        {c.parentId ? (
          <>
            <dt>{t('cooperations.detail.parent')}</dt>
            <dd>
              <Link to={cooperationPath(c.parentId)}>{t('cooperations.detail.openParent')}</Link>
            </dd>
          </>
        ) : null}
        {c.extensions.length > 0 ? (
          <>
            <dt>{t('cooperations.detail.extensions')}</dt>
            <dd>
              <ul className="plain-list">
                {c.extensions.map((x) => (
                  <li key={x.id}>
                    <Link to={cooperationPath(x.id)}>{x.code}</Link> ({t(`cooperations.states.${x.state}`)})
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>{t('cooperations.detail.updatedAt')}</dt>
        <dd>{formatDateTime(c.updatedAt, lang)}</dd>
      </dl>
      <h3>{t('cooperations.fields.funding')}</h3>
      {c.funding.length === 0 ? (
        <p>{t('cooperations.detail.noFunding')}</p>
      ) : (
        <TableScroll label={t('cooperations.fields.funding')}>
          <thead>
            <tr>
              <th scope="col">{t('cooperations.form.fundingSource')}</th>
              <th scope="col">{t('cooperations.form.fundingYear')}</th>
              <th scope="col">{t('cooperations.form.fundingAmount')}</th>
              <th scope="col">{t('cooperations.form.fundingBudgeted')}</th>
            </tr>
          </thead>
          <tbody>
            {c.funding.map((f, i) => (
              <tr key={i}>
                <td>{t(`cooperations.fundingSources.${f.source}`)}</td>
                <td>{f.year}</td>
                <td className="coop-money">{formatRupiah(f.amount)}</td>
                <td>{yesNo(t, f.budgeted)}</td>
              </tr>
            ))}
          </tbody>
        </TableScroll>
      )}
    </section>
  );
};

/** Each party with its own register number: every pemda numbers the same cooperation in its own register. */
export const PartiesSection = ({ c }: { c: Cooperation }) => {
  const { t } = useTranslation();

  return (
    <section className="panel coop-section" aria-labelledby="coop-parties-heading">
      <h2 id="coop-parties-heading">{t('cooperations.fields.parties')}</h2>
      <ul className="coop-cards">
        {c.parties.map((p) => (
          <li key={p.orgId} className="coop-card">
            <h3>
              {p.name}
              {p.isInitiator ? <span className="badge">{t('cooperations.detail.initiatorBadge')}</span> : null}
            </h3>
            <dl className="facts">
              <dt>{t('cooperations.detail.partyType')}</dt>
              <dd>{t(`orgTypes.${p.type}`)}</dd>
              <dt>{t('cooperations.detail.registerNumber')}</dt>
              <dd className="code">{p.registerNumber ?? t('cooperations.detail.noRegisterNumber')}</dd>
              {p.leadOpd ? (
                <>
                  <dt>{t('cooperations.form.leadOpd')}</dt>
                  <dd>{p.leadOpd.name}</dd>
                </>
              ) : null}
              {p.otherOpds.length > 0 ? (
                <>
                  <dt>{t('cooperations.detail.otherOpds')}</dt>
                  <dd>{p.otherOpds.map((o) => o.name).join('; ')}</dd>
                </>
              ) : null}
              {p.signatoryName ? (
                <>
                  <dt>{t('cooperations.detail.signatory')}</dt>
                  <dd>
                    {p.signatoryName}
                    {p.signatoryPosition ? `, ${p.signatoryPosition}` : ''}
                  </dd>
                </>
              ) : null}
              {!p.onPlatform ? (
                <>
                  <dt>{t('cooperations.detail.onPlatform')}</dt>
                  <dd>{t('cooperations.detail.external')}</dd>
                </>
              ) : null}
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
};

/** Approval requests (DPRD, centre) with their due dates; a missed one says so in words. */
export const ApprovalsSection = ({ c }: { c: Cooperation }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const tenantName = (tenantId: string | null) => c.parties.find((p) => p.tenantId === tenantId && p.orgId === tenantId)?.name ?? c.parties.find((p) => p.tenantId === tenantId)?.name;
  if (c.approvals.length === 0 && c.disputes.length === 0) return null;

  return (
    <section className="panel coop-section" aria-labelledby="coop-approvals-heading">
      <h2 id="coop-approvals-heading">{t('cooperations.detail.approvals')}</h2>
      {c.approvals.length === 0 ? <p>{t('cooperations.detail.noApprovals')}</p> : null}
      <ul className="coop-cards">
        {c.approvals.map((a) => (
          <li key={a.id} className="coop-card">
            <h3>
              {t(`cooperations.authorities.${a.authority}`)}
              {tenantName(a.tenantId) ? ` — ${tenantName(a.tenantId)}` : ''}
            </h3>
            <dl className="facts">
              <dt>{t('cooperations.detail.decision')}</dt>
              <dd>
                <strong>{t(`cooperations.decisions.${a.decision}`)}</strong>
                {a.decidedAt ? ` (${formatDate(a.decidedAt, lang)})` : ''}
              </dd>
              <dt>{t('cooperations.detail.submittedAt')}</dt>
              <dd>{formatDate(a.submittedAt, lang)}</dd>
              <dt>{t('cooperations.detail.dueAt')}</dt>
              <dd>
                {a.dueAt ? formatDate(a.dueAt, lang) : t('cooperations.detail.noDue')}
                {a.overdue ? <OverdueFlag /> : null}
              </dd>
              {a.decisionNote ? (
                <>
                  <dt>{t('cooperations.detail.note')}</dt>
                  <dd>{a.decisionNote}</dd>
                </>
              ) : null}
            </dl>
          </li>
        ))}
      </ul>
      {c.disputes.length > 0 ? (
        <>
          <h3>{t('cooperations.detail.disputes')}</h3>
          <ul className="coop-cards">
            {c.disputes.map((d) => (
              <li key={d.id} className="coop-card">
                <p>{d.description}</p>
                <dl className="facts">
                  <dt>{t('cooperations.actionDialog.disputeStage')}</dt>
                  <dd>{t(`cooperations.disputeStages.${d.stage}`)}</dd>
                  <dt>{t('cooperations.detail.openedAt')}</dt>
                  <dd>{formatDate(d.openedAt, lang)}</dd>
                  <dt>{t('cooperations.detail.resolvedAt')}</dt>
                  <dd>{d.resolvedAt ? formatDate(d.resolvedAt, lang) : t('cooperations.detail.unresolved')}</dd>
                  {d.resolution ? (
                    <>
                      <dt>{t('cooperations.detail.resolution')}</dt>
                      <dd>{d.resolution}</dd>
                    </>
                  ) : null}
                </dl>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
};
