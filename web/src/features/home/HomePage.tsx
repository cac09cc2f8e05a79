import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLang } from '../../i18n';
import { formatDate } from '../../lib/format';
import { PageTitle } from '../../ui/PageTitle';
import { Empty, TableScroll } from '../../ui/Status';
import { useSession } from '../auth/session';
import { provincesQuery } from '../reference/reference.api';
import { visibleNavigation } from '../shell/navigation';

/** Who is signed in, for which organisation, with which roles, and what they can see. */
export const HomePage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useSession();
  const provinces = useQuery({ ...provincesQuery, enabled: me.scope.oversightProvinceCodes.length > 0 });
  const provinceName = (code: string) => provinces.data?.items.find((p) => p.code === code)?.name ?? code;
  const shortcuts = visibleNavigation(me.permissions)
    .flatMap((s) => s.items)
    .filter((i) => i.to !== '/');

  return (
    <>
      <PageTitle title={t('home.title')}>{t('home.greeting', { name: me.user.name })}</PageTitle>
      <p className="lead">{t('home.signedInAs', { email: me.user.email, organization: me.organization.name })}</p>

      <section className="panel" aria-labelledby="home-roles">
        <h2 id="home-roles">{t('home.roles')}</h2>
        {me.roles.length === 0 ? (
          <Empty>{t('home.noRoles')}</Empty>
        ) : (
          <TableScroll label={t('home.roles')}>
            <thead>
              <tr>
                <th scope="col">{t('home.role')}</th>
                <th scope="col">{t('home.roleOrganization')}</th>
                <th scope="col">{t('home.validFrom')}</th>
                <th scope="col">{t('home.validTo')}</th>
              </tr>
            </thead>
            <tbody>
              {me.roles.map((r) => (
                <tr key={r.id}>
                  <td>{t(`roles.${r.role}`, { defaultValue: r.role })}</td>
                  <td>{r.orgName}</td>
                  <td>{formatDate(r.validFrom, lang)}</td>
                  <td>{r.validTo ? formatDate(r.validTo, lang) : t('home.noEnd')}</td>
                </tr>
              ))}
            </tbody>
          </TableScroll>
        )}
      </section>

      <section className="panel" aria-labelledby="home-scope">
        <h2 id="home-scope">{t('home.scope')}</h2>
        <ul className="plain-list">
          {me.scope.platformAdmin ? <li>{t('home.scopePlatformAdmin')}</li> : null}
          {me.scope.readAll ? <li>{t('home.scopeReadAll')}</li> : null}
          {me.scope.tenantIds.length > 0 ? <li>{t('home.scopeTenants', { count: me.scope.tenantIds.length })}</li> : null}
          {me.scope.oversightProvinceCodes.map((code) => (
            <li key={code}>{t('home.scopeProvince', { province: provinceName(code), code })}</li>
          ))}
          {!me.scope.platformAdmin && !me.scope.readAll && me.scope.tenantIds.length === 0 && me.scope.oversightProvinceCodes.length === 0 ? (
            <li>{t('home.scopeOwnOnly')}</li>
          ) : null}
        </ul>
      </section>

      <section className="panel" aria-labelledby="home-shortcuts">
        <h2 id="home-shortcuts">{t('home.shortcuts')}</h2>
        <ul className="shortcut-list">
          {shortcuts.map((s) => (
            <li key={s.to}>
              <Link to={s.to}>{t(s.labelKey)}</Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
};
