import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { useLang } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { SelectField, TextField } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { Pager } from '../../ui/Pager';
import { Empty, ErrorNotice, Loading, TableScroll } from '../../ui/Status';
import { useCan } from '../auth/session';
import { fetchOrganizations, ORGANIZATION_TYPES, tenantsQuery, type OrganizationType } from './organizations.api';

const PAGE = 50;

/** Organisations the user may see: their pemda's units, every pemda, partners and central bodies. */
export const OrganizationsPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [type, setType] = useState<OrganizationType | ''>('');
  const [tenantId, setTenantId] = useState('');
  const [offset, setOffset] = useState(0);
  const tenants = useQuery(tenantsQuery);
  const query = { q: q || undefined, type: type || undefined, tenantId: tenantId || undefined, limit: PAGE, offset };
  const list = useQuery({ queryKey: ['organizations', query], queryFn: () => fetchOrganizations(query), placeholderData: keepPreviousData });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQ(draft.trim());
    setOffset(0);
  };

  return (
    <>
      <PageTitle title={t('organizations.title')}>{t('organizations.title')}</PageTitle>
      <p className="lead">{t('organizations.lead')}</p>
      {can('org.manage') ? (
        <p>
          <Link className="button button-primary" to={`${paths.organizations}/baru`}>
            {t('organizations.add')}
          </Link>
        </p>
      ) : null}
      <form className="filters" onSubmit={submit} role="search">
        <TextField label={t('organizations.search')} type="search" maxLength={100} value={draft} onChange={(e) => setDraft(e.target.value)} />
        <SelectField
          label={t('organizations.type')}
          value={type}
          onChange={(e) => {
            setType(e.target.value as OrganizationType | '');
            setOffset(0);
          }}
        >
          <option value="">{t('organizations.anyType')}</option>
          {ORGANIZATION_TYPES.map((ty) => (
            <option key={ty} value={ty}>
              {t(`orgTypes.${ty}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button">
          {t('common.search')}
        </button>
      </form>
      {tenants.data && tenants.data.items.length > 1 ? (
        <div className="form">
          <SelectField
            label={t('organizations.tenant')}
            value={tenantId}
            onChange={(e) => {
              setTenantId(e.target.value);
              setOffset(0);
            }}
          >
            <option value="">{t('organizations.anyTenant')}</option>
            {tenants.data.items.map((tn) => (
              <option key={tn.id} value={tn.id}>
                {tn.name}
              </option>
            ))}
          </SelectField>
        </div>
      ) : null}
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorNotice error={list.error} /> : null}
      {list.data && list.data.items.length === 0 ? <Empty>{t('organizations.empty')}</Empty> : null}
      {list.data && list.data.items.length > 0 ? (
        <>
          <p className="result-count" aria-live="polite">
            {t('common.resultCount', { formatted: formatNumber(list.data.total, lang) })}
          </p>
          <TableScroll label={t('organizations.title')}>
            <thead>
              <tr>
                <th scope="col">{t('organizations.name')}</th>
                <th scope="col">{t('organizations.type')}</th>
                <th scope="col">{t('organizations.region')}</th>
                <th scope="col">{t('organizations.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((o) => (
                <tr key={o.id} className={o.active ? undefined : 'row-muted'}>
                  <td>
                    <Link to={`${paths.organizations}/${o.id}`}>{o.name}</Link>
                    {o.shortName ? <div className="field-hint">{o.shortName}</div> : null}
                  </td>
                  <td>{t(`orgTypes.${o.type}`)}</td>
                  <td className="code">{o.regionCode ?? o.countryCode ?? t('common.none')}</td>
                  <td>{o.active ? t('organizations.active') : t('organizations.inactive')}</td>
                </tr>
              ))}
            </tbody>
          </TableScroll>
          <Pager total={list.data.total} offset={offset} pageSize={PAGE} onChange={setOffset} />
        </>
      ) : null}
    </>
  );
};
