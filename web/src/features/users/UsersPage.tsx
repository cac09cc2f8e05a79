import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { useLang } from '../../i18n';
import { formatDateTime, formatNumber } from '../../lib/format';
import { SelectField, TextField } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { Pager } from '../../ui/Pager';
import { Empty, ErrorNotice, Loading, TableScroll } from '../../ui/Status';
import { useCan } from '../auth/session';
import { fetchUsers, type User } from './users.api';

const PAGE = 50;

export const UsersPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<User['status'] | ''>('');
  const [offset, setOffset] = useState(0);
  const query = { q: q || undefined, status: status || undefined, limit: PAGE, offset };
  const users = useQuery({ queryKey: ['users', query], queryFn: () => fetchUsers(query), placeholderData: keepPreviousData });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQ(draft.trim());
    setOffset(0);
  };

  return (
    <>
      <PageTitle title={t('users.title')}>{t('users.title')}</PageTitle>
      <p className="lead">{t('users.lead')}</p>
      {can('user.manage') ? (
        <p>
          <Link className="button button-primary" to={`${paths.users}/baru`}>
            {t('users.add')}
          </Link>
        </p>
      ) : null}
      <form className="filters" onSubmit={submit} role="search">
        <TextField label={t('users.search')} type="search" maxLength={100} value={draft} onChange={(e) => setDraft(e.target.value)} />
        <SelectField
          label={t('users.status')}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as User['status'] | '');
            setOffset(0);
          }}
        >
          <option value="">{t('users.anyStatus')}</option>
          <option value="ACTIVE">{t('users.statuses.ACTIVE')}</option>
          <option value="DISABLED">{t('users.statuses.DISABLED')}</option>
        </SelectField>
        <button type="submit" className="button">
          {t('common.search')}
        </button>
      </form>
      {users.isPending ? <Loading /> : null}
      {users.isError ? <ErrorNotice error={users.error} /> : null}
      {users.data && users.data.items.length === 0 ? <Empty>{t('users.empty')}</Empty> : null}
      {users.data && users.data.items.length > 0 ? (
        <>
          <p className="result-count" aria-live="polite">
            {t('common.resultCount', { formatted: formatNumber(users.data.total, lang) })}
          </p>
          <TableScroll label={t('users.title')}>
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.organization')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">{t('users.twoFactor')}</th>
                <th scope="col">{t('users.lastLogin')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((u) => (
                <tr key={u.id} className={u.status === 'ACTIVE' ? undefined : 'row-muted'}>
                  <td>
                    <Link to={`${paths.users}/${u.id}`}>{u.name}</Link>
                    <div className="field-hint">{u.email}</div>
                  </td>
                  <td>{u.orgName}</td>
                  <td>{t(`users.statuses.${u.status}`)}</td>
                  <td>{u.twoFactorEnabled ? t('common.yes') : t('common.no')}</td>
                  <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, lang) : t('users.never')}</td>
                </tr>
              ))}
            </tbody>
          </TableScroll>
          <Pager total={users.data.total} offset={offset} pageSize={PAGE} onChange={setOffset} />
        </>
      ) : null}
    </>
  );
};
