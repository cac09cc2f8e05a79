import { parseJsonObject } from '../../lib/jsonObject';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { ApiError } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorNotice, Loading, TableScroll } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { useSession } from '../auth/session';
import { tenantsQuery } from '../organizations/organizations.api';
import { fetchRulePack, publishRulePack } from './cooperations.api';
import './cooperations.css';

type Requirement = { type: string; signed?: boolean; kinds?: string[]; initiator?: string };
/** The parts of the rule pack this page shows; the server validates the whole of it. */
type Rules = {
  regulationRefs?: string[];
  dprdApproval?: { alwaysForKinds: string[]; neverForKinds: string[]; whenBurdensCommunity: boolean; whenFundingNotBudgeted: boolean };
  centralApproval?: { kinds: string[]; authorities: string[] };
  amendmentApproval?: { whenBurdensCommunity: boolean; whenFundingNotBudgeted: boolean; whenTermExtended: boolean };
  maxDurationYears?: Record<string, number>;
  actionRoles?: Record<string, string[]>;
  requiredDocuments?: Record<string, Requirement[]>;
  deadlines?: { state: string; kinds?: string[]; days?: number; workingDays?: number }[];
  expiryReminderDays?: number[];
  numberFormats?: { register: string };
  dormantAfterMonths?: number;
  dormancyEscalation?: { everyDays: number; steps: string[] };
  progressWeights?: { activities: number; indicators: number; followUps: number };
  monevReminders?: { dueSoonDays: number; updateEveryMonths: number; evaluationEveryMonths: number };
  reporting?: { periods: string[]; dueDaysAfterPeriodEnd: number; reminderDaysBefore: number[] };
  minLiaisonsPerOpd?: number;
  mappingStages?: { note: string; stages: Record<string, { responsibleRoles: string[]; advanceRoles: string[]; defaultDays: number }> };
};

