import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { SelectField, TextField } from '../../ui/Field';
import { fetchOrganizationsOfType, issuesQuery, KINDS, STATES, urusanQuery, type FilterKey, type RegisterFilters } from './cooperations.api';

const PARTY_TYPES = 'PEMDA,PIHAK_KETIGA,FOREIGN_LOCAL_GOV,FOREIGN_INSTITUTION,KL_PUSAT';

/**
 * The register's filters. It edits a draft and hands the whole set over on submit, so the list
 * (and the address) changes once per search rather than once per keystroke.
 */
export const RegisterFilterForm = ({ initial, onApply }: { initial: RegisterFilters; onApply: (filters: RegisterFilters) => void }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const [draft, setDraft] = useState<RegisterFilters>(initial);
  const [more, setMore] = useState(() => Object.keys(initial).some((k) => !['q', 'kind', 'state', 'sort'].includes(k)));
  const urusan = useQuery(urusanQuery);
  const issues = useQuery(issuesQuery);
  const parties = useQuery({ queryKey: ['organizations', 'cooperation-parties'], queryFn: () => fetchOrganizationsOfType(PARTY_TYPES), enabled: more, staleTime: 5 * 60_000 });
  const opds = useQuery({ queryKey: ['organizations', 'cooperation-opds'], queryFn: () => fetchOrganizationsOfType('OPD'), enabled: more, staleTime: 5 * 60_000 });
  const set = (key: FilterKey) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  const reset = () => {
    setDraft({});
    onApply({});
  };

  return (
    <form className="panel coop-filters" role="search" aria-label={t('cooperations.register.filters')} onSubmit={submit}>
      <div className="coop-filter-grid">
        <TextField label={t('cooperations.register.search')} hint={t('cooperations.register.searchHint')} type="search" maxLength={200} value={draft.q ?? ''} onChange={set('q')} />
        <SelectField label={t('cooperations.fields.kind')} value={draft.kind ?? ''} onChange={set('kind')}>
          <option value="">{t('common.all')}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`cooperations.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('cooperations.fields.state')} value={draft.state ?? ''} onChange={set('state')}>
          <option value="">{t('common.all')}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(`cooperations.states.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('cooperations.register.sort')} value={draft.sort ?? ''} onChange={set('sort')}>
          <option value="">{t('cooperations.register.sortDefault')}</option>
          {(['updated', 'title', 'endDate', 'relevance'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`cooperations.register.sorts.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <button type="button" className="link-button" aria-expanded={more} onClick={() => setMore((v) => !v)}>
        {more ? t('cooperations.register.fewerFilters') : t('cooperations.register.moreFilters')}
      </button>
      {more ? (
        <div className="coop-filter-grid">
          <SelectField label={t('cooperations.fields.urusan')} value={draft.urusan ?? ''} onChange={set('urusan')}>
            <option value="">{t('common.all')}</option>
            {(urusan.data?.items ?? []).map((u) => (
              <option key={u.code} value={u.code}>
                {u.code} {lang === 'en' ? u.nameEn : u.nameId}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('cooperations.fields.issues')} value={draft.issue ?? ''} onChange={set('issue')}>
            <option value="">{t('common.all')}</option>
            {(issues.data?.items ?? []).map((i) => (
              <option key={i.id} value={i.id}>
                {lang === 'en' ? i.nameEn : i.nameId}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('cooperations.register.partner')} value={draft.partner ?? ''} onChange={set('partner')}>
            <option value="">{parties.isPending ? t('common.loading') : t('common.all')}</option>
            {(parties.data?.items ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('cooperations.register.opd')} value={draft.opd ?? ''} onChange={set('opd')}>
            <option value="">{opds.isPending ? t('common.loading') : t('common.all')}</option>
            {(opds.data?.items ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
          <TextField label={t('cooperations.register.region')} hint={t('cooperations.register.regionHint')} inputMode="decimal" maxLength={13} value={draft.region ?? ''} onChange={set('region')} />
          <TextField label={t('cooperations.register.year')} type="number" min={1990} max={2100} inputMode="numeric" value={draft.year ?? ''} onChange={set('year')} />
          <TextField
            label={t('cooperations.register.expiringWithinDays')}
            type="number"
            min={0}
            max={3650}
            inputMode="numeric"
            value={draft.expiringWithinDays ?? ''}
            onChange={set('expiringWithinDays')}
          />
          <div className="checkbox coop-checkbox-cell">
            <input id="coop-filter-overdue" type="checkbox" checked={draft.overdue === 'true'} onChange={(e) => setDraft({ ...draft, overdue: e.target.checked ? 'true' : '' })} />
            <label htmlFor="coop-filter-overdue">{t('cooperations.register.overdueOnly')}</label>
          </div>
          <div className="checkbox coop-checkbox-cell">
            <input id="coop-filter-dormant" type="checkbox" checked={draft.dormant === 'true'} onChange={(e) => setDraft({ ...draft, dormant: e.target.checked ? 'true' : '' })} />
            <label htmlFor="coop-filter-dormant">{t('cooperations.register.dormantOnly')}</label>
          </div>
        </div>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {t('common.search')}
        </button>
        <button type="button" className="button" onClick={reset}>
          {t('cooperations.register.reset')}
        </button>
      </div>
    </form>
  );
};
