import { sql } from 'drizzle-orm';
import { approveUpdate, createUpdate, returnUpdate, reviseUpdate } from '../modules/monev/index.js';
import { demoActor, type DemoSeedDeps } from './demo.actors.js';

type InForce = { id: string; title: string; activities: { id: string; progress: number; realisation: string }[] };

/**
 * Progress updates for the demo (issue 4, item 3), on the HSS cooperations in force, sent by the
 * PUPR liaison and decided by the HSS secretariat through the monev use cases:
 * - the first: an approved update and its approved correction (revision 2 with a reason), so the
 *   history shows a superseded revision;
 * - the second: one approved update and one returned with the secretariat's comment;
 * - the third (or the first when there are fewer): one update waiting in the secretariat's queue.
 * The dormant Papua cooperation (RSUD Wamena) is not an HSS one and is left alone, so it stays
 * "tidak aktif". Returns how many updates it wrote.
 */
export const seedDemoUpdates = async ({ tx, clock, orgs, users }: DemoSeedDeps): Promise<number> => {
  const hss = orgs.get('hss');
  const liaison = users.get('ppksd.pupr.hss');
  const secretariat = users.get('sekretariat.hss');
  if (!hss || !liaison || !secretariat) return 0;
  const common = { db: tx, clock, lang: 'id' as const, publicUrl: 'http://localhost' };
  const asLiaison = { ...common, ...demoActor(liaison, orgs) };
  const asSecretariat = { ...common, ...demoActor(secretariat, orgs) };
  const result = (await tx.execute(
    sql`SELECT c.id, c.title,
          coalesce((SELECT json_agg(json_build_object('id', a.id, 'progress', a.progress, 'realisation', a.realisation::text) ORDER BY a.planned_start, a.created_at)
                    FROM work_plan_activity a WHERE a.cooperation_id = c.id AND a.status <> 'DIBATALKAN'), '[]'::json) AS activities
        FROM cooperation c
        WHERE c.state IN ('BERLAKU', 'DIADENDUM') AND ${hss.id}::uuid = ANY(c.party_tenant_ids) AND c.title NOT ILIKE '%Wamena%'
        ORDER BY c.created_at, c.id LIMIT 3`,
  )) as unknown as { rows: InForce[] };
  const coops = result.rows.filter((c) => c.activities.length >= 2);
  const [first, second, third] = coops;
  if (!first) return 0;
  const wib = new Date(clock.now().getTime() + 7 * 3600_000);
  const daysAgo = (n: number) => new Date(wib.getTime() - n * 86_400_000).toISOString().slice(0, 10);
  const running = (c: InForce) => c.activities[1]!;
  const bump = (a: InForce['activities'][number], by: number) => Math.min(100, a.progress + by);
  const plus = (a: InForce['activities'][number], rupiah: number) => (Number(a.realisation) + rupiah).toFixed(2);
  let written = 0;

  const send = async (c: InForce, input: { asOf: string; narrative: string; progress: number; realisationIdr: string }) => {
    written += 1;

    return createUpdate({
      ...asLiaison,
      cooperationId: c.id,
      input: {
        asOf: input.asOf,
        narrative: input.narrative,
        activityLines: [{ activityId: running(c).id, progress: input.progress, realisationIdr: input.realisationIdr }],
        indicatorLines: [],
        evidenceFileIds: [],
        submit: true,
      },
    });
  };

  const a = running(first);
  const approved = await send(first, {
    asOf: daysAgo(40),
    narrative: 'Pekerjaan fisik berjalan sesuai jadwal; pengadaan material tahap kedua selesai.',
    progress: bump(a, 25),
    realisationIdr: plus(a, 125_000_000),
  });
  await approveUpdate({ ...asSecretariat, cooperationId: first.id, updateId: approved.id, input: { expectedVersion: approved.rowVersion } });
  written += 1;
  const correction = await reviseUpdate({
    ...asLiaison,
    cooperationId: first.id,
    updateId: approved.id,
    input: {
      asOf: daysAgo(40),
      narrative: 'Pekerjaan fisik berjalan sesuai jadwal; pengadaan material tahap kedua selesai.',
      activityLines: [{ activityId: a.id, progress: bump(a, 20), realisationIdr: plus(a, 118_500_000) }],
      indicatorLines: [],
      evidenceFileIds: [],
      submit: true,
      reason: 'Realisasi dikoreksi sesuai SP2D yang terbit; kemajuan fisik disesuaikan dengan berita acara pemeriksaan.',
    },
  });
  await approveUpdate({ ...asSecretariat, cooperationId: first.id, updateId: correction.id, input: { expectedVersion: correction.rowVersion } });

  if (second) {
    const b = running(second);
    const ok = await send(second, { asOf: daysAgo(30), narrative: 'Sosialisasi kepada masyarakat selesai di tiga kecamatan.', progress: bump(b, 15), realisationIdr: plus(b, 40_000_000) });
    await approveUpdate({ ...asSecretariat, cooperationId: second.id, updateId: ok.id, input: { expectedVersion: ok.rowVersion } });
    const late = await send(second, { asOf: daysAgo(5), narrative: 'Survei lanjutan dimulai.', progress: bump(b, 30), realisationIdr: plus(b, 90_000_000) });
    await returnUpdate({
      ...asSecretariat,
      cooperationId: second.id,
      updateId: late.id,
      input: { expectedVersion: late.rowVersion, comment: 'Lampirkan berita acara survei dan rincian realisasi anggaran sebelum dikirim ulang.' },
    });
  }

  const waiting = third ?? second ?? first;
  const w = running(waiting);
  await send(waiting, { asOf: daysAgo(2), narrative: 'Progres pekerjaan minggu ini: pemasangan jaringan distribusi di dua desa.', progress: bump(w, 10), realisationIdr: plus(w, 60_000_000) });

  return written;
};
