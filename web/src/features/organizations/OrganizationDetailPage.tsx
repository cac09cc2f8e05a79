import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/paths';
import { useLang } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { useCan } from '../auth/session';
import { fetchOrganization, updateOrganization } from './organizations.api';

export const OrganizationDetailPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { id = '' } = useParams();
  const org = useQuery({ queryKey: ['organizations', 'detail', id], queryFn: () => fetchOrganization(id) });
  const toggle = useMutation({
    mutationFn: (active: boolean) => updateOrganization(id, { active }),
    onSuccess: async (updated) => {
      toast(updated.active ? t('organizations.activated') : t('organizations.deactivated'));
      await queryClient.invalidateQueries({ queryKey: ['organizations'] });
    },
  });
  const o = org.data;

  return (
    <>
      <p>
        <Link to={paths.organizations}>← {t('organizations.backToList')}</Link>
      </p>
      <PageTitle title={o?.name ?? t('organizations.title')}>{o?.name ?? t('organizations.title')}</PageTitle>
      {org.isPending ? <Loading /> : null}
      {org.isError ? <ErrorNotice error={org.error} /> : null}
      {toggle.isError ? <ErrorNotice error={toggle.error} /> : null}
      {o ? (
        <section className="panel">
          <dl className="facts">
            <dt>{t('organizations.type')}</dt>
            <dd>{t(`orgTypes.${o.type}`)}</dd>
            <dt>{t('organizations.shortName')}</dt>
            <dd>{o.shortName ?? t('common.none')}</dd>
            <dt>{t('organizations.region')}</dt>
            <dd className="code">{o.regionCode ?? t('common.none')}</dd>
            <dt>{t('organizations.parent')}</dt>
            <dd>{o.parent ? <Link to={`${paths.organizations}/${o.parent.id}`}>{o.parent.name}</Link> : t('common.none')}</dd>
            <dt>{t('organizations.subUnits')}</dt>
            <dd>{o.childCount}</dd>
            {o.legalForm ? (
              <>
                <dt>{t('organizations.legalForm')}</dt>
                <dd>{o.legalForm}</dd>
              </>
            ) : null}
            {o.countryCode ? (
              <>
                <dt>{t('organizations.country')}</dt>
                <dd>{o.countryCode}</dd>
              </>
            ) : null}
            {Object.entries(o.registryIds).map(([k, v]) => (
              <div key={k} className="facts-pair">
                <dt>{k.toUpperCase()}</dt>
                <dd className="code">{v}</dd>
              </div>
            ))}
            <dt>{t('organizations.website')}</dt>
            <dd>{o.website ? <a href={o.website} rel="noreferrer noopener" target="_blank">{o.website}</a> : t('common.none')}</dd>
            <dt>{t('organizations.status')}</dt>
            <dd>{o.active ? t('organizations.active') : t('organizations.inactive')}</dd>
            <dt>{t('organizations.updatedAt')}</dt>
            <dd>{formatDateTime(o.updatedAt, lang)}</dd>
          </dl>
          {can('org.manage') ? (
            <div className="button-row">
              <Link className="button button-primary" to={`${paths.organizations}/${o.id}/ubah`}>
                {t('common.edit')}
              </Link>
              <button type="button" className={o.active ? 'button button-danger' : 'button'} disabled={toggle.isPending} onClick={() => toggle.mutate(!o.active)}>
                {o.active ? t('organizations.deactivate') : t('organizations.activate')}
              </button>
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
};
