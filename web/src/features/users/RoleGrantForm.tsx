import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { SelectField, TextField } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { grantRole, rolesQuery, todayWib, type RoleCode } from './users.api';
import { useOrganizationOptions } from './useOrganizationOptions';

/** Granting a role: only roles the administrator may grant, only in organisations of a type that can hold it. */
export const RoleGrantForm = ({ userId, onGranted }: { userId: string; onGranted: () => Promise<unknown> }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const catalogue = useQuery(rolesQuery);
  const orgs = useOrganizationOptions();
  const [form, setForm] = useState({ role: '', orgId: '', validFrom: todayWib(), validTo: '', decreeRef: '' });
  const grantable = (catalogue.data?.items ?? []).filter((r) => r.grantable);
  const allowedTypes = grantable.find((r) => r.code === form.role)?.allowedOrgTypes;
  const orgOptions = (orgs.data ?? []).filter((o) => !allowedTypes || allowedTypes.includes(o.type));
  const grant = useMutation({
    mutationFn: () =>
      grantRole(userId, {
        role: form.role as RoleCode,
        orgId: form.orgId,
        validFrom: form.validFrom,
        ...(form.validTo ? { validTo: form.validTo } : {}),
        ...(form.decreeRef.trim() ? { decreeRef: form.decreeRef.trim() } : {}),
      }),
    onSuccess: async () => {
      toast(t('roleAssignments.granted'));
      setForm({ role: '', orgId: '', validFrom: todayWib(), validTo: '', decreeRef: '' });
      await onGranted();
    },
  });
  const error = grant.error instanceof ApiError ? grant.error : undefined;
  const fe = (key: string) => error?.fieldErrors[key];
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [key]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    grant.mutate();
  };
  if (catalogue.isSuccess && grantable.length === 0) return null;

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="role-grant">
      <h3 id="role-grant">{t('roleAssignments.grant')}</h3>
      {grant.isError && !(error && Object.keys(error.fieldErrors).length > 0) ? <ErrorNotice error={grant.error} /> : null}
      <SelectField label={t('home.role')} required value={form.role} onChange={set('role')} error={fe('role')}>
        <option value="">{t('roleAssignments.chooseRole')}</option>
        {grantable.map((r) => (
          <option key={r.code} value={r.code}>
            {t(`roles.${r.code}`, { defaultValue: r.code })}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('home.roleOrganization')} required value={form.orgId} onChange={set('orgId')} error={fe('orgId')}>
        <option value="">{t('users.chooseOrganization')}</option>
        {orgOptions.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <TextField label={t('home.validFrom')} type="date" required value={form.validFrom} onChange={set('validFrom')} error={fe('validFrom')} />
      <TextField label={t('home.validTo')} hint={t('roleAssignments.validToHint')} type="date" value={form.validTo} min={form.validFrom} onChange={set('validTo')} error={fe('validTo')} />
      <TextField label={t('roleAssignments.decree')} hint={t('roleAssignments.decreeHint')} maxLength={200} value={form.decreeRef} onChange={set('decreeRef')} error={fe('decreeRef')} />
      <button type="submit" className="button button-primary" disabled={grant.isPending}>
        {t('roleAssignments.grantSubmit')}
      </button>
    </form>
  );
};
