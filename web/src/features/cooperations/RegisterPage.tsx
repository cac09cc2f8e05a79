import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { cooperationPath, paths } from '../../app/paths';
import { useLang } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { PageTitle } from '../../ui/PageTitle';
import { Empty, ErrorNotice, Loading, TableScroll } from '../../ui/Status';
import { useCan } from '../auth/session';
import { exportHref, fetchCooperations, filtersFromSearch, searchFromFilters, type RegisterFilters } from './cooperations.api';
import './cooperations.css';
import { RegisterFilterForm } from './RegisterFilterForm';
import { SavedFilters } from './SavedFilters';
import { DormantFlag, OverdueFlag, StateBadge } from './StateBadge';

/**
 * The register of every cooperation the user may see. The filters live in the address, so a
 * filtered view can be bookmarked, shared, saved under a name, or exported as it is.
 */
export const RegisterPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const key = searchFromFilters(filters).toString();
  const list = useInfiniteQuery({
    queryKey: ['cooperations', 'register', key],
    queryFn: ({ pageParam }) => fetchCooperations(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const apply = (next: RegisterFilters) => setSearch(searchFromFilters(next));
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageTitle title={t('cooperations.register.title')}>{t('cooperations.register.title')}</PageTitle>
      <p className="lead">{t('cooperations.register.lead')}</p>
      {can('cooperation.write') ? (
        <div className="button-row coop-top-actions">
          <Link className="button button-primary" to={paths.cooperationNew}>
            {t('cooperations.register.new')}
          </Link>
          <Link className="button" to={paths.cooperationImport}>
            {t('cooperations.register.import')}
          </Link>
        </div>
      ) : null}
      <RegisterFilterForm key={key} initial={filters} onApply={apply} />
      <SavedFilters current={filters} onApply={apply} />
      <p className="coop-exports">
        <span>{t('cooperations.register.export')}:</span>{' '}
        <a href={exportHref(filters, 'xlsx')} download>
          {t('cooperations.register.exportXlsx')}
        </a>{' '}
        <a href={exportHref(filters, 'csv')} download>
          {t('cooperations.register.exportCsv')}
        </a>
      </p>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorNotice error={list.error} /> : null}
      {list.isSuccess && rows.length === 0 ? <Empty>{t('cooperations.register.empty')}</Empty> : null}
      {rows.length > 0 ? (
        <>
          <p className="result-count" aria-live="polite">
            {t('cooperations.register.shown', { formatted: formatNumber(rows.length, lang) })}
          </p>
          <TableScroll label={t('cooperations.register.title')}>
            <thead>
              <tr>
                <th scope="col">{t('cooperations.fields.title')}</th>
                <th scope="col">{t('cooperations.fields.kind')}</th>
                <th scope="col">{t('cooperations.fields.state')}</th>
                <th scope="col">{t('cooperations.fields.parties')}</th>
                <th scope="col">{t('cooperations.fields.endDate')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={cooperationPath(c.id)}>{c.title}</Link>
                    <div className="field-hint code">{c.code}</div>
                    {/* The server HTML-escapes the snippet and adds only <mark> around the matches. */}
                    {c.snippet ? <p className="coop-snippet" dangerouslySetInnerHTML={{ __html: c.snippet }} /> : null}
                  </td>
                  <td>{t(`cooperations.kinds.${c.kind}`)}</td>
                  <td>
                    <StateBadge state={c.state} />
                    {c.overdue ? <OverdueFlag due={c.stateDueAt ? formatDate(c.stateDueAt, lang) : undefined} /> : null}
                    {c.dormant ? <DormantFlag /> : null}
                  </td>
                  <td>{c.partyNames}</td>
                  <td>{c.endDate ? formatDate(c.endDate, lang) : t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </TableScroll>
          {list.hasNextPage ? (
            <p>
              <button type="button" className="button" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {list.isFetchingNextPage ? t('common.loading') : t('cooperations.register.loadMore')}
              </button>
            </p>
          ) : null}
        </>
      ) : null}
    </>
  );
};
