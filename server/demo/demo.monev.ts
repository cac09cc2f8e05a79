import { sql } from 'drizzle-orm';
import { createActivity, createMilestone, createObligation, getWorkPlan } from '../modules/monev/index.js';
import { demoActor, type DemoSeedDeps } from './demo.actors.js';

const DAY = 86_400_000;
const juta = (n: number) => `${n * 1_000_000}.00`;

type InForce = { id: string; start_date: string | null; end_date: string | null; party_tenant_ids: string[] };

/**
 * Gives every demo cooperation in force a work plan, written by a secretariat user of one of its
 * party pemda through the monev use cases: three activities (done, running, planned) with budget
 * and realisation, an obligation per party, and two milestones. The first cooperation's report
 * obligation is left overdue so the flag shows in the demo. Returns how many plans it wrote.
 */
export const seedDemoWorkPlans = async ({ tx, clock, orgs, users }: DemoSeedDeps): Promise<number> => {
  const result = (await tx.execute(
    sql`SELECT id, start_date::text, end_date::text, party_tenant_ids FROM cooperation WHERE state IN ('BERLAKU', 'DIADENDUM') ORDER BY created_at, id`,
  )) as unknown as { rows: InForce[] };
  const today = new Date(clock.now().getTime() + 7 * 3600_000);
  const dayAt = (offset: number) => new Date(today.getTime() + offset * DAY).toISOString().slice(0, 10);
  let written = 0;

  for (const [index, c] of result.rows.entries()) {
    const writer = [...users.values()].find((u) => u.role === 'KSD_SECRETARIAT_ADMIN' && c.party_tenant_ids.includes(orgs.get(u.orgKey)?.tenantId ?? ''));
    if (!writer) continue;
    const deps = { db: tx, clock, lang: 'id' as const, ...demoActor(writer, orgs) };
    // Dates kept inside the term, so a cooperation about to end still gets a valid plan.
    const inTerm = (offset: number) => {
      const d = dayAt(offset);
      if (c.start_date && d < c.start_date) return c.start_date;
      if (c.end_date && d > c.end_date) return c.end_date;

      return d;
    };
    const span = (from: number, to: number) => ({ plannedStart: inTerm(from), plannedEnd: inTerm(to) });
    const plan = await getWorkPlan({ db: tx, clock, actor: deps.actor, cooperationId: c.id });
    const [first, second] = plan.parties;
    if (!first) continue;
    const lead = second ?? first;
    const opdOf = (p: typeof first) => p.opds[0]?.id ?? null;

    const prep = await createActivity({
      ...deps,
      cooperationId: c.id,
      input: {
        name: 'Penyusunan rencana teknis dan pembagian peran',
        description: 'Rapat koordinasi para pihak, penyusunan rencana teknis dan jadwal pelaksanaan.',
        responsibleOrgId: first.id,
        responsibleOpdId: opdOf(first),
        ...span(-240, -150),
        budget: juta(150),
        realisation: '148500000.00',
        outputs: ['Rencana teknis yang disepakati', 'Berita acara rapat koordinasi'],
        status: 'SELESAI',
        progress: 100,
        weight: 1,
      },
    });
    await createActivity({
      ...deps,
      cooperationId: c.id,
      input: {
        name: 'Pelaksanaan kegiatan bersama tahun berjalan',
        description: 'Pelaksanaan kegiatan inti sesuai ruang lingkup kerja sama.',
        responsibleOrgId: lead.id,
        responsibleOpdId: opdOf(lead),
        ...span(-150, 120),
        budget: juta(600),
        realisation: juta(275),
        outputs: ['Layanan bersama berjalan', 'Data capaian per triwulan'],
        status: 'BERJALAN',
        progress: 45,
        weight: 3,
      },
    });
    await createActivity({
      ...deps,
      cooperationId: c.id,
      input: {
        name: 'Evaluasi dan pelaporan pelaksanaan',
        description: 'Monitoring, evaluasi bersama dan laporan kepada kepala daerah.',
        responsibleOrgId: first.id,
        responsibleOpdId: opdOf(first),
        ...span(120, 200),
        budget: juta(120),
        realisation: '0.00',
        outputs: ['Laporan evaluasi tahunan'],
        status: 'DIRENCANAKAN',
        progress: 0,
        weight: 1,
      },
    });
    await createObligation({
      ...deps,
      cooperationId: c.id,
      input: { partyOrgId: first.id, description: 'Menyediakan anggaran dan sarana pendukung sesuai pembagian peran', dueDate: inTerm(-120), status: 'DIPENUHI', note: 'Tertuang dalam DPA tahun berjalan.' },
    });
    await createObligation({
      ...deps,
      cooperationId: c.id,
      input: {
        partyOrgId: lead.id,
        description: 'Menyampaikan laporan pelaksanaan semester kepada para pihak',
        dueDate: dayAt(-20),
        status: index === 0 ? 'BELUM_JATUH_TEMPO' : 'DIPENUHI',
        note: index === 0 ? '' : 'Laporan diterima para pihak.',
      },
    });
    await createMilestone({ ...deps, cooperationId: c.id, input: { activityId: prep.id, name: 'Rencana teknis disepakati para pihak', dueDate: inTerm(-150), status: 'TERCAPAI', note: '' } });
    await createMilestone({ ...deps, cooperationId: c.id, input: { activityId: null, name: 'Laporan semester disampaikan', dueDate: inTerm(60), status: 'TERJADWAL', note: '' } });
    written += 1;
  }

  return written;
};
