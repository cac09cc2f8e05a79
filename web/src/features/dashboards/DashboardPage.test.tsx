import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockFetch } from '../../test/fetch';
import { buildMe, renderWithSession } from '../../test/render';
import { DashboardPage } from './DashboardPage';
import type { Dashboard } from './dashboards.api';

// jsdom draws nothing: the chart module is replaced by a list of its bars and a fixed SVG.
vi.mock('./BarChart', () => ({
  default: ({ description, labels, values, onReady }: { description: string; labels: string[]; values: number[]; onReady?: (h: unknown) => void }) => {
    onReady?.({ svg: () => '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>', size: () => ({ width: 10, height: 10 }) });

    return (
      <ul role="img" aria-label={description} data-testid="chart">
        {labels.map((l, i) => (
          <li key={l}>{`${l}=${values[i]}`}</li>
        ))}
      </ul>
    );
  },
}));

const x1 = '11111111-1111-4111-8111-111111111111';
const x5 = '55555555-5555-4555-8555-555555555555';

const dashboard = (over: Partial<Dashboard> = {}): Dashboard => ({
  scope: { level: 'nation', region: null, name: null },
  choices: { nation: true, provinces: [{ code: '63', name: 'KALIMANTAN SELATAN' }, { code: '95', name: 'PAPUA PEGUNUNGAN' }], pemda: [] },
  today: '2026-03-02',
  expiringWithinDays: 90,
  figures: { total: 1234, inForce: 3, inProcess: 1, ended: 1, dormant: 1, expiring: 2, meanProgress: 43.3, budget: '9500000.25', realisation: '7250000.50', indicators: 4, indicatorsAchieved: 2 },
  byUrusan: [
    { key: '2.11', name: 'Lingkungan Hidup', count: 4 },
    { key: '1.03', name: 'Pekerjaan Umum; "Penataan" Ruang', count: 2 },
  ],
  byKind: [{ key: 'KSDD', count: 5 }],
  byState: [
    { key: 'BERLAKU', count: 3 },
    { key: 'USULAN', count: 1 },
  ],
  byYear: [
    { key: '2023', count: 1 },
    { key: '2025', count: 3 },
  ],
  expiringSoon: [{ id: x5, code: 'KSD-2024-0001', title: 'Air minum regional', date: '2026-03-15' }],
  longestDormant: [{ id: x5, code: 'KSD-2024-0001', title: 'Air minum regional', date: '2025-08-01' }],
  ...over,
});

/** Captures what a download would save: the Blob and the file name of the clicked link. */
const captureDownloads = () => {
  const saved: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  let n = 0;
  // jsdom has no object URLs; the page only needs one per download.
  Object.defineProperty(URL, 'createObjectURL', {
    configurable: true,
    value: (b: Blob) => {
      const url = `blob:test/${++n}`;
      blobs.set(url, b);

      return url;
    },
  });
  Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => undefined });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: blobs.get(this.getAttribute('href') ?? '')! });
  });

  return saved;
};

const readBlob = (b: Blob) =>
  new Promise<Uint8Array>((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.readAsArrayBuffer(b);
  });

