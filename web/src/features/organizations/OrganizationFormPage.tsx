import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { paths } from '../../app/paths';
import { ApiError } from '../../lib/api';
import { SelectField, TextField } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { createOrganization, fetchOrganization, fetchOrganizations, fieldsForType, LEGAL_FORMS, ORGANIZATION_TYPES, updateOrganization, type OrganizationDetail, type OrganizationType } from './organizations.api';

type Form = { type: OrganizationType; name: string; shortName: string; regionCode: string; parentId: string; legalForm: string; countryCode: string; npwp: string; nib: string; website: string };

const fromOrganization = (o: OrganizationDetail | undefined): Form => ({
  type: o?.type ?? 'OPD',
  name: o?.name ?? '',
  shortName: o?.shortName ?? '',
  regionCode: o?.regionCode ?? '',
  parentId: o?.parentId ?? '',
  legalForm: o?.legalForm ?? '',
  countryCode: o?.countryCode ?? '',
  npwp: o?.registryIds.npwp ?? '',
  nib: o?.registryIds.nib ?? '',
  website: o?.website ?? '',
});

const registryOf = (f: Form) => ({ ...(f.npwp.trim() ? { npwp: f.npwp.trim() } : {}), ...(f.nib.trim() ? { nib: f.nib.trim() } : {}) });

const OrganizationForm = ({ existing }: { existing?: OrganizationDetail }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Form>(() => fromOrganization(existing));
  const shows = fieldsForType(form.type);
  const parents = useQuery({
    queryKey: ['organizations', { type: 'parents' }],
    queryFn: () => fetchOrganizations({ limit: 200, offset: 0, type: undefined }),
    enabled: shows.parent,
    select: (d) => d.items.filter((o) => (o.type === 'PEMDA' || o.type === 'OPD' || o.type === 'UNIT') && o.id !== existing?.id),
  });
  const save = useMutation({
    mutationFn: () => {
      const registryIds = registryOf(form);
      if (existing)
        return updateOrganization(existing.id, {
          name: form.name.trim(),
          shortName: form.shortName.trim() || null,
          website: form.website.trim() || null,
          registryIds,
          ...(shows.parent && form.parentId && form.parentId !== existing.parentId ? { parentId: form.parentId } : {}),
        });

      return createOrganization({
        type: form.type,
        name: form.name.trim(),
        ...(form.shortName.trim() ? { shortName: form.shortName.trim() } : {}),
        ...(shows.region && form.regionCode.trim() ? { regionCode: form.regionCode.trim() } : {}),
        ...(shows.parent && form.parentId ? { parentId: form.parentId } : {}),
        ...(shows.partner && form.legalForm ? { legalForm: form.legalForm as (typeof LEGAL_FORMS)[number] } : {}),
        ...(shows.country && form.countryCode.trim() ? { countryCode: form.countryCode.trim().toUpperCase() } : {}),
        ...(Object.keys(registryIds).length > 0 ? { registryIds } : {}),
        ...(form.website.trim() ? { website: form.website.trim() } : {}),
      });
    },
    onSuccess: async (saved) => {
      toast(t('organizations.saved', { name: saved.name }));
      await queryClient.invalidateQueries({ queryKey: ['organizations'] });
      navigate(`${paths.organizations}/${saved.id}`);
    },
  });
  const error = save.error instanceof ApiError ? save.error : undefined;
  const fe = (key: string) => error?.fieldErrors[key];
  const set = (key: keyof Form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [key]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <form className="form panel" onSubmit={submit} noValidate>
      {save.isError && (!error || Object.keys(error.fieldErrors).length === 0) ? <ErrorNotice error={save.error} /> : null}
      {save.isError && error && Object.keys(error.fieldErrors).length > 0 ? <ErrorNotice>{t('common.fixErrors')}</ErrorNotice> : null}
      <SelectField label={t('organizations.type')} value={form.type} onChange={set('type')} disabled={existing !== undefined} error={fe('type')}>
        {ORGANIZATION_TYPES.map((ty) => (
          <option key={ty} value={ty}>
            {t(`orgTypes.${ty}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('organizations.name')} required maxLength={200} value={form.name} onChange={set('name')} error={fe('name')} />
      <TextField label={t('organizations.shortName')} maxLength={60} value={form.shortName} onChange={set('shortName')} error={fe('shortName')} />
      {shows.region && !existing ? <TextField label={t('organizations.regionCode')} hint={t('organizations.regionCodeHint')} maxLength={5} inputMode="decimal" value={form.regionCode} onChange={set('regionCode')} error={fe('regionCode')} /> : null}
      {shows.parent ? (
        <SelectField label={t('organizations.parent')} value={form.parentId} onChange={set('parentId')} error={fe('parentId')}>
          <option value="">{parents.isPending ? t('common.loading') : t('organizations.chooseParent')}</option>
          {(parents.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {shows.partner && !existing ? (
        <SelectField label={t('organizations.legalForm')} value={form.legalForm} onChange={set('legalForm')} error={fe('legalForm')}>
          <option value="">{t('common.none')}</option>
          {LEGAL_FORMS.map((lf) => (
            <option key={lf} value={lf}>
              {lf}
            </option>
          ))}
        </SelectField>
      ) : null}
      {shows.country && !existing ? <TextField label={t('organizations.country')} hint={t('organizations.countryHint')} maxLength={2} autoCapitalize="characters" value={form.countryCode} onChange={set('countryCode')} error={fe('countryCode')} /> : null}
      <TextField label="NPWP" hint={t('organizations.npwpHint')} inputMode="numeric" maxLength={24} value={form.npwp} onChange={set('npwp')} error={fe('registryIds.npwp')} />
      <TextField label="NIB" hint={t('organizations.nibHint')} inputMode="numeric" maxLength={13} value={form.nib} onChange={set('nib')} error={fe('registryIds.nib')} />
      <TextField label={t('organizations.website')} type="url" maxLength={300} value={form.website} onChange={set('website')} error={fe('website')} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('common.save')}
        </button>
        <Link className="button" to={existing ? `${paths.organizations}/${existing.id}` : paths.organizations}>
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
};

/** Adding a unit or partner, or correcting one; the type is fixed once created. */
export const OrganizationFormPage = () => {
  const { t } = useTranslation();
  const { id } = useParams();
  const existing = useQuery({ queryKey: ['organizations', 'detail', id], queryFn: () => fetchOrganization(id ?? ''), enabled: id !== undefined });
  const title = id ? t('organizations.editTitle') : t('organizations.add');

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      {id && existing.isPending ? <Loading /> : null}
      {existing.isError ? <ErrorNotice error={existing.error} /> : null}
      {!id ? <OrganizationForm /> : existing.data ? <OrganizationForm existing={existing.data} /> : null}
    </>
  );
};
