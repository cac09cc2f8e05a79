import type { Child } from 'hono/jsx';
import { REGION_PAGE_CODE, scaleBars } from '../pages.models.js';
import type { View } from './view.js';

type BarRow = { label: string; count: number; href?: string | undefined };

/**
 * A bar chart that is text first: each row is a real label and number (read by a screen reader
 * and kept when CSS is off), the bar an SVG rect beside it (sized by attribute, so the CSP's
 * no-inline-style rule holds). The same figures follow in a data table.
 */
export const BarChart = ({ view, id, title, rows }: { view: View; id: string; title: string; rows: BarRow[] }) => {
  const { t } = view;
  if (rows.length === 0) return <section aria-labelledby={id}><h2 id={id}>{title}</h2><p>{t('stats.empty')}</p></section>;

  return (
    <section class="chart" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul class="bars">
        {scaleBars(rows).map((bar) => (
          <li>
            <span class="bar-label">{bar.href ? <a href={bar.href}>{bar.label}</a> : bar.label}</span>
            <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect width={bar.width} height="10" />
            </svg>
            <span class="bar-value">{t.number(bar.count)}</span>
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('stats.table', { title })}</summary>
        <table>
          <thead><tr><th scope="col">{t('stats.category')}</th><th scope="col" class="num">{t('stats.count')}</th></tr></thead>
          <tbody>
            {rows.map((r) => <tr><th scope="row">{r.label}</th><td class="num">{t.number(r.count)}</td></tr>)}
          </tbody>
        </table>
      </details>
    </section>
  );
};

/** A label and its value in a description list; nothing when there is no value. */
export const Fact = ({ term, children, when = true }: { term: string; children?: Child; when?: boolean }) =>
  when ? <div class="fact"><dt>{term}</dt><dd>{children}</dd></div> : null;

/** A period as people write it: "25 April 2025 s.d. 24 April 2030". */
export const period = (view: View, start: string | null, end: string | null) => {
  const { t } = view;
  if (!start && !end) return t('detail.none');

  return `${start ? t.date(start) : '…'} ${t('detail.until')} ${end ? t.date(end) : '…'}`;
};

/** Kind and stage labels with the "tidak aktif" flag. */
export const Badges = ({ view, kind, state, inactive }: { view: View; kind: string; state: string; inactive: boolean }) => (
  <p class="badges">
    <span class="badge">{view.t.label('kinds', kind)}</span>
    <span class="badge badge-state">{view.t.label('states', state)}</span>
    {inactive ? <span class="badge badge-warn">{view.t('detail.inactive')}</span> : null}
  </p>
);

/** A Kemendagri code as a link to its region page when the portal has one, else its name. */
export const RegionLink = ({ view, code, name }: { view: View; code: string; name?: string | null | undefined }) =>
  REGION_PAGE_CODE.test(code) ? <a href={`/wilayah/${code}`}>{name ?? view.regionName(code)}</a> : <span>{name ?? view.regionName(code)}</span>;
