import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch, problem } from '../../../test/fetch';
import { buildMe, renderWithSession } from '../../../test/render';
import type { Publication, PublicationRelease } from './publication.api';
import { PublicationPanel } from './PublicationPanel';

const coopId = '11111111-1111-4111-8111-111111111111';
const pks = '22222222-2222-4222-8222-222222222222';
const base = `/api/cooperations/${coopId}/publication`;

const unpublished: Publication = {
  cooperationId: coopId,
  status: 'UNPUBLISHED',
  visibility: { ruangLingkup: true, funding: false, locations: true, indicators: true, updates: true, progress: true },
  publicDocumentIds: [],
  firstPublishedAt: null,
  updatedAt: null,
  rowVersion: 0,
  publishable: true,
  canPublish: true,
  documents: [{ id: pks, type: 'PKS', title: 'Perjanjian Kerja Sama (ditandatangani)', version: 1, status: 'SIGNED', signedAt: '2026-01-10', mediaType: 'application/pdf', size: 1200, public: false }],
  latestRelease: null,
  publicPath: `/api/public/cooperations/${coopId}`,
};

const published: Publication = {
  ...unpublished,
  status: 'PUBLISHED',
  visibility: { ...unpublished.visibility, funding: true },
  publicDocumentIds: [pks],
  firstPublishedAt: '2026-04-25T03:00:00Z',
  updatedAt: '2026-04-25T03:00:00Z',
  rowVersion: 1,
  latestRelease: { sequence: 2, tag: 'update', date: '2026-04-26T03:00:00Z' },
};

const releases: PublicationRelease[] = [
  { id: '33333333-3333-4333-8333-333333333331', ocid: `ocds-jejaring-${coopId}`, sequence: 1, tag: 'publication', date: '2026-04-25T03:00:00Z', snapshotHash: 'a' },
  { id: '33333333-3333-4333-8333-333333333332', ocid: `ocds-jejaring-${coopId}`, sequence: 2, tag: 'update', date: '2026-04-26T03:00:00Z', snapshotHash: 'b' },
];

describe('the publication panel of a cooperation', () => {
  it('lets the owning secretariat choose the public parts and documents and publish', async () => {
    const { calls } = mockFetch({
      [`GET ${base}`]: [{ body: unpublished }, { body: published }],
      [`GET ${base}/releases`]: [{ body: { items: [] } }, { body: { items: releases } }],
      [`POST ${base}/publish`]: { body: published },
    });
    renderWithSession(<PublicationPanel cooperationId={coopId} />, buildMe());
    const section = await screen.findByRole('region', { name: 'Publikasi' });
    expect(await within(section).findByText('Belum dipublikasikan')).toBeTruthy();
    expect((within(section).getByRole('checkbox', { name: 'Pembiayaan' }) as HTMLInputElement).checked).toBe(false);
    fireEvent.click(within(section).getByRole('checkbox', { name: 'Pembiayaan' }));
    fireEvent.click(within(section).getByRole('checkbox', { name: 'PKS versi 1 — Perjanjian Kerja Sama (ditandatangani)' }));
    fireEvent.click(within(section).getByRole('button', { name: 'Publikasikan' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const body = (await calls.find((c) => c.method === 'POST')!.json()) as { visibility: Record<string, boolean>; publicDocumentIds: string[] };
    expect(body.visibility.funding).toBe(true);
    expect(body.publicDocumentIds).toEqual([pks]);
    expect(await within(section).findByText('Dipublikasikan sejak 25 April 2026')).toBeTruthy();
    const table = await within(section).findByRole('table', { name: 'Rilis kerja sama, terbaru di atas' });
    expect(within(table).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['2' + '26 April 2026 10.00 WIB' + 'Pembaruan', '1' + '25 April 2026 10.00 WIB' + 'Publikasi']);
    expect(within(section).getByRole('link', { name: 'Paket rilis publik (JSON)' }).getAttribute('href')).toBe(`/api/public/cooperations/${coopId}/releases`);
  });

  it('refreshes, saves and withdraws a published cooperation with a reason', async () => {
    const { calls } = mockFetch({
      [`GET ${base}`]: { body: published },
      [`GET ${base}/releases`]: { body: { items: releases } },
      [`POST ${base}/refresh`]: { body: published },
      [`PUT ${base}`]: problem(409, 'portal.stale_version', 'Pengaturan publikasi telah diubah orang lain; muat ulang lalu coba lagi.'),
      [`POST ${base}/withdraw`]: { body: { ...published, status: 'WITHDRAWN' } },
    });
    renderWithSession(<PublicationPanel cooperationId={coopId} />, buildMe());
    const section = await screen.findByRole('region', { name: 'Publikasi' });
    fireEvent.click(await within(section).findByRole('button', { name: 'Perbarui rilis' }));
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/refresh'))).toBe(true));
    fireEvent.click(within(section).getByRole('button', { name: 'Simpan pengaturan' }));
    expect(await within(section).findByText('Pengaturan publikasi telah diubah orang lain; muat ulang lalu coba lagi.')).toBeTruthy();
    expect(((await calls.find((c) => c.method === 'PUT')!.json()) as { rowVersion: number }).rowVersion).toBe(1);
    fireEvent.click(within(section).getByRole('button', { name: 'Tarik dari portal' }));
    const confirm = within(section).getByRole('button', { name: 'Tarik' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(within(section).getByLabelText('Alasan penarikan'), { target: { value: 'Data perlu dikoreksi' } });
    fireEvent.click(confirm);
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/withdraw'))).toBe(true));
    expect(await calls.find((c) => c.url.endsWith('/withdraw'))!.json()).toEqual({ reason: 'Data perlu dikoreksi' });
  });

  it('shows the choices read-only to everyone else, without buttons', async () => {
    mockFetch({ [`GET ${base}`]: { body: { ...published, canPublish: false } }, [`GET ${base}/releases`]: { body: { items: releases } } });
    renderWithSession(<PublicationPanel cooperationId={coopId} />, buildMe());
    const section = await screen.findByRole('region', { name: 'Publikasi' });
    expect(await within(section).findByText('Publikasi dikelola oleh sekretariat kerja sama pemda pemilik kerja sama ini.')).toBeTruthy();
    expect(within(section).queryByRole('button')).toBeNull();
    expect(within(section).getByRole('checkbox', { name: 'Pembiayaan' }).matches(':disabled')).toBe(true);
  });
});
