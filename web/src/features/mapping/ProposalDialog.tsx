import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTERPART_TYPES, fetchOrganizationsOfType, KINDS, OBJECT_CATEGORIES, type Kind } from '../cooperations/cooperations.api';
import { SelectField } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Status';
import { useModalDialog } from '../../ui/useModalDialog';
import { proposeFromPotential, type Potential } from './potentials.api';

/**
 * "Usulkan kerja sama": the fields a cooperation needs that the register item does not hold
 * (kind, object category, the partner); title, description, urusan, issues, locations and the
 * proposing OPD come from the item on the server.
 */
export const ProposalDialog = ({ item, ownTenantId, onClose, onDone }: { item: Potential; ownTenantId: string | null; onClose: () => void; onDone: (cooperationId: string) => void }) => {
  const { t } = useTranslation();
  const ref = useModalDialog(onClose);
  const titleId = useId();
  const [kind, setKind] = useState<Kind>('KSDD');
  const [ksddCategory, setKsddCategory] = useState<'SUKARELA' | 'WAJIB'>('SUKARELA');
  const [objectCategory, setObjectCategory] = useState<(typeof OBJECT_CATEGORIES)[number]>('PELAYANAN_PUBLIK');
  const [partner, setPartner] = useState('');
  const types = COUNTERPART_TYPES[kind].join(',');
  const candidates = useQuery({ queryKey: ['organizations', 'counterparts', types], queryFn: () => fetchOrganizationsOfType(types), staleTime: 5 * 60_000 });
  const run = useMutation({
    mutationFn: () =>
      proposeFromPotential(item.id, { expectedVersion: item.rowVersion, kind, ksddCategory: kind === 'KSDD' ? ksddCategory : null, objectCategory, partners: [{ orgId: partner }] }),
    onSuccess: (r) => onDone(r.cooperationId),
  });

  return (
    <dialog ref={ref} className="coop-dialog" aria-labelledby={titleId}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          run.mutate();
        }}
      >
        <h2 id={titleId}>{t('potentials.proposal.title')}</h2>
        <p>{t('potentials.proposal.intro', { title: item.title, opd: item.orgName })}</p>
        <SelectField
          label={t('cooperations.fields.kind')}
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as Kind);
            setPartner('');
          }}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`cooperations.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        {kind === 'KSDD' ? (
          <SelectField label={t('cooperations.fields.ksddCategory')} value={ksddCategory} onChange={(e) => setKsddCategory(e.target.value as 'SUKARELA' | 'WAJIB')}>
            <option value="SUKARELA">{t('cooperations.ksddCategories.SUKARELA')}</option>
            <option value="WAJIB">{t('cooperations.ksddCategories.WAJIB')}</option>
          </SelectField>
        ) : null}
        <SelectField label={t('cooperations.fields.objectCategory')} value={objectCategory} onChange={(e) => setObjectCategory(e.target.value as (typeof OBJECT_CATEGORIES)[number])}>
          {OBJECT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`cooperations.objectCategories.${c}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('potentials.proposal.partner')} hint={item.candidatePartners ? t('potentials.proposal.candidates', { text: item.candidatePartners }) : undefined} value={partner} onChange={(e) => setPartner(e.target.value)} required>
          <option value="">{candidates.isPending ? t('common.loading') : t('potentials.proposal.choosePartner')}</option>
          {(candidates.data?.items ?? [])
            .filter((o) => o.active && o.id !== ownTenantId)
            .map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
        </SelectField>
        {run.isError ? <ErrorNotice error={run.error} /> : null}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={run.isPending || !partner}>
            {t('potentials.proposal.submit')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
};
