import { jakartaDay } from '../modules/cooperations/index.js';
import { appointLiaison, createMember, createPeriod } from '../modules/mapping/index.js';
import { demoActor, type DemoSeedDeps } from './demo.actors.js';

type Member = { position: 'KETUA' | 'WAKIL_KETUA' | 'SEKRETARIS' | 'ANGGOTA'; user?: string; name?: string; title: string; org: string };
type Team = { pemda: string; place: string; secretariat: string; members: Member[]; liaisons: { opd: string; user?: string; name?: string; title: string }[] };

/**
 * Each pemda's TKKSD for this year and last year's decree as history, and the liaisons of some of
 * its OPD, entered through the use cases as its secretariat. Some OPD stay below the rule pack's
 * minimum (2) so the warning shows. People without a demo account are invented and say so.
 */
const TEAMS: Team[] = [
  {
    pemda: 'hss',
    place: 'Hulu Sungai Selatan',
    secretariat: 'sekretariat.hss',
    members: [
      { position: 'KETUA', user: 'tkksd.ketua.hss', title: 'Sekretaris Daerah', org: 'hss' },
      { position: 'WAKIL_KETUA', name: 'H. Rusdiansyah, S.Sos. (fiktif)', title: 'Asisten Pemerintahan dan Kesejahteraan Rakyat', org: 'hss.setda' },
      { position: 'SEKRETARIS', user: 'tkksd.sekretaris.hss', title: 'Kepala Bagian Kerja Sama', org: 'hss.kerjasama' },
      { position: 'ANGGOTA', user: 'tkksd.anggota.hss', title: 'Kepala Bidang Perencanaan', org: 'hss.bappeda' },
      { position: 'ANGGOTA', name: 'Hj. Nurul Hidayah, S.E. (fiktif)', title: 'Kepala BPKAD', org: 'hss.bpkad' },
      { position: 'ANGGOTA', name: 'M. Yusuf, S.H. (fiktif)', title: 'Inspektur Pembantu', org: 'hss.inspektorat' },
    ],
    liaisons: [
      { opd: 'hss.pupr', user: 'ppksd.pupr.hss', title: 'Perencana Ahli Muda' },
      { opd: 'hss.pupr', user: 'staf.pupr.hss', title: 'Analis Kerja Sama' },
      { opd: 'hss.dinkes', user: 'ppksd.dinkes.hss', title: 'Pengelola Program' },
      { opd: 'hss.bappeda', name: 'Ahmad Rifani (fiktif)', title: 'Perencana Ahli Pertama' },
      { opd: 'hss.bappeda', name: 'Siti Mariam (fiktif)', title: 'Analis Perencanaan' },
    ],
  },
  {
    pemda: 'jayawijaya',
    place: 'Jayawijaya',
    secretariat: 'sekretariat.jayawijaya',
    members: [
      { position: 'KETUA', name: 'Drs. Yosias Lokobal (fiktif)', title: 'Sekretaris Daerah', org: 'jayawijaya' },
      { position: 'SEKRETARIS', name: 'Maria Elopere, S.IP. (fiktif)', title: 'Kepala Bagian Kerja Sama', org: 'jayawijaya.kerjasama' },
      { position: 'ANGGOTA', name: 'Ir. Daniel Wenda (fiktif)', title: 'Kepala Bappeda', org: 'jayawijaya.bappeda' },
    ],
    liaisons: [
      // The liaisons who answer Jayawijaya's mapping questionnaire (demo.mapping.ts) hold these appointments.
      { opd: 'jayawijaya.dinkes', user: 'ppksd.dinkes.jayawijaya', title: 'Pengelola Program RSUD Wamena' },
      { opd: 'jayawijaya.pupr', user: 'ppksd.pupr.jayawijaya', title: 'Teknik Pengairan' },
      { opd: 'jayawijaya.pupr', name: 'Natalia Hubi (fiktif)', title: 'Analis Kerja Sama' },
      { opd: 'jayawijaya.bappeda', user: 'ppksd.bappeda.jayawijaya', title: 'Perencana Ahli Muda' },
    ],
  },
];

export const seedDemoTkksd = async ({ tx, clock, orgs, users }: DemoSeedDeps) => {
  const year = Number(jakartaDay(clock.now()).slice(0, 4));
  const org = (key: string) => orgs.get(key)!.id;
  for (const team of TEAMS) {
    const secretariat = users.get(team.secretariat);
    if (!secretariat) throw new Error(`demo TKKSD: no account ${team.secretariat}`);
    const deps = { db: tx, clock, lang: 'id' as const, ...demoActor(secretariat, orgs) };
    const period = (y: number) => ({
      title: `Pembentukan Tim Koordinasi Kerja Sama Daerah Kabupaten ${team.place} Tahun ${y}`,
      decreeNumber: `100.3.3.2/${String(y).slice(2)}/DEMO/${y} (fiktif)`,
      decreeDate: `${y - 1}-12-20`,
      validFrom: `${y}-01-01`,
      validTo: `${y}-12-31`,
    });
    const last = await createPeriod({ ...deps, input: period(year - 1) });
    const current = await createPeriod({ ...deps, input: period(year) });
    for (const [i, m] of team.members.entries()) {
      const person = m.user ? { userId: users.get(m.user)!.id } : { personName: m.name! };
      await createMember({ ...deps, periodId: current.id, input: { position: m.position, ...person, personTitle: m.title, orgId: org(m.org) } });
      // Last year's decree had the same posts; its people are kept as names only.
      if (i < 2) await createMember({ ...deps, periodId: last.id, input: { position: m.position, personName: m.name ?? users.get(m.user!)!.name, personTitle: m.title, orgId: org(m.org) } });
    }
    for (const l of team.liaisons) {
      const person = l.user ? { userId: users.get(l.user)!.id } : { personName: l.name! };
      await appointLiaison({
        ...deps,
        input: { opdId: org(l.opd), ...person, personTitle: l.title, decreeNumber: `800/${String(year).slice(2)}/PPKSD/DEMO (fiktif)`, decreeDate: `${year}-01-02`, validFrom: `${year}-01-02`, validTo: `${year}-12-31` },
      });
    }
  }
};
