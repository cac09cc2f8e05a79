import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { cooperationPath, paths } from '../../app/paths';
import { formatRupiah } from '../../lib/format';
import { SelectField, TextField } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { Pager } from '../../ui/Pager';
import { Empty, ErrorNotice, Loading, TableScroll } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { useSession } from '../auth/session';
import { StateBadge } from '../cooperations/StateBadge';
import { PotentialStatusForm } from './PotentialStatusForm';
import { ProposalDialog } from './ProposalDialog';
import { fetchPotentials, PAGE_SIZE, potentialsKey, type Potential, type PotentialFilters } from './potentials.api';
import './mapping.css';

const KINDS = ['POTENSI', 'KEBUTUHAN', 'PERMASALAHAN'] as const;
const STATUSES = ['DIUSULKAN', 'DIPRIORITASKAN', 'DITETAPKAN', 'DIBATALKAN', 'DITINDAKLANJUTI'] as const;

export const PotentialStatus = ({ status }: { status: Potential['status'] }) => {
  const { t } = useTranslation();

  return <span className={`badge potential-status-${status.toLowerCase()}`}>{t(`potentials.statuses.${status}`)}</span>;
};

/** Where the item went: the cooperations proposed from it, each with its state and progress. */
const FollowThrough = ({ item }: { item: Potential }) => {
  const { t } = useTranslation();
  if (!item.cooperations.length) return <>{t('common.none')}</>;

  return (
    <ul className="potential-links">
      {item.cooperations.map((c) => (
        <li key={c.id}>
          <Link to={cooperationPath(c.id)}>{c.code ?? c.title}</Link> <StateBadge state={c.state} /> {t('potentials.progress', { value: Number(c.progress).toLocaleString('id-ID') })}
        </li>
      ))}
    </ul>
  );
};

/**
 * "Daftar potensi & kebutuhan": the register built from the OPD answers the TKKSD accepted, with
 * filters; the secretariat and TKKSD set an item's status and follow prioritised ones through to a
 * cooperation proposal.
 */
export const PotentialsPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  const toast = useToast();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [draft, setDraft] = useState({ q: '', kind: '', status: '', urusan: '', region: '', year: '' });
  const [filters, setFilters] = useState<PotentialFilters>({});
  const [proposing, setProposing] = useState<Potential | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const q = useQuery({ queryKey: potentialsKey(filters), queryFn: () => fetchPotentials(filters) });
  const refresh = () => client.invalidateQueries({ queryKey: ['mapping', 'potentials'] });
  const caption = t('potentials.caption');
  const field = (key: keyof typeof draft) => ({ value: draft[key], onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }) });

  return (
    <>
      <PageTitle title={t('potentials.title')}>{t('potentials.title')}</PageTitle>
      <p>{t('potentials.intro')}</p>
      <p>
        <Link to={paths.mapping}>{t('potentials.backToMapping')}</Link>
      </p>
      <form
        className="potential-filters"
        aria-label={t('potentials.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({
            ...(draft.q.trim() ? { q: draft.q.trim() } : {}),
            ...(draft.kind ? { kind: draft.kind as Potential['kind'] } : {}),
            ...(draft.status ? { status: draft.status as Potential['status'] } : {}),
            ...(draft.urusan.trim() ? { urusan: draft.urusan.trim() } : {}),
            ...(draft.region.trim() ? { region: draft.region.trim() } : {}),
            ...(/^\d{4}$/.test(draft.year) ? { year: Number(draft.year) } : {}),
          });
        }}
      >
        <TextField label={t('potentials.filter.q')} type="search" {...field('q')} />
        <SelectField label={t('potentials.filter.kind')} {...field('kind')}>
          <option value="">{t('common.all')}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`potentials.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('potentials.filter.status')} {...field('status')}>
          <option value="">{t('common.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`potentials.statuses.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('potentials.filter.urusan')} hint={t('potentials.filter.urusanHint')} {...field('urusan')} />
        <TextField label={t('potentials.filter.region')} hint={t('potentials.filter.regionHint')} {...field('region')} />
        <TextField label={t('potentials.filter.year')} inputMode="numeric" {...field('year')} />
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('common.search')}
          </button>
        </div>
      </form>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <ErrorNotice error={q.error} /> : null}
      {q.data && q.data.items.length === 0 ? <Empty>{t('potentials.empty')}</Empty> : null}
      {q.data && q.data.items.length > 0 ? (
        <>
          <p>{t('potentials.count', { count: q.data.total })}</p>
          <TableScroll label={caption}>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('potentials.columns.title')}</th>
                <th scope="col">{t('potentials.columns.kind')}</th>
                <th scope="col">{t('potentials.columns.opd')}</th>
                <th scope="col">{t('potentials.columns.urusan')}</th>
                <th scope="col">{t('potentials.columns.cost')}</th>
                <th scope="col">{t('potentials.columns.status')}</th>
                <th scope="col">{t('potentials.columns.cooperation')}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.items.map((i) => (
                <tr key={i.id}>
                  <th scope="row">
                    {i.title}
                    {i.description ? <p className="field-hint">{i.description}</p> : null}
                  </th>
                  <td>{t(`potentials.kinds.${i.kind}`)}</td>
                  <td>
                    {i.orgName} ({i.cycleYear})
                  </td>
                  <td>{i.urusanCodes.join(', ') || t('common.none')}</td>
                  <td>{i.costEstimateIdr ? formatRupiah(i.costEstimateIdr) : t('common.none')}</td>
                  <td>
                    <PotentialStatus status={i.status} />
                    {i.statusReason ? <p className="field-hint">{i.statusReason}</p> : null}
                    {i.canManage && i.status !== 'DITINDAKLANJUTI' ? (
                      editing === i.id ? (
                        <PotentialStatusForm
                          item={i}
                          onDone={() => {
                            setEditing(null);
                            void refresh();
                          }}
                          onCancel={() => setEditing(null)}
                        />
                      ) : (
                        <button type="button" className="link-button" onClick={() => setEditing(i.id)}>
                          {t('potentials.changeStatus')}
                          <span className="visually-hidden"> — {i.title}</span>
                        </button>
                      )
                    ) : null}
                  </td>
                  <td>
                    <FollowThrough item={i} />
                    {i.canPropose ? (
                      <button type="button" className="button" onClick={() => setProposing(i)}>
                        {t('potentials.propose')}
                        <span className="visually-hidden"> — {i.title}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </TableScroll>
          <Pager total={q.data.total} offset={filters.offset ?? 0} pageSize={PAGE_SIZE} onChange={(offset) => setFilters({ ...filters, offset })} />
        </>
      ) : null}
      {proposing ? (
        <ProposalDialog
          item={proposing}
          ownTenantId={me.organization.tenantId}
          onClose={() => setProposing(null)}
          onDone={(id) => {
            setProposing(null);
            void refresh();
            toast(t('potentials.proposal.done'));
            void navigate(cooperationPath(id));
          }}
        />
      ) : null}
    </>
  );
};
