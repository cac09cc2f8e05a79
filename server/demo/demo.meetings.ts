import { sql } from 'drizzle-orm';
import { createMeeting, createMeetingAction, finaliseMinutes, getMeeting, inviteToMeeting, recordAttendance, recordDecisions, recordMinutes } from '../modules/meetings/index.js';
import { demoActor, type DemoSeedDeps } from './demo.actors.js';

const WIT = '+09:00';

/**
 * Meetings for the demo (issue 5, item 7), in Kabupaten Jayawijaya through the meetings use cases:
 * a forum with a (fictional) partner held three weeks ago, with attendance, minutes, decisions and
 * two open follow-up actions (one overdue), and a rakor OPD on the RSUD Wamena cooperation in ten
 * days, invitations sent. Returns how many meetings it wrote.
 */
export const seedDemoMeetings = async ({ tx, clock, orgs, users }: DemoSeedDeps): Promise<number> => {
  const secretariat = users.get('sekretariat.jayawijaya');
  if (!secretariat) return 0;
  const deps = { db: tx, clock, lang: 'id' as const, publicUrl: 'http://localhost', mailFrom: 'Jejaring <noreply@jejaring.invalid>', ...demoActor(secretariat, orgs) };
  const wit = new Date(clock.now().getTime() + 9 * 3600_000);
  const day = (offset: number) => new Date(wit.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const at = (offset: number, time: string) => `${day(offset)}T${time}:00${WIT}`;
  const rsud = (
    (await tx.execute(sql`SELECT id FROM cooperation WHERE title ILIKE '%RSUD Wamena%' ORDER BY created_at LIMIT 1`)) as unknown as { rows: { id: string }[] }
  ).rows[0]?.id;

  const forum = await createMeeting(deps, {
    type: 'FORUM_MITRA',
    title: 'Forum KSD Pengelolaan Air Bersih Lembah Baliem',
    startsAt: at(-21, '09:00'),
    endsAt: at(-21, '12:00'),
    mode: 'HYBRID',
    place: 'Aula Kantor Bupati Jayawijaya, Wamena',
    onlineUrl: 'https://vicon.example.invalid/forum-air-bersih',
    agenda: [
      { title: 'Pembukaan oleh Sekretaris Daerah', notes: null },
      { title: 'Paparan potensi sumber air baku Lembah Baliem', notes: 'Dinas PUPR' },
      { title: 'Tanggapan calon mitra', notes: 'CV Tirta Baliem (fiktif)' },
      { title: 'Kesepakatan langkah berikutnya', notes: null },
    ],
    cooperationId: null,
    mappingCycleId: null,
  });
  await inviteToMeeting(deps, forum.id, {
    userIds: [secretariat.id],
    guests: [
      { name: 'Markus Lokobal (fiktif)', email: 'markus.lokobal@tirtabaliem.example.invalid', organisation: 'CV Tirta Baliem (fiktif)' },
      { name: 'Elisabeth Itlay (fiktif)', email: 'elisabeth.itlay@ngo-baliem.example.invalid', organisation: 'Yayasan Air Bersih Baliem (fiktif)' },
    ],
  });
  const invited = await getMeeting({ db: tx, actor: deps.actor, id: forum.id });
  await recordAttendance(deps, forum.id, {
    marks: invited.invitees.map((i) => ({ inviteeId: i.id, attendance: i.name.startsWith('Elisabeth') ? ('EXCUSED' as const) : ('PRESENT' as const) })),
    walkIns: [{ name: 'Kepala Distrik Wamena Kota (fiktif)', organisation: 'Distrik Wamena Kota' }],
  });
  await recordMinutes(
    deps,
    forum.id,
    'Forum dibuka oleh Sekretaris Daerah. Dinas PUPR memaparkan tiga sumber air baku di Lembah Baliem dan kebutuhan sambungan rumah di Distrik Wamena Kota. CV Tirta Baliem (fiktif) berminat pada skema kerja sama pengelolaan instalasi pengolahan air dan meminta data debit. Peserta sepakat menyusun KAK dan meninjau lokasi bersama.',
  );
  await recordDecisions(deps, forum.id, ['Bagian Kerja Sama menyusun KAK kerja sama pengelolaan air bersih.', 'Tinjauan lapangan bersama ke sumber air baku dilaksanakan bulan depan.']);
  await createMeetingAction(deps, forum.id, { title: 'Kirim data debit sumber air baku ke calon mitra', ownerId: secretariat.id, dueDate: day(-3) });
  await createMeetingAction(deps, forum.id, { title: 'Susun KAK kerja sama pengelolaan air bersih', ownerId: secretariat.id, dueDate: day(10) });
  await finaliseMinutes(deps, forum.id);

  const rakor = await createMeeting(deps, {
    type: 'RAKOR_OPD',
    title: 'Rakor OPD: pelaksanaan rujukan RSUD Wamena',
    startsAt: at(10, '10:00'),
    endsAt: at(10, '12:00'),
    mode: 'LURING',
    place: 'Ruang Rapat Sekretariat Daerah, Wamena',
    onlineUrl: null,
    agenda: [
      { title: 'Laporan pelaksanaan rujukan triwulan lalu', notes: 'RSUD Wamena' },
      { title: 'Kendala pembiayaan dan transportasi pasien', notes: null },
    ],
    cooperationId: rsud ?? null,
    mappingCycleId: null,
  });
  await inviteToMeeting(deps, rakor.id, { userIds: [secretariat.id], guests: [{ name: 'Direktur RSUD Wamena (fiktif)', email: 'direktur@rsud-wamena.example.invalid', organisation: 'RSUD Wamena' }] });

  return 2;
};
