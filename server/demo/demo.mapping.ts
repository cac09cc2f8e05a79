import { advanceCycle, createCycle, returnAnswer, acceptAnswer, saveAnswer, updateCycle, type MappingAnswers } from '../modules/mapping/index.js';
import { demoActor, type DemoSeedDeps } from './demo.actors.js';

const day = (wib: Date, offset: number) => new Date(wib.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

const item = (judul: string, uraian: string, urusan: string[], lokasi: string[], manfaat: string, biaya: string, calonMitra: string) => ({
  judul,
  uraian,
  urusan,
  lokasi,
  manfaat,
  perkiraan_biaya: biaya,
  calon_mitra: calonMitra,
});

/** What each Jayawijaya OPD tells the TKKSD (fictional, but the kind of thing a highland kabupaten maps). */
const ANSWERS: Record<string, MappingAnswers> = {
  dinkes: {
    kebutuhan: [item('Dokter spesialis anak dan kandungan', 'RSUD Wamena melayani rujukan dari kabupaten sekitar tanpa dokter spesialis tetap.', ['1.02'], ['95.01'], 'Rujukan ke Jayapura berkurang', '2400000000.00', 'Fakultas kedokteran dan RSUD provinsi')],
    kesiapan: { prioritas_opd: 'tinggi', pengalaman: 2 },
  },
  pupr: {
    permasalahan: [item('Jalan penghubung Wamena–Tiom rusak', 'Ruas lintas kabupaten putus saat musim hujan; pemeliharaan tidak jelas pembagiannya.', ['1.03'], ['95.01'], 'Distribusi bahan pokok lancar', '15000000000.00', 'Kabupaten Lanny Jaya, Pemprov Papua Pegunungan')],
    kesiapan: { prioritas_opd: 'tinggi', pengalaman: 1 },
  },
  bappeda: {
    potensi: [item('Kopi arabika Baliem', 'Kebun rakyat di lembah Baliem dengan produksi yang belum terhubung ke pembeli tetap.', ['3.27', '3.30'], ['95.01'], 'Harga jual petani naik', '750000000.00', 'Koperasi dan pembeli kopi spesialti')],
    kesiapan: { prioritas_opd: 'sedang' },
  },
  bpkad: { kesiapan: { prioritas_opd: 'rendah' } },
};

/**
 * Jayawijaya's mapping cycle of the current year (issue 5), through the mapping use cases: in
 * Proses Pemetaan with four OPDs — Dinkes accepted, PUPR submitted, Bappeda returned with a
 * comment and reopened for a week, BPKAD late with a draft (the cycle's deadline passed three days
 * ago). Returns whether it was seeded.
 */
export const seedDemoMapping = async ({ tx, clock, orgs, users }: DemoSeedDeps): Promise<boolean> => {
  const secretariat = users.get('sekretariat.jayawijaya');
  const tenant = orgs.get('jayawijaya');
  const liaisons = { dinkes: 'ppksd.dinkes.jayawijaya', pupr: 'ppksd.pupr.jayawijaya', bappeda: 'ppksd.bappeda.jayawijaya', bpkad: 'kepala.bpkad.jayawijaya' } as const;
  if (!secretariat || !tenant) return false;
  const common = { db: tx, clock, lang: 'id' as const, publicUrl: 'http://localhost' };
  const asSecretariat = { ...common, ...demoActor(secretariat, orgs) };
  const wib = new Date(clock.now().getTime() + 7 * 3600_000);
  const year = wib.getUTCFullYear();
  let cycle = await createCycle({ ...asSecretariat, input: { year, startDate: day(wib, -50) } });
  const orgIdOf = (key: keyof typeof liaisons) => orgs.get(`jayawijaya.${key}`)!.id;
  cycle = await updateCycle({ ...asSecretariat, id: cycle.id, input: { expectedVersion: cycle.rowVersion, participantOrgIds: Object.keys(liaisons).map((k) => orgIdOf(k as keyof typeof liaisons)) } });
  cycle = await advanceCycle({ ...asSecretariat, id: cycle.id, input: { action: 'start_mapping', expectedVersion: cycle.rowVersion } });
  const answer = async (key: keyof typeof liaisons, submit: boolean) => {
    const user = users.get(liaisons[key]);
    if (!user) throw new Error(`demo liaison ${liaisons[key]} missing`);

    return saveAnswer({ ...common, ...demoActor(user, orgs), cycleId: cycle.id, orgId: orgIdOf(key), input: { answers: ANSWERS[key]!, submit, expectedVersion: 0 } });
  };
  const dinkes = await answer('dinkes', true);
  await acceptAnswer({ ...asSecretariat, cycleId: cycle.id, orgId: dinkes.orgId, input: { expectedVersion: dinkes.rowVersion } });
  await answer('pupr', true);
  await answer('bpkad', false);
  const bappeda = await answer('bappeda', true);
  // The deadline passes, then the TKKSD returns Bappeda's answer and gives it a week.
  cycle = await updateCycle({ ...asSecretariat, id: cycle.id, input: { expectedVersion: cycle.rowVersion, answerDeadline: day(wib, -3) } });
  await returnAnswer({
    ...asSecretariat,
    cycleId: cycle.id,
    orgId: bappeda.orgId,
    input: { expectedVersion: bappeda.rowVersion, comment: 'Mohon lengkapi lokasi sentra kopi per distrik dan calon pembeli yang sudah dihubungi.', deadline: day(wib, 7) },
  });

  return true;
};