const EffectiveRules = ({ rules }: { rules: Rules }) => {
  const { t } = useTranslation();
  const kinds = (list: string[] | undefined) => (list && list.length > 0 ? list.map((k) => t(`cooperations.kinds.${k}`)).join(', ') : t('common.none'));
  const yes = (v: boolean | undefined) => (v ? t('common.yes') : t('common.no'));
  const requirement = (r: Requirement) =>
    [
      t(`cooperations.documentTypes.${r.type}`),
      r.signed ? t('cooperations.rulePack.signed') : '',
      r.kinds ? `(${kinds(r.kinds)})` : '',
      r.initiator ? `(${t(`cooperations.initiators.${r.initiator}`)})` : '',
    ]
      .filter(Boolean)
      .join(' ');

  return (
    <>
      <section className="panel coop-section" aria-labelledby="rp-dprd">
        <h2 id="rp-dprd">{t('cooperations.rulePack.dprd')}</h2>
        <dl className="facts">
          <dt>{t('cooperations.rulePack.dprdAlways')}</dt>
          <dd>{kinds(rules.dprdApproval?.alwaysForKinds)}</dd>
          <dt>{t('cooperations.rulePack.dprdNever')}</dt>
          <dd>{kinds(rules.dprdApproval?.neverForKinds)}</dd>
          <dt>{t('cooperations.rulePack.dprdBurdens')}</dt>
          <dd>{yes(rules.dprdApproval?.whenBurdensCommunity)}</dd>
          <dt>{t('cooperations.rulePack.dprdUnbudgeted')}</dt>
          <dd>{yes(rules.dprdApproval?.whenFundingNotBudgeted)}</dd>
          <dt>{t('cooperations.rulePack.central')}</dt>
          <dd>
            {kinds(rules.centralApproval?.kinds)} — {(rules.centralApproval?.authorities ?? []).map((a) => t(`cooperations.authorities.${a}`)).join(', ')}
          </dd>
          <dt>{t('cooperations.rulePack.amendmentDprd')}</dt>
          <dd>
            {[
              rules.amendmentApproval?.whenBurdensCommunity ? t('cooperations.rulePack.dprdBurdens') : '',
              rules.amendmentApproval?.whenFundingNotBudgeted ? t('cooperations.rulePack.dprdUnbudgeted') : '',
              rules.amendmentApproval?.whenTermExtended ? t('cooperations.rulePack.termExtended') : '',
            ]
              .filter(Boolean)
              .join('; ') || t('common.none')}
          </dd>
          <dt>{t('cooperations.rulePack.references')}</dt>
          <dd>{(rules.regulationRefs ?? []).join('; ')}</dd>
        </dl>
      </section>
      <section className="panel coop-section" aria-labelledby="rp-duration">
        <h2 id="rp-duration">{t('cooperations.rulePack.maxDuration')}</h2>
        <dl className="facts">
          {Object.entries(rules.maxDurationYears ?? {}).map(([category, years]) => (
            <div key={category} className="facts-pair">
              <dt>{t(`cooperations.objectCategories.${category}`)}</dt>
              <dd>{t('cooperations.rulePack.years', { years })}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="panel coop-section" aria-labelledby="rp-documents">
        <h2 id="rp-documents">{t('cooperations.rulePack.requiredDocuments')}</h2>
        <dl className="facts">
          {Object.entries(rules.requiredDocuments ?? {}).map(([action, list]) => (
            <div key={action} className="facts-pair">
              <dt>{t(`cooperations.actions.${action}`)}</dt>
              <dd>{list.map(requirement).join('; ')}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="panel coop-section" aria-labelledby="rp-deadlines">
        <h2 id="rp-deadlines">{t('cooperations.rulePack.deadlines')}</h2>
        {(rules.deadlines ?? []).length === 0 ? <p>{t('cooperations.rulePack.noDeadlines')}</p> : null}
        <ul className="plain-list">
          {(rules.deadlines ?? []).map((d, i) => (
            <li key={i}>
              {t(`cooperations.states.${d.state}`)}
              {d.kinds ? ` (${kinds(d.kinds)})` : ''}:{' '}
              {d.workingDays !== undefined ? t('cooperations.rulePack.workingDays', { days: d.workingDays }) : t('cooperations.rulePack.days', { days: d.days ?? 0 })}
            </li>
          ))}
        </ul>
        <dl className="facts">
          <dt>{t('cooperations.rulePack.reminders')}</dt>
          <dd>{(rules.expiryReminderDays ?? []).map((d) => t('cooperations.rulePack.daysBefore', { days: d })).join(', ')}</dd>
          <dt>{t('cooperations.rulePack.dormant')}</dt>
          <dd>{t('cooperations.rulePack.months', { months: rules.dormantAfterMonths ?? 0 })}</dd>
          <dt>{t('cooperations.rulePack.numberFormat')}</dt>
          <dd className="code">{rules.numberFormats?.register}</dd>
        </dl>
      </section>
      <section className="panel coop-section" aria-labelledby="rp-monev">
        <h2 id="rp-monev">{t('cooperations.rulePack.monev')}</h2>
        <dl className="facts">
          <dt>{t('cooperations.rulePack.escalation')}</dt>
          <dd>
            {t('cooperations.rulePack.escalationEvery', { days: rules.dormancyEscalation?.everyDays ?? 0 })}: {(rules.dormancyEscalation?.steps ?? []).map((r) => t(`roles.${r}`)).join(' → ')}
          </dd>
          <dt>{t('cooperations.rulePack.progressWeights')}</dt>
          <dd>{t('cooperations.rulePack.progressWeightsValue', { activities: rules.progressWeights?.activities ?? 0, indicators: rules.progressWeights?.indicators ?? 0, followUps: rules.progressWeights?.followUps ?? 0 })}</dd>
          <dt>{t('cooperations.rulePack.monevDue')}</dt>
          <dd>
            {t('cooperations.rulePack.monevDueValue', {
              days: rules.monevReminders?.dueSoonDays ?? 0,
              updates: rules.monevReminders?.updateEveryMonths ?? 0,
              evaluations: rules.monevReminders?.evaluationEveryMonths ?? 0,
            })}
          </dd>
          <dt>{t('tkksd.rulePack.minLiaisons')}</dt>
          <dd>{t('tkksd.rulePack.minLiaisonsValue', { count: rules.minLiaisonsPerOpd ?? 2 })}</dd>
          <dt>{t('cooperations.rulePack.reporting')}</dt>
          <dd>
            {t('cooperations.rulePack.reportingValue', {
              periods: (rules.reporting?.periods ?? []).map((p) => t(`cooperations.rulePack.periods.${p}`)).join(', '),
              days: rules.reporting?.dueDaysAfterPeriodEnd ?? 0,
              reminders: (rules.reporting?.reminderDaysBefore ?? []).map((d) => t('cooperations.rulePack.daysBefore', { days: d })).join(', '),
            })}
          </dd>
        </dl>
      </section>
      <section className="panel coop-section" aria-labelledby="rp-mapping">
        <h2 id="rp-mapping">{t('mapping.rulePack.title')}</h2>
        <p>{rules.mappingStages?.note}</p>
        <dl className="facts">
          {Object.entries(rules.mappingStages?.stages ?? {}).map(([stage, s]) => (
            <div key={stage} className="facts-pair">
              <dt>{t(`mapping.stages.${stage}`)}</dt>
              <dd>
                {t('mapping.rulePack.stageValue', {
                  days: s.defaultDays,
                  responsible: s.responsibleRoles.map((r) => t(`roles.${r}`)).join(', '),
                  advance: s.advanceRoles.map((r) => t(`roles.${r}`)).join(', '),
                })}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="panel coop-section" aria-labelledby="rp-roles">
        <h2 id="rp-roles">{t('cooperations.rulePack.roles')}</h2>
        <dl className="facts">
          {Object.entries(rules.actionRoles ?? {}).map(([action, roles]) => (
            <div key={action} className="facts-pair">
              <dt>{t(`cooperations.actions.${action}`)}</dt>
              <dd>{roles.map((r) => t(`roles.${r}`)).join(', ')}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
};

const PublishForm = ({ tenantId, today, initialRules }: { tenantId: string | null; today: string; initialRules: string }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const client = useQueryClient();
  const [validFrom, setValidFrom] = useState(today);
  const [note, setNote] = useState('');
  const [text, setText] = useState(initialRules);
  const [parseError, setParseError] = useState<string | undefined>();
  const publish = useMutation({
    mutationFn: (rules: Record<string, unknown>) => publishRulePack({ tenantId, validFrom, note: note.trim(), rules }),
    onSuccess: async (v) => {
      toast(t('cooperations.rulePack.published', { version: v.version }));
      await client.invalidateQueries({ queryKey: ['rule-packs'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseJsonObject(text);
    if (!parsed.ok) {
      setParseError(t(parsed.reason === 'invalid' ? 'cooperations.rulePack.invalidJson' : 'cooperations.rulePack.notObject'));

      return;
    }
    setParseError(undefined);
    publish.mutate(parsed.value);
  };
  const fieldErrors = publish.error instanceof ApiError ? publish.error.fieldErrors : {};
  const ruleErrors = Object.entries(fieldErrors).filter(([path]) => path.startsWith('rules'));

  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="rp-publish">
      <h2 id="rp-publish">{tenantId ? t('cooperations.rulePack.publishOverride') : t('cooperations.rulePack.publishNational')}</h2>
      <p className="field-hint">{tenantId ? t('cooperations.rulePack.overrideHint') : t('cooperations.rulePack.nationalHint')}</p>
      {publish.isError && ruleErrors.length === 0 && !fieldErrors.validFrom ? <ErrorNotice error={publish.error} /> : null}
      {ruleErrors.length > 0 ? (
        <div className="notice notice-error" role="alert">
          <p>{t('cooperations.rulePack.ruleErrors')}</p>
          <ul className="plain-list">
            {ruleErrors.map(([path, message]) => (
              <li key={path}>
                <span className="code">{path.replace(/^rules\.?/, '') || 'rules'}</span>: {message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <TextField label={t('cooperations.rulePack.validFrom')} type="date" min={today} required value={validFrom} onChange={(e) => setValidFrom(e.target.value)} error={fieldErrors.validFrom} />
      <TextField label={t('cooperations.rulePack.note')} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} error={fieldErrors.note} />
      <TextAreaField
        label={t('cooperations.rulePack.rulesJson')}
        className="coop-json"
        rows={14}
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={parseError ?? fieldErrors.rules}
      />
      <button type="submit" className="button button-primary" disabled={publish.isPending}>
        {t('cooperations.rulePack.publish')}
      </button>
    </form>
  );
};

/** The rules in force (national merged with the pemda's own), their history, and publishing a new version. */
export const RulePackPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useSession();
  const [tenantId, setTenantId] = useState<string | null>(me.organization.tenantId);
  const tenants = useQuery(tenantsQuery);
  const pack = useQuery({ queryKey: ['rule-packs', tenantId], queryFn: () => fetchRulePack(tenantId) });
  const latest = pack.data?.versions[0];
  const title = t('cooperations.rulePack.title');

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p className="lead">{t('cooperations.rulePack.lead')}</p>
      {tenants.data && tenants.data.items.length > 0 ? (
        <div className="form">
          <SelectField label={t('cooperations.rulePack.scope')} value={tenantId ?? ''} onChange={(e) => setTenantId(e.target.value || null)}>
            <option value="">{t('cooperations.rulePack.national')}</option>
            {tenants.data.items.map((tn) => (
              <option key={tn.id} value={tn.id}>
                {tn.name}
              </option>
            ))}
          </SelectField>
        </div>
      ) : null}
      {pack.isPending ? <Loading /> : null}
      {pack.isError ? <ErrorNotice error={pack.error} /> : null}
      {pack.data ? (
        <>
          <p>{t('cooperations.rulePack.inForce', { date: formatDate(pack.data.today, lang) })}</p>
          <EffectiveRules rules={pack.data.effective as Rules} />
          <section className="panel coop-section" aria-labelledby="rp-history">
            <h2 id="rp-history">{t('cooperations.rulePack.history')}</h2>
            {pack.data.versions.length === 0 ? <p>{t('cooperations.rulePack.noVersions')}</p> : null}
            {pack.data.versions.length > 0 ? (
              <TableScroll label={t('cooperations.rulePack.history')}>
                <thead>
                  <tr>
                    <th scope="col">{t('cooperations.rulePack.version')}</th>
                    <th scope="col">{t('cooperations.rulePack.validFrom')}</th>
                    <th scope="col">{t('cooperations.rulePack.note')}</th>
                    <th scope="col">{t('cooperations.rulePack.createdAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {pack.data.versions.map((v) => (
                    <tr key={v.id}>
                      <td>{v.version}</td>
                      <td>{formatDate(v.validFrom, lang)}</td>
                      <td>{v.note || t('common.none')}</td>
                      <td>{formatDateTime(v.createdAt, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </TableScroll>
            ) : null}
          </section>
          {pack.data.canEdit ? (
            <PublishForm key={tenantId ?? 'national'} tenantId={tenantId} today={pack.data.today} initialRules={JSON.stringify(latest?.rules ?? (tenantId ? {} : pack.data.effective), null, 2)} />
          ) : null}
        </>
      ) : null}
    </>
  );
};
