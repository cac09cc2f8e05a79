import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppProviders, createQueryClient } from '../../app/App';
import { mockFetch } from '../../test/fetch';
import { buildMe } from '../../test/render';
import { SessionProvider } from '../auth/session';
import { filtersFromSaved, filtersFromSearch, searchFromFilters } from './cooperations.api';
import { RegisterPage } from './RegisterPage';

const Address = () => {
  const location = useLocation();

  return <output data-testid="address">{location.search}</output>;
};

const renderRegister = (entry: string) =>
  render(
    <AppProviders client={createQueryClient()}>
      <MemoryRouter initialEntries={[entry]}>
        <SessionProvider me={buildMe({ permissions: ['cooperation.read', 'cooperation.write'] })}>
          <Routes>
            <Route
              path="/kerja-sama"
              element={
                <>
                  <RegisterPage />
                  <Address />
                </>
              }
            />
          </Routes>
        </SessionProvider>
      </MemoryRouter>
    </AppProviders>,
  );

const row = {
  id: '00000000-0000-4000-8000-0000000000c1',
  code: 'KSD-2026-0001',
  kind: 'KSDD',
  ksddCategory: null,
  regime: 'KSD_GENERIC',
  state: 'BERLAKU',
  title: 'Pengelolaan air minum',
  objectCategory: 'PELAYANAN_PUBLIK',
  urusanCodes: [],
  partyNames: 'Kab. HSS; Kab. HST',
  startDate: '2026-04-01',
  endDate: '2031-03-31',
  stateDueAt: null,
  overdue: false,
  dormant: false,
  updatedAt: '2026-03-01T03:05:00Z',
  snippet: 'Kerja sama <mark>air</mark> minum &lt;lintas&gt;',
};

const api = () =>
  mockFetch({
    'GET /api/cooperations': { body: { items: [row], nextCursor: null } },
    'GET /api/saved-filters': { body: { items: [] } },
    'GET /api/urusan': { body: { items: [] } },
    'GET /api/strategic-issues': { body: { items: [] } },
    'GET /api/organizations': { body: { items: [], total: 0 } },
  });

describe('the cooperation register', () => {
  it('writes the chosen filters into the address and asks the API for exactly those', async () => {
    const { calls } = api();
    renderRegister('/kerja-sama?kind=KSDD');
    expect(await screen.findByRole('link', { name: 'Pengelolaan air minum' }, { timeout: 3000 })).toBeTruthy();
    expect((screen.getByLabelText('Jenis kerja sama') as HTMLSelectElement).value).toBe('KSDD');

    fireEvent.change(screen.getByLabelText('Tahap'), { target: { value: 'BERLAKU' } });
    fireEvent.change(screen.getByLabelText('Cari'), { target: { value: 'air' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tampilkan penyaring lain' }));
    fireEvent.change(screen.getByLabelText('Berakhir dalam (hari)'), { target: { value: '90' } });
    fireEvent.click(screen.getByLabelText('Hanya yang lewat tenggat'));
    fireEvent.click(screen.getByRole('button', { name: 'Cari' }));

    await waitFor(() => expect(screen.getByTestId('address').textContent).toBe('?q=air&kind=KSDD&state=BERLAKU&expiringWithinDays=90&overdue=true'));
    await waitFor(() => {
      const last = calls.filter((c) => new URL(c.url).pathname === '/api/cooperations').at(-1)!;
      expect(Object.fromEntries(new URL(last.url).searchParams)).toEqual({ q: 'air', kind: 'KSDD', state: 'BERLAKU', expiringWithinDays: '90', overdue: 'true', limit: '25' });
    });
    expect(screen.getByRole('link', { name: 'Excel (XLSX)' }).getAttribute('href')).toBe('/api/cooperations/export?q=air&kind=KSDD&state=BERLAKU&expiringWithinDays=90&overdue=true&format=xlsx');
  });

  it('flags "Tidak aktif" rows and filters on them', async () => {
    const { calls } = mockFetch({
      'GET /api/cooperations': { body: { items: [{ ...row, dormant: true }, { ...row, id: '00000000-0000-4000-8000-0000000000c2', title: 'Jalan penghubung' }], nextCursor: null } },
      'GET /api/saved-filters': { body: { items: [] } },
      'GET /api/urusan': { body: { items: [] } },
      'GET /api/strategic-issues': { body: { items: [] } },
      'GET /api/organizations': { body: { items: [], total: 0 } },
    });
    renderRegister('/kerja-sama');
    const quiet = (await screen.findByRole('link', { name: 'Pengelolaan air minum' }, { timeout: 3000 })).closest('tr')!;
    expect(quiet.textContent).toContain('Tidak aktif');
    expect(screen.getByRole('link', { name: 'Jalan penghubung' }).closest('tr')!.textContent).not.toContain('Tidak aktif');
    fireEvent.click(screen.getByRole('button', { name: 'Tampilkan penyaring lain' }));
    fireEvent.click(screen.getByLabelText('Hanya yang tidak aktif'));
    fireEvent.click(screen.getByRole('button', { name: 'Cari' }));
    await waitFor(() => expect(screen.getByTestId('address').textContent).toBe('?dormant=true'));
    await waitFor(() => {
      const last = calls.filter((c) => new URL(c.url).pathname === '/api/cooperations').at(-1)!;
      expect(Object.fromEntries(new URL(last.url).searchParams)).toEqual({ dormant: 'true', limit: '25' });
    });
  });

  it('shows the highlighted search snippet as the server escaped it', async () => {
    api();
    renderRegister('/kerja-sama?q=air');
    const link = await screen.findByRole('link', { name: 'Pengelolaan air minum' }, { timeout: 3000 });
    const snippet = link.parentElement!.querySelector('.coop-snippet')!;
    expect(snippet.querySelector('mark')?.textContent).toBe('air');
    expect(snippet.textContent).toBe('Kerja sama air minum <lintas>');
  });

  it('reads, writes and restores filters without unknown or empty keys', () => {
    expect(filtersFromSearch(new URLSearchParams('kind=KSDD&state=&evil=1&year=2026'))).toEqual({ kind: 'KSDD', year: '2026' });
    expect(searchFromFilters({ year: '2026', q: 'air', state: '' }).toString()).toBe('q=air&year=2026');
    expect(filtersFromSaved({ kind: 'KSDPK', expiringWithinDays: 30, other: 'x' })).toEqual({ kind: 'KSDPK', expiringWithinDays: '30' });
  });
});