describe('the dashboard page', () => {
  beforeEach(() => {
    vi.useRealTimers();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('shows the key figures in Indonesian number, Rupiah and date formats, and lists linking to the cooperations', async () => {
    mockFetch({ 'GET /api/dashboard': { body: dashboard() } });
    renderWithSession(<DashboardPage />, buildMe({ permissions: ['dashboard.read'] }));
    const figures = await screen.findByRole('region', { name: 'Angka utama' });
    const tile = (label: string) => within(figures).getByText(label).closest('div')!.querySelector('dd')!.textContent;
    expect(tile('Seluruh kerja sama')).toBe('1.234');
    expect(tile('Rata-rata kemajuan')).toMatch(/^43,3%/);
    expect(tile('Realisasi anggaran')).toBe('Rp7.250.000,50dari pagu Rp9.500.000,25 (76,3%)');
    expect(tile('Indikator tercapai')).toMatch(/^2 \/ 4/);
    expect(screen.getByText(/keadaan per 2 Maret 2026/)).toBeTruthy();
    const expiring = screen.getByRole('table', { name: 'Segera berakhir (dalam 90 hari)' });
    expect(within(expiring).getByRole('link', { name: 'Air minum regional' }).getAttribute('href')).toBe(`/kerja-sama/${x5}`);
    expect(within(expiring).getByText('15 Maret 2026')).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Paling lama tidak aktif' })).getByText('1 Agustus 2025')).toBeTruthy();
  });

  it('every chart has a text summary, an accessible table view and a CSV with BOM, semicolons and quoting', async () => {
    mockFetch({ 'GET /api/dashboard': { body: dashboard() } });
    const saved = captureDownloads();
    renderWithSession(<DashboardPage />, buildMe({ permissions: ['dashboard.read'] }));
    const card = await screen.findByRole('region', { name: 'Kerja sama per urusan' });
    expect(within(card).getByText('2 kategori, jumlah 6; terbanyak 2.11 Lingkungan Hidup (4).')).toBeTruthy();
    const chart = await within(card).findByRole('img');
    expect(chart.getAttribute('aria-label')).toContain('2.11 Lingkungan Hidup: 4');
    const toggle = within(card).getByRole('button', { name: 'Tabel' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    const table = within(card).getByRole('table', { name: 'Kerja sama per urusan' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Urusan', 'Jumlah']);
    expect(within(table).getByRole('row', { name: '1.03 Pekerjaan Umum; "Penataan" Ruang 2' })).toBeTruthy();
    expect(within(card).queryByRole('img')).toBeNull();

    fireEvent.click(within(card).getByRole('button', { name: 'Unduh CSV' }));
    expect(saved.map((s) => s.name)).toEqual(['dasbor-nasional-kerja-sama-per-urusan.csv']);
    const bytes = await readBlob(saved[0]!.blob);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('Kode;Urusan;Jumlah\r\n2.11;2.11 Lingkungan Hidup;4\r\n1.03;"1.03 Pekerjaan Umum; ""Penataan"" Ruang";2\r\n');
  });

  it('names states and kinds in words, and the PNG download draws the chart SVG onto a canvas', async () => {
    mockFetch({ 'GET /api/dashboard': { body: dashboard() } });
    const saved = captureDownloads();
    const drawn: string[] = [];
    // jsdom has no canvas or image decoding: record what would be drawn and hand back a PNG blob.
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => ({ fillRect: () => undefined, drawImage: (img: HTMLImageElement) => drawn.push(img.src), fillStyle: '' }) as never);
    vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((cb: BlobCallback, type?: string) => cb(new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: type ?? '' })));
    vi.spyOn(HTMLImageElement.prototype, 'src', 'set').mockImplementation(function (this: HTMLImageElement, v: string) {
      Object.defineProperty(this, 'src', { value: v, configurable: true });
      queueMicrotask(() => this.onload?.(new Event('load')));
    });
    renderWithSession(<DashboardPage />, buildMe({ permissions: ['dashboard.read'] }));
    const states = await screen.findByRole('region', { name: 'Kerja sama per tahap' });
    expect(within(await within(states).findByRole('img')).getByText('Berlaku=3')).toBeTruthy();
    fireEvent.click(within(states).getByRole('button', { name: 'Unduh PNG' }));
    await waitFor(() => expect(saved.map((s) => s.name)).toEqual(['dasbor-nasional-kerja-sama-per-tahap.png']));
    expect(saved[0]!.blob.type).toBe('image/png');
    expect(drawn[0]).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
  });

  it('switches scope through the selector and asks the server for it', async () => {
    const { calls } = mockFetch({
      'GET /api/dashboard': [
        { body: dashboard() },
        { body: dashboard({ scope: { level: 'province', region: '95', name: 'PAPUA PEGUNUNGAN' }, figures: { ...dashboard().figures, total: 3 } }) },
      ],
    });
    renderWithSession(<DashboardPage />, buildMe({ permissions: ['dashboard.read'] }));
    const select = await screen.findByRole('combobox', { name: 'Cakupan' });
    expect((select as HTMLSelectElement).value).toBe('nation');
    fireEvent.change(select, { target: { value: 'province:95' } });
    await screen.findByText('Provinsi PAPUA PEGUNUNGAN');
    const last = new URL(calls.at(-1)!.url);
    expect([last.searchParams.get('scope'), last.searchParams.get('region')]).toEqual(['province', '95']);
  });

  it('has no switcher when there is only one scope, and says so when a chart is empty', async () => {
    mockFetch({
      'GET /api/dashboard': {
        body: dashboard({ scope: { level: 'pemda', region: '63.06', name: 'Pemerintah Kabupaten Hulu Sungai Selatan' }, choices: { nation: false, provinces: [], pemda: [{ code: '63.06', name: 'Pemerintah Kabupaten Hulu Sungai Selatan' }] }, byYear: [] }),
      },
    });
    renderWithSession(<DashboardPage />, buildMe({ permissions: ['dashboard.read'] }));
    await screen.findByText('Pemerintah Kabupaten Hulu Sungai Selatan');
    expect(screen.queryByRole('combobox', { name: 'Cakupan' })).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Kerja sama per tahun' })).getByText('Belum ada data.')).toBeTruthy();
  });
});
