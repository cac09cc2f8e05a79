/**
 * Pure helpers of the public pages: no IO, so they are unit-tested without a database.
 */

/** Province ("63") and kabupaten/kota ("63.06") codes: the levels the portal has pages for. */
export const REGION_PAGE_CODE = /^\d{2}(\.\d{2})?$/;

export const isProvinceCode = (code: string) => /^\d{2}$/.test(code);
export const provinceOf = (code: string) => code.slice(0, 2);

/**
 * A search snippet as the read model gives it: HTML-escaped text with <mark> around hits. It is
 * written into the page unescaped, so anything that is not exactly that shape is refused (null)
 * rather than trusted.
 */
export const safeSnippet = (snippet: string | null): string | null => {
  if (!snippet) return null;
  const withoutMarks = snippet.replace(/<\/?mark>/g, '');

  return /[<>]/.test(withoutMarks) || /&(?!(amp|lt|gt|quot|#39|#x27|#34);)/.test(withoutMarks) ? null : snippet;
};

/** A link with query parameters; empty values are left out so filter links stay short and canonical. */
export const hrefWith = (path: string, params: Record<string, string | null | undefined>) => {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) query.set(k, v);
  const text = query.toString();

  return text ? `${path}?${text}` : path;
};

export type Count = { key: string; count: number };

/** An object of counts as rows, the largest first (ties by key, so the order is stable). */
export const countsOf = (counts: Record<string, number>): Count[] =>
  Object.entries(counts)
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

export type Bar = { label: string; count: number; href?: string | undefined; width: number };

/** Bars scaled to the largest count (0–100), at least a sliver for a non-zero count so it stays visible. */
export const scaleBars = (rows: { label: string; count: number; href?: string | undefined }[]): Bar[] => {
  const max = Math.max(1, ...rows.map((r) => r.count));

  return rows.map((r) => ({ ...r, width: r.count === 0 ? 0 : Math.max(1, Math.round((r.count / max) * 100)) }));
};

/** One row of the network page's table: a region pair, its cooperations and their kinds. */
export type NetworkLink = { a: string; b: string; count: number; kinds: Record<string, number> };

/** The percentage shown for an achievement or progress value, kept within a progress bar's 0–100. */
export const percent = (value: number) => Math.max(0, Math.min(100, Math.round(value)));
