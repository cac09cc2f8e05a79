import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { formatRupiah } from '../../lib/format';
import { SelectField, TextField } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Status';
import { parseRupiah, type FundingDraft, type PartyDraft } from './cooperationForm';
import { COUNTERPART_TYPES, fetchOrganizationsOfType, FUNDING_SOURCES, issuesQuery, searchRegions, urusanQuery, type Kind } from './cooperations.api';

/**
 * Parties by kind: the user's own pemda (with its lead OPD) and the counterparts the kind allows
 * (KSDD: another pemda; KSDPK: a third party; KSDPL: a foreign local government; KSDLL: a foreign
 * institution; SINERGI: a ministry or agency).
 */
export const PartiesEditor = ({
  kind,
  parties,
  onChange,
  ownTenantId,
  error,
}: {
  kind: Kind;
  parties: PartyDraft[];
  onChange: (p: PartyDraft[]) => void;
  ownTenantId: string | null;
  error?: string | undefined;
}) => {
  const { t } = useTranslation();
  const [choice, setChoice] = useState('');
  const types = (ownTenantId ? COUNTERPART_TYPES[kind] : ['PEMDA']).join(',');
  const candidates = useQuery({ queryKey: ['organizations', 'counterparts', types], queryFn: () => fetchOrganizationsOfType(types), staleTime: 5 * 60_000 });
  const opds = useQuery({
    queryKey: ['organizations', 'own-opds', ownTenantId],
    queryFn: () => fetchOrganizationsOfType('OPD', ownTenantId ? { tenantId: ownTenantId } : {}),
    enabled: ownTenantId !== null,
    staleTime: 5 * 60_000,
  });
  const available = (candidates.data?.items ?? []).filter((o) => !parties.some((p) => p.orgId === o.id) && o.active);
  const add = () => {
    const org = available.find((o) => o.id === choice);
    if (!org) return;
    onChange([...parties, { orgId: org.id, name: org.name, type: org.type, own: false, leadOpdId: '' }]);
    setChoice('');
  };

  return (
    <fieldset className="coop-fieldset">
      <legend>{t('cooperations.fields.parties')}</legend>
      <p className="field-hint">{t(`cooperations.form.partiesHint.${kind}`)}</p>
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      <ul className="coop-cards">
        {parties.map((p, i) => (
          <li key={p.orgId} className="coop-card">
            <p>
              <strong>{p.name}</strong> <span className="field-hint">({t(`orgTypes.${p.type}`)})</span>
            </p>
            {p.own && p.type === 'PEMDA' ? (
              <SelectField label={t('cooperations.form.leadOpd')} value={p.leadOpdId} onChange={(e) => onChange(parties.map((x, j) => (j === i ? { ...x, leadOpdId: e.target.value } : x)))}>
                <option value="">{opds.isPending ? t('common.loading') : t('cooperations.form.chooseOpd')}</option>
                {(opds.data?.items ?? []).map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </SelectField>
            ) : null}
            {!p.own ? (
              <button type="button" className="button button-small" onClick={() => onChange(parties.filter((_, j) => j !== i))}>
                {t('cooperations.form.removeParty', { name: p.name })}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <div className="coop-inline">
        <SelectField label={t('cooperations.form.addPartyLabel')} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">{candidates.isPending ? t('common.loading') : t('cooperations.form.choosePartner')}</option>
          {available.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <div className="button-row">
          <button type="button" className="button" disabled={!choice} onClick={add}>
            {t('cooperations.form.addParty')}
          </button>
        </div>
      </div>
    </fieldset>
  );
};

/** Funding lines; the amount is typed the Indonesian way and shown back as Rupiah so a slip is visible. */
export const FundingEditor = ({ lines, onChange, errorOf }: { lines: FundingDraft[]; onChange: (l: FundingDraft[]) => void; errorOf: (path: string) => string | undefined }) => {
  const { t } = useTranslation();
  const id = useId();
  const update = (i: number, patch: Partial<FundingDraft>) => onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  return (
    <fieldset className="coop-fieldset">
      <legend>{t('cooperations.fields.funding')}</legend>
      {lines.length === 0 ? <p className="field-hint">{t('cooperations.form.noFunding')}</p> : null}
      <ol className="coop-cards">
        {lines.map((l, i) => {
          const parsed = parseRupiah(l.amount);

          return (
            <li key={i} className="coop-card">
              <div className="coop-filter-grid">
                <SelectField label={t('cooperations.form.fundingSource')} value={l.source} onChange={(e) => update(i, { source: e.target.value })}>
                  {FUNDING_SOURCES.map((s) => (
                    <option key={s} value={s}>
                      {t(`cooperations.fundingSources.${s}`)}
                    </option>
                  ))}
                </SelectField>
                <TextField label={t('cooperations.form.fundingYear')} inputMode="numeric" maxLength={4} value={l.year} onChange={(e) => update(i, { year: e.target.value })} error={errorOf(`funding.${i}.year`)} />
                <TextField
                  label={t('cooperations.form.fundingAmount')}
                  hint={parsed ? formatRupiah(parsed) : t('cooperations.form.amountHint')}
                  inputMode="decimal"
                  value={l.amount}
                  onChange={(e) => update(i, { amount: e.target.value })}
                  error={errorOf(`funding.${i}.amount`)}
                />
              </div>
              <div className="checkbox">
                <input id={`${id}-budgeted-${i}`} type="checkbox" checked={l.budgeted} onChange={(e) => update(i, { budgeted: e.target.checked })} />
                <label htmlFor={`${id}-budgeted-${i}`}>{t('cooperations.form.fundingBudgeted')}</label>
              </div>
              <button type="button" className="button button-small" onClick={() => onChange(lines.filter((_, j) => j !== i))}>
                {t('cooperations.form.removeFunding', { n: i + 1 })}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button" onClick={() => onChange([...lines, { source: 'APBD', year: String(new Date().getFullYear()), amount: '', budgeted: true }])}>
        {t('cooperations.form.addFunding')}
      </button>
    </fieldset>
  );
};

/** A checkbox list for several choices, scrolling when long. */
type PickerOptions = { legend?: string; disabled?: boolean };

const CheckList = ({ legend, items, chosen, onChange, disabled }: { legend: string; items: { value: string; label: string }[]; chosen: string[]; onChange: (v: string[]) => void; disabled?: boolean | undefined }) => {
  const id = useId();

  return (
    <fieldset className="coop-fieldset">
      <legend>{legend}</legend>
      <div className="coop-checklist">
        {items.map((item) => (
          <div key={item.value} className="checkbox">
            <input
              id={`${id}-${item.value}`}
              type="checkbox"
              disabled={disabled}
              checked={chosen.includes(item.value)}
              onChange={(e) => onChange(e.target.checked ? [...chosen, item.value] : chosen.filter((v) => v !== item.value))}
            />
            <label htmlFor={`${id}-${item.value}`}>{item.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
};

/** `legend` and `disabled` let the mapping questionnaire reuse the pickers under its own question wording. */
export const UrusanPicker = ({ chosen, onChange, legend, disabled }: { chosen: string[]; onChange: (v: string[]) => void } & PickerOptions) => {
  const { t } = useTranslation();
  const lang = useLang();
  const urusan = useQuery(urusanQuery);

  return (
    <CheckList
      legend={legend ?? t('cooperations.fields.urusan')}
      items={(urusan.data?.items ?? []).map((u) => ({ value: u.code, label: `${u.code} ${lang === 'en' ? u.nameEn : u.nameId}` }))}
      chosen={chosen}
      onChange={onChange}
      disabled={disabled}
    />
  );
};

export const IssuePicker = ({ chosen, onChange, legend, disabled }: { chosen: string[]; onChange: (v: string[]) => void } & PickerOptions) => {
  const { t } = useTranslation();
  const lang = useLang();
  const issues = useQuery(issuesQuery);

  return (
    <CheckList
      legend={legend ?? t('cooperations.fields.issues')}
      items={(issues.data?.items ?? []).filter((i) => i.active).map((i) => ({ value: i.id, label: lang === 'en' ? i.nameEn : i.nameId }))}
      chosen={chosen}
      onChange={onChange}
      disabled={disabled}
    />
  );
};

/** Locations by region search (kode wilayah Kemendagri); the chosen ones can be removed again. */
export const LocationPicker = ({ chosen, onChange }: { chosen: string[]; onChange: (v: string[]) => void }) => {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const found = useQuery({ queryKey: ['regions', 'search', q], queryFn: () => searchRegions(q), enabled: q.length >= 2 });

  return (
    <fieldset className="coop-fieldset">
      <legend>{t('cooperations.fields.locations')}</legend>
      {chosen.length > 0 ? (
        <ul className="plain-list">
          {chosen.map((code) => (
            <li key={code}>
              <span className="code">{code}</span>{' '}
              <button type="button" className="link-button" onClick={() => onChange(chosen.filter((c) => c !== code))}>
                {t('cooperations.form.removeLocation', { code })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="coop-inline">
        <TextField
          label={t('cooperations.form.regionSearch')}
          type="search"
          maxLength={100}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              setQ(draft.trim());
            }
          }}
        />
        <div className="button-row">
          <button type="button" className="button" onClick={() => setQ(draft.trim())}>
            {t('common.search')}
          </button>
        </div>
      </div>
      {found.data ? (
        <ul className="plain-list" aria-live="polite">
          {found.data.items.map((r) => (
            <li key={r.code}>
              <button type="button" className="link-button" disabled={chosen.includes(r.code)} onClick={() => onChange([...chosen, r.code])}>
                {t('cooperations.form.addLocation', { name: r.name, code: r.code })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
};
