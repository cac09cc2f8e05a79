import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { SelectField, TextField } from '../../ui/Field';
import { issuesQuery, urusanQuery } from '../cooperations/cooperations.api';
import { PageTitle } from '../../ui/PageTitle';
import { Empty, ErrorNotice, Loading, TableScroll } from '../../ui/Status';
import { fetchOverview, overviewKey, type Overview } from './potentials.api';
import './mapping.css';

const CountTable = ({ caption, rows, keyLabel, nameOf }: { caption: string; rows: Overview['byUrusan']; keyLabel: string; nameOf: (key: string) => string }) => {
  const { t } = useTranslation();
  if (!rows.length) return <Empty>{t('potentials.overview.noItems')}</Empty>;

  return (
    <TableScroll label={caption}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{keyLabel}</th>
          <th scope="col">{t('potentials.kinds.POTENSI')}</th>
          <th scope="col">{t('potentials.kinds.KEBUTUHAN')}</th>
          <th scope="col">{t('potentials.kinds.PERMASALAHAN')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{nameOf(r.key)}</th>
            <td>{r.potensi}</td>
            <td>{r.kebutuhan}</td>
            <td>{r.permasalahan}</td>
          </tr>
        ))}
      </tbody>
    </TableScroll>
  );
};

/**
 * "Pemetaan nasional": for Kemendagri (nation or a province) and the GWPP (its province), which
 * pemda completed this year's mapping, at which stage the others are or that they have no cycle,
 * and how many potentials, needs and problems were mapped per urusan and strategic issue.
 */
export const MappingOverviewPage = () => {
  const { t } = useTranslation();
  const [year, setYear] = useState(new Date().getFullYear());
  const [province, setProvince] = useState('');
  const lang = useLang();
  const q = useQuery({ queryKey: overviewKey(year, province), queryFn: () => fetchOverview(year, province) });
  const urusan = useQuery(urusanQuery);
  const issues = useQuery(issuesQuery);
  const urusanName = (code: string) => {
    const u = urusan.data?.items.find((x) => x.code === code);

    return u ? `${code} ${lang === 'en' ? u.nameEn : u.nameId}` : code;
  };
  const issueName = (id: string) => {
    const i = issues.data?.items.find((x) => x.id === id);

    return i ? (lang === 'en' ? i.nameEn : i.nameId) : id;
  };
  const o = q.data;
  const caption = t('potentials.overview.caption', { year });

  return (
    <>
      <PageTitle title={t('potentials.overview.title')}>{t('potentials.overview.title')}</PageTitle>
      <p>{t('potentials.overview.intro')}</p>
      <div className="potential-filters">
        <TextField label={t('potentials.filter.year')} type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value) || year)} />
        {o && o.provinces.length > 0 ? (
          <SelectField label={t('potentials.overview.province')} value={province || (o.scope.province ?? '')} onChange={(e) => setProvince(e.target.value)}>
            {o.scope.level === 'nation' || province === '' ? <option value="">{t('potentials.overview.nation')}</option> : null}
            {o.provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <ErrorNotice error={q.error} /> : null}
      {o ? (
        <>
          <p>{t('potentials.overview.completed', { completed: o.completed, total: o.pemda.length })}</p>
          {o.pemda.length === 0 ? (
            <Empty>{t('potentials.overview.noPemda')}</Empty>
          ) : (
            <TableScroll label={caption}>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('potentials.overview.pemda')}</th>
                  <th scope="col">{t('potentials.overview.stage')}</th>
                  <th scope="col">{t('potentials.overview.answered')}</th>
                  <th scope="col">{t('potentials.overview.items')}</th>
                </tr>
              </thead>
              <tbody>
                {o.pemda.map((p) => (
                  <tr key={p.tenantId}>
                    <th scope="row">{p.name}</th>
                    <td>{p.stage ? t(`mapping.stages.${p.stage}`) : t('potentials.overview.noCycle')}</td>
                    <td>{t('potentials.overview.answeredOf', { answered: p.answered, accepted: p.accepted, total: p.participants })}</td>
                    <td>{p.items}</td>
                  </tr>
                ))}
              </tbody>
            </TableScroll>
          )}
          <h2>{t('potentials.overview.byUrusan')}</h2>
          <CountTable caption={t('potentials.overview.byUrusanCaption', { year })} rows={o.byUrusan} keyLabel={t('potentials.columns.urusan')} nameOf={urusanName} />
          <h2>{t('potentials.overview.byIssue')}</h2>
          <CountTable caption={t('potentials.overview.byIssueCaption', { year })} rows={o.byIssue} keyLabel={t('potentials.overview.issue')} nameOf={issueName} />
        </>
      ) : null}
    </>
  );
};
