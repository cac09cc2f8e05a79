import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/paths';
import { useLang } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { useCan, useSession } from '../auth/session';
import { RoleAssignmentsSection } from './RoleAssignmentsSection';
import { UserEditSection, UserPasswordResetSection, UserTwoFactorResetSection } from './UserEditSection';
import { fetchUser, updateUser } from './users.api';

export const UserDetailPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const me = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { id = '' } = useParams();
  const user = useQuery({ queryKey: ['users', 'detail', id], queryFn: () => fetchUser(id) });
  const setStatus = useMutation({
    mutationFn: (status: 'ACTIVE' | 'DISABLED') => updateUser(id, { status }),
    onSuccess: async (u) => {
      toast(u.status === 'ACTIVE' ? t('users.enabled', { name: u.name }) : t('users.disabled', { name: u.name }));
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const u = user.data;
  const manage = can('user.manage');

  return (
    <>
      <p>
        <Link to={paths.users}>← {t('users.backToList')}</Link>
      </p>
      <PageTitle title={u?.name ?? t('users.title')}>{u?.name ?? t('users.title')}</PageTitle>
      {user.isPending ? <Loading /> : null}
      {user.isError ? <ErrorNotice error={user.error} /> : null}
      {u ? (
        <>
          <section className="panel" aria-labelledby="user-summary">
            <h2 id="user-summary">{t('users.summary')}</h2>
            {setStatus.isError ? <ErrorNotice error={setStatus.error} /> : null}
            <dl className="facts">
              <dt>{t('users.email')}</dt>
              <dd>{u.email}</dd>
              <dt>{t('users.organization')}</dt>
              <dd>{u.orgName}</dd>
              <dt>{t('users.status')}</dt>
              <dd>{t(`users.statuses.${u.status}`)}</dd>
              <dt>{t('users.twoFactor')}</dt>
              <dd>{u.twoFactorEnabled ? t('common.yes') : t('common.no')}</dd>
              <dt>{t('users.lastLogin')}</dt>
              <dd>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, lang) : t('users.never')}</dd>
              <dt>{t('users.passwordChangedAt')}</dt>
              <dd>{u.passwordChangedAt ? formatDateTime(u.passwordChangedAt, lang) : t('common.none')}</dd>
            </dl>
            {manage ? (
              <button type="button" className={u.status === 'ACTIVE' ? 'button button-danger' : 'button'} disabled={setStatus.isPending} onClick={() => setStatus.mutate(u.status === 'ACTIVE' ? 'DISABLED' : 'ACTIVE')}>
                {u.status === 'ACTIVE' ? t('users.disable') : t('users.enable')}
              </button>
            ) : null}
          </section>
          {manage ? <UserEditSection key={u.updatedAt} user={u} /> : null}
          {manage ? <UserPasswordResetSection user={u} /> : null}
          {manage && u.twoFactorEnabled && u.id !== me.user.id ? <UserTwoFactorResetSection user={u} /> : null}
          <RoleAssignmentsSection user={u} />
        </>
      ) : null}
    </>
  );
};
