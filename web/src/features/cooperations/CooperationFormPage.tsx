import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { cooperationPath, paths } from '../../app/paths';
import { ApiError } from '../../lib/api';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { useSession } from '../auth/session';
import { tenantsQuery } from '../organizations/organizations.api';
import { emptyForm, fromCooperation, toCreate, toUpdate, validateForm, type FormState, type PartyDraft } from './cooperationForm';
import { createCooperation, fetchCooperation, KINDS, OBJECT_CATEGORIES, PLAN_EXCEPTIONS, REGIMES, updateCooperation, type Cooperation, type Kind } from './cooperations.api';
import './cooperations.css';
import { FundingEditor, IssuePicker, LocationPicker, PartiesEditor, UrusanPicker } from './FormParts';

const CLIENT_MESSAGES: Record<string, string> = {
  required: 'cooperations.form.errors.required',
  parties: 'cooperations.form.errors.parties',
  endBeforeStart: 'cooperations.form.errors.endBeforeStart',
  amount: 'cooperations.form.errors.amount',
  year: 'cooperations.form.errors.year',
};

const CooperationForm = ({ existing, own }: { existing?: Cooperation; own: PartyDraft | null }) => {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const toast = useToast();
  const client = useQueryClient();
  const id = useId();
  const ownOrgIds = [me.organization.id, ...(me.organization.tenantId ? [me.organization.tenantId] : [])];
  const [form, setForm] = useState<FormState>(() => (existing ? fromCooperation(existing, ownOrgIds) : emptyForm(own, me.organization.tenantId === null)));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => (existing ? updateCooperation(existing.id, toUpdate(form, existing.rowVersion)) : createCooperation(toCreate(form))),
    onSuccess: async (saved) => {
      toast(existing ? t('cooperations.form.updated', { code: saved.code }) : t('cooperations.form.created', { code: saved.code }));
      client.setQueryData(['cooperations', 'detail', saved.id], saved);
      await client.invalidateQueries({ queryKey: ['cooperations', 'register'] });
      navigate(cooperationPath(saved.id));
    },
  });
  const apiError = save.error instanceof ApiError ? save.error : undefined;
  const errorOf = (path: string) => {
    const local = clientErrors[path];
    if (local) return t(CLIENT_MESSAGES[local] ?? 'cooperations.form.errors.required');

    return apiError?.fieldErrors[path];
  };
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const text = (key: 'title' | 'objek' | 'planReference' | 'startDate' | 'endDate') => (e: { target: { value: string } }) => set(key, e.target.value);
  const changeKind = (kind: Kind) =>
    // Counterparts of another kind no longer fit; the user's own party stays.
    setForm((f) => ({ ...f, kind, ksddCategory: kind === 'KSDD' ? f.ksddCategory : '', parties: f.parties.filter((p) => p.own) }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors = validateForm(form);
    setClientErrors(errors);
    if (Object.keys(errors).length === 0) save.mutate();
  };
  const hasFieldErrors = Object.keys(clientErrors).length > 0 || (apiError !== undefined && Object.keys(apiError.fieldErrors).length > 0);
  const datesRequired = form.regime !== 'KSD_GENERIC';

  return (
    <form className="panel coop-form" onSubmit={submit} noValidate>
      {hasFieldErrors ? <ErrorNotice>{t('common.fixErrors')}</ErrorNotice> : null}
      {save.isError && apiError?.code === 'cooperations.stale_version' ? <ErrorNotice>{t('cooperations.stale')}</ErrorNotice> : null}
      {save.isError && !hasFieldErrors && apiError?.code !== 'cooperations.stale_version' ? <ErrorNotice error={save.error} /> : null}

      <h2>{t('cooperations.form.sectionKind')}</h2>
      <SelectField label={t('cooperations.fields.kind')} value={form.kind} disabled={existing !== undefined} onChange={(e) => changeKind(e.target.value as Kind)} error={errorOf('kind')}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`cooperations.kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      {form.kind === 'KSDD' ? (
        <SelectField label={t('cooperations.fields.ksddCategory')} hint={t('cooperations.form.ksddCategoryHint')} required value={form.ksddCategory} onChange={(e) => set('ksddCategory', e.target.value)} error={errorOf('ksddCategory')}>
          <option value="">{t('cooperations.actionDialog.choose')}</option>
          <option value="WAJIB">{t('cooperations.ksddCategories.WAJIB')}</option>
          <option value="SUKARELA">{t('cooperations.ksddCategories.SUKARELA')}</option>
        </SelectField>
      ) : null}
      <SelectField label={t('cooperations.fields.regime')} hint={t('cooperations.form.regimeHint')} value={form.regime} disabled={existing !== undefined} onChange={(e) => set('regime', e.target.value as FormState['regime'])} error={errorOf('regime')}>
        {REGIMES.map((r) => (
          <option key={r} value={r}>
            {t(`cooperations.regimes.${r}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('cooperations.fields.initiator')} value={form.initiator} disabled={existing !== undefined} onChange={(e) => set('initiator', e.target.value as FormState['initiator'])}>
        <option value="DAERAH">{t('cooperations.initiators.DAERAH')}</option>
        <option value="MITRA">{t('cooperations.initiators.MITRA')}</option>
      </SelectField>

      <PartiesEditor
        kind={form.kind}
        parties={form.parties}
        onChange={(parties) => set('parties', parties)}
        ownTenantId={me.organization.tenantId}
        error={errorOf('parties')}
      />

      <h2>{t('cooperations.form.sectionContent')}</h2>
      <TextField label={t('cooperations.fields.title')} required maxLength={300} value={form.title} onChange={text('title')} error={errorOf('title')} />
      <SelectField label={t('cooperations.fields.objectCategory')} hint={t('cooperations.form.objectCategoryHint')} value={form.objectCategory} onChange={(e) => set('objectCategory', e.target.value as FormState['objectCategory'])}>
        {OBJECT_CATEGORIES.map((o) => (
          <option key={o} value={o}>
            {t(`cooperations.objectCategories.${o}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField label={t('cooperations.fields.objek')} rows={3} maxLength={4000} value={form.objek} onChange={text('objek')} error={errorOf('objek')} />
      <fieldset className="coop-fieldset">
        <legend>{t('cooperations.fields.ruangLingkup')}</legend>
        {form.ruangLingkup.map((r, i) => (
          <div key={i} className="coop-inline">
            <TextField
              label={t('cooperations.form.scopeItem', { n: i + 1 })}
              maxLength={1000}
              value={r}
              onChange={(e) => set('ruangLingkup', form.ruangLingkup.map((x, j) => (j === i ? e.target.value : x)))}
              error={errorOf(`ruangLingkup.${i}`)}
            />
            <div className="button-row">
              <button type="button" className="button button-small" onClick={() => set('ruangLingkup', form.ruangLingkup.filter((_, j) => j !== i))}>
                {t('cooperations.form.removeScope', { n: i + 1 })}
              </button>
            </div>
          </div>
        ))}
        <button type="button" className="button" onClick={() => set('ruangLingkup', [...form.ruangLingkup, ''])}>
          {t('cooperations.form.addScope')}
        </button>
      </fieldset>
      <UrusanPicker chosen={form.urusanCodes} onChange={(v) => set('urusanCodes', v)} />
      <IssuePicker chosen={form.issueIds} onChange={(v) => set('issueIds', v)} />
      <LocationPicker chosen={form.locationCodes} onChange={(v) => set('locationCodes', v)} />

      <h2>{t('cooperations.form.sectionPlan')}</h2>
      <fieldset className="coop-fieldset">
        <legend>{t('cooperations.fields.plan')}</legend>
        <div className="checkbox">
          <input id={`${id}-plan-ref`} type="radio" name={`${id}-plan`} checked={form.planMode === 'reference'} onChange={() => set('planMode', 'reference')} />
          <label htmlFor={`${id}-plan-ref`}>{t('cooperations.form.planInDocuments')}</label>
        </div>
        <div className="checkbox">
          <input id={`${id}-plan-exc`} type="radio" name={`${id}-plan`} checked={form.planMode === 'exception'} onChange={() => set('planMode', 'exception')} />
          <label htmlFor={`${id}-plan-exc`}>{t('cooperations.form.planException')}</label>
        </div>
        {form.planMode === 'reference' ? (
          <TextField label={t('cooperations.form.planReference')} hint={t('cooperations.form.planReferenceHint')} maxLength={300} value={form.planReference} onChange={text('planReference')} error={errorOf('planReference')} />
        ) : (
          <SelectField label={t('cooperations.form.planExceptionReason')} value={form.planException} onChange={(e) => set('planException', e.target.value)} error={errorOf('planException')}>
            <option value="">{t('cooperations.actionDialog.choose')}</option>
            {PLAN_EXCEPTIONS.map((p) => (
              <option key={p} value={p}>
                {t(`cooperations.planExceptions.${p}`)}
              </option>
            ))}
          </SelectField>
        )}
      </fieldset>
      <div className="checkbox">
        <input id={`${id}-burdens`} type="checkbox" checked={form.burdensCommunity} onChange={(e) => set('burdensCommunity', e.target.checked)} />
        <label htmlFor={`${id}-burdens`}>{t('cooperations.form.burdensCommunity')}</label>
      </div>
      <p className="field-hint">{t('cooperations.form.dprdHint')}</p>
      {existing ? (
        <p className="notice notice-info">
          {t('cooperations.fields.dprdRequired')}: <strong>{existing.dprdRequired ? t('common.yes') : t('common.no')}</strong>
        </p>
      ) : null}
      <FundingEditor lines={form.funding} onChange={(l) => set('funding', l)} errorOf={errorOf} />

      <h2>{t('cooperations.fields.term')}</h2>
      <p className="field-hint">{datesRequired ? t('cooperations.form.datesRequired') : t('cooperations.form.datesLater')}</p>
      <TextField label={t('cooperations.fields.startDate')} type="date" required={datesRequired} value={form.startDate} onChange={text('startDate')} error={errorOf('startDate')} />
      <TextField label={t('cooperations.fields.endDate')} type="date" required={datesRequired} value={form.endDate} onChange={text('endDate')} error={errorOf('endDate')} />

      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {existing ? t('common.save') : t('cooperations.form.submitNew')}
        </button>
        <Link className="button" to={existing ? cooperationPath(existing.id) : paths.cooperations}>
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
};

/** Proposing a cooperation, or correcting one before anything is signed. */
export const CooperationFormPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  const { id } = useParams();
  const existing = useQuery({ queryKey: ['cooperations', 'detail', id], queryFn: () => fetchCooperation(id ?? ''), enabled: id !== undefined });
  const tenants = useQuery({ ...tenantsQuery, enabled: id === undefined && me.organization.tenantId !== null });
  const title = id ? t('cooperations.form.editTitle') : t('cooperations.form.newTitle');
  const ownTenant = tenants.data?.items.find((x) => x.id === me.organization.tenantId);
  // A pemda user proposes for their pemda; a partner user for their own organisation.
  const own: PartyDraft | null =
    me.organization.tenantId === null
      ? { orgId: me.organization.id, name: me.organization.name, type: me.organization.type, own: true, leadOpdId: '' }
      : ownTenant
        ? { orgId: ownTenant.id, name: ownTenant.name, type: 'PEMDA', own: true, leadOpdId: me.organization.type === 'OPD' ? me.organization.id : '' }
        : null;
  const ready = id ? existing.data !== undefined : me.organization.tenantId === null || tenants.isSuccess;

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p className="lead">{id ? t('cooperations.form.editLead') : t('cooperations.form.newLead')}</p>
      {(id && existing.isPending) || (!id && tenants.isPending && me.organization.tenantId !== null) ? <Loading /> : null}
      {existing.isError ? <ErrorNotice error={existing.error} /> : null}
      {tenants.isError ? <ErrorNotice error={tenants.error} /> : null}
      {existing.data && !existing.data.canEdit ? <ErrorNotice>{t('cooperations.form.notEditable')}</ErrorNotice> : null}
      {ready && (!existing.data || existing.data.canEdit) ? <CooperationForm existing={existing.data} own={own} /> : null}
    </>
  );
};
