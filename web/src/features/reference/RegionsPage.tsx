import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { SelectField, TextField } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { Pager } from '../../ui/Pager';
import { Empty, ErrorNotice, Loading, TableScroll } from '../../ui/Status';
import { fetchRegions, type Region, type RegionLevelFilter } from './reference.api';

const PAGE = 50;
const LEVELS: RegionLevelFilter[] = ['provinsi', 'kabkota', 'kecamatan', 'desa'];

/**
 * The official Kemendagri region list: search by name or code, or walk down from a province to
 * its kabupaten/kota, kecamatan and desa. Kecamatan and desa are loaded by the server on demand.
 */
export const RegionsPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState<string | undefined>();
  const [level, setLevel] = useState<RegionLevelFilter | ''>('');
  const [trail, setTrail] = useState<Region[]>([]);
  const [offset, setOffset] = useState(0);
  const parent = trail.at(-1);
  const query = parent
    ? { parent: parent.code, limit: PAGE, offset }
    : { q, level: level || (q ? undefined : ('provinsi' as const)), limit: PAGE, offset };
  const regions = useQuery({ queryKey: ['regions', query], queryFn: () => fetchRegions(query), placeholderData: keepPreviousData });

  const search = (e: FormEvent) => {
    e.preventDefault();
    setQ(draft.trim() || undefined);
    setTrail([]);
    setOffset(0);
  };
  const openChildren = (region: Region) => {
    setTrail((list) => [...list, region]);
    setOffset(0);
  };
  const goTo = (depth: number) => {
    setTrail((list) => list.slice(0, depth));
    setOffset(0);
  };

  return (
    <>
      <PageTitle title={t('regions.title')}>{t('regions.title')}</PageTitle>
      <p className="lead">{t('regions.lead')}</p>
      <form className="filters" onSubmit={search} role="search">
        <TextField label={t('regions.search')} hint={t('regions.searchHint')} type="search" value={draft} maxLength={100} onChange={(e) => setDraft(e.target.value)} />
        <SelectField
          label={t('regions.level')}
          value={level}
          onChange={(e) => {
            setLevel(e.target.value as RegionLevelFilter | '');
            setTrail([]);
            setOffset(0);
          }}
        >
          <option value="">{t('regions.levelAny')}</option>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`regions.levels.${l}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button">
          {t('common.search')}
        </button>
      </form>

      {trail.length > 0 ? (
        <nav className="trail" aria-label={t('regions.trail')}>
          <button type="button" className="link-button" onClick={() => goTo(0)}>
            {t('regions.allResults')}
          </button>
          {trail.map((r, i) => (
            <span key={r.code}>
              <span aria-hidden="true"> › </span>
              {i === trail.length - 1 ? (
                <strong aria-current="location">{r.name}</strong>
              ) : (
                <button type="button" className="link-button" onClick={() => goTo(i + 1)}>
                  {r.name}
                </button>
              )}
            </span>
          ))}
        </nav>
      ) : null}

      {regions.isPending ? <Loading /> : null}
      {regions.isError ? <ErrorNotice error={regions.error} /> : null}
      {regions.data ? (
        regions.data.items.length === 0 ? (
          <Empty>{t('regions.empty')}</Empty>
        ) : (
          <>
            <p className="result-count" aria-live="polite">
              {t('common.resultCount', { count: regions.data.total, formatted: formatNumber(regions.data.total, lang) })}
            </p>
            <TableScroll label={t('regions.title')}>
              <thead>
                <tr>
                  <th scope="col">{t('regions.code')}</th>
                  <th scope="col">{t('regions.name')}</th>
                  <th scope="col">{t('regions.levelColumn')}</th>
                  <th scope="col">{t('regions.validity')}</th>
                  <th scope="col">{t('regions.decree')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {regions.data.items.map((r) => (
                  <tr key={r.code}>
                    <td className="code">{r.code}</td>
                    <td>{r.name}</td>
                    <td>{t(`regions.levelNames.${r.level}`)}</td>
                    <td>{r.validTo ? t('regions.validRange', { from: formatDate(r.validFrom, lang), to: formatDate(r.validTo, lang) }) : t('regions.validSince', { from: formatDate(r.validFrom, lang) })}</td>
                    <td>{r.sourceDecree}</td>
                    <td>
                      {r.level !== 'DESA' ? (
                        <button type="button" className="button button-small" onClick={() => openChildren(r)}>
                          {t('regions.children')}
                          <span className="visually-hidden"> {r.name}</span>
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </TableScroll>
            <Pager total={regions.data.total} offset={offset} pageSize={PAGE} onChange={setOffset} />
          </>
        )
      ) : null}
    </>
  );
};
