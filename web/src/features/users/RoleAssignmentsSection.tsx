import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { formatDate } from '../../lib/format';
import { Empty, ErrorNotice, Loading, TableScroll } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { useCan } from '../auth/session';
import { RoleGrantForm } from './RoleGrantForm';
import { endRole, fetchUserRoles, revokeRole, todayWib, type RoleAssignment, type User } from './users.api';

const statusKey = (a: RoleAssignment, today: string) => (a.revokedAt ? 'revoked' : a.active ? 'active' : a.validFrom > today ? 'future' : 'ended');

const AssignmentActions = ({ assignment, onChanged }: { assignment: RoleAssignment; onChanged: () => Promise<unknown> }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const [mode, setMode] = useState<'idle' | 'end' | 'revoke'>('idle');
  const [validTo, setValidTo] = useState(todayWib());
  const act = useMutation({
    mutationFn: () => (mode === 'end' ? endRole(assignment.id, validTo) : revokeRole(assignment.id)),
    onSuccess: async () => {
      toast(mode === 'end' ? t('roleAssignments.ended') : t('roleAssignments.revoked'));
      setMode('idle');
      await onChanged();
    },
  });
  const roleName = t(`roles.${assignment.role}`, { defaultValue: assignment.role });

  if (mode === 'idle')
    return (
      <div className="row-actions">
        <button type="button" className="button button-small" onClick={() => setMode('end')}>
          {t('roleAssignments.end')}
          <span className="visually-hidden"> {roleName}</span>
        </button>
        <button type="button" className="button button-small button-danger" onClick={() => setMode('revoke')}>
          {t('roleAssignments.revoke')}
          <span className="visually-hidden"> {roleName}</span>
        </button>
      </div>
    );

  return (
    <div className="inline-form">
      {mode === 'end' ? (
        <label>
          {t('roleAssignments.lastDay')}
          <input type="date" value={validTo} min={assignment.validFrom} onChange={(e) => setValidTo(e.target.value)} />
        </label>
      ) : (
        <p>{t('roleAssignments.revokeConfirm', { role: roleName })}</p>
      )}
      {act.isError ? <ErrorNotice error={act.error} /> : null}
      <div className="row-actions">
        <button type="button" className={mode === 'revoke' ? 'button button-small button-danger' : 'button button-small button-primary'} disabled={act.isPending} onClick={() => act.mutate()}>
          {mode === 'end' ? t('roleAssignments.endSubmit') : t('roleAssignments.revokeSubmit')}
        </button>
        <button type="button" className="button button-small" onClick={() => setMode('idle')}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
};

/** Every role the user holds or held, with its period and decree; administrators grant, end or revoke. */
export const RoleAssignmentsSection = ({ user }: { user: User }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const queryClient = useQueryClient();
  const roles = useQuery({ queryKey: ['users', 'roles', user.id], queryFn: () => fetchUserRoles(user.id) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['users', 'roles', user.id] });
  const today = todayWib();
  const manage = can('role.manage');

  return (
    <section className="panel" aria-labelledby="user-roles">
      <h2 id="user-roles">{t('roleAssignments.title')}</h2>
      {roles.isPending ? <Loading /> : null}
      {roles.isError ? <ErrorNotice error={roles.error} /> : null}
      {roles.data && roles.data.items.length === 0 ? <Empty>{t('roleAssignments.empty')}</Empty> : null}
      {roles.data && roles.data.items.length > 0 ? (
        <TableScroll label={t('roleAssignments.title')}>
          <thead>
            <tr>
              <th scope="col">{t('home.role')}</th>
              <th scope="col">{t('home.roleOrganization')}</th>
              <th scope="col">{t('roleAssignments.period')}</th>
              <th scope="col">{t('roleAssignments.decree')}</th>
              <th scope="col">{t('roleAssignments.status')}</th>
              {manage ? <th scope="col">{t('common.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {roles.data.items.map((a) => {
              const status = statusKey(a, today);

              return (
                <tr key={a.id} className={status === 'active' || status === 'future' ? undefined : 'row-muted'}>
                  <td>{t(`roles.${a.role}`, { defaultValue: a.role })}</td>
                  <td>{a.orgName}</td>
                  <td>{a.validTo ? t('regions.validRange', { from: formatDate(a.validFrom, lang), to: formatDate(a.validTo, lang) }) : t('regions.validSince', { from: formatDate(a.validFrom, lang) })}</td>
                  <td>{a.decreeRef ?? t('common.none')}</td>
                  <td>{t(`roleAssignments.statuses.${status}`)}</td>
                  {manage ? <td>{status === 'active' || status === 'future' ? <AssignmentActions assignment={a} onChanged={refresh} /> : null}</td> : null}
                </tr>
              );
            })}
          </tbody>
        </TableScroll>
      ) : null}
      {manage ? <RoleGrantForm userId={user.id} onGranted={refresh} /> : null}
    </section>
  );
};
