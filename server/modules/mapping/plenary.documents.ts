import fs from 'node:fs';
import path from 'node:path';
import { longDate, rupiah } from '../../platform/i18n/i18n.js';
import { fillPlaceholders } from '../cooperations/index.js';
import { projectRoot } from '../../platform/paths.js';
import { BLANK, type DocumentTable, type RenderableDocument } from '../../platform/render/document.js';
import type { PlenarySnapshot } from './plenary.tables.js';

/**
 * The plenary's two documents as renderable data: the Berita Acara (who attended, the criteria,
 * what was decided) and the draft Keputusan Kepala Daerah adopting the Rencana Program & Kegiatan
 * KSD with the priority list as its lampiran. Wording lives in data/plenary-documents.json (it is
 * drafting practice, not law); this file only places the decision's facts into it.
 */
type Wording = {
  beritaAcara: Record<'opening' | 'attendanceHeading' | 'attendanceText' | 'criteriaHeading' | 'criteriaText' | 'decisionHeading' | 'decisionText' | 'otherDecisionsText' | 'closing' | 'signingNote' | 'ketua' | 'sekretaris', string> & { titleLines: string[] };
  keputusan: Record<'numberLabel' | 'considering' | 'consideringHeading' | 'mindingHeading' | 'decidingHeading' | 'establish' | 'signingNote' | 'attachmentHeading' | 'marking', string> & { titleLines: string[]; articles: string[] };
  columns: Record<'no' | 'name' | 'organisation' | 'attendance' | 'criterion' | 'weight' | 'rank' | 'item' | 'kind' | 'opd' | 'urusan' | 'cost' | 'total', string>;
  attendance: Record<'PRESENT' | 'ABSENT' | 'EXCUSED' | 'NONE' | 'walkIn', string>;
  kinds: Record<string, string>;
};

const WORDING = JSON.parse(fs.readFileSync(path.join(projectRoot, 'server', 'modules', 'mapping', 'data', 'plenary-documents.json'), 'utf8')) as Wording;

export type RegionLevel = 'PROVINSI' | 'KABUPATEN' | 'KOTA';

/** "Kabupaten Jayawijaya" → "Bupati Jayawijaya"; a province's name is bare ("Papua Pegunungan"). */
export const pemdaTitles = (level: RegionLevel, regionName: string) => {
  const bare = regionName.replace(/^(Kabupaten|Kota|Provinsi)\s+/i, '');
  if (level === 'PROVINSI') return { pemda: `Provinsi ${bare}`, head: `Gubernur ${bare}` };
  if (level === 'KOTA') return { pemda: `Kota ${bare}`, head: `Wali Kota ${bare}` };

  return { pemda: `Kabupaten ${bare}`, head: `Bupati ${bare}` };
};

export type DocumentFacts = {
  level: RegionLevel;
  regionName: string;
  year: number;
  snapshot: PlenarySnapshot;
  urusanNames: ReadonlyMap<string, string>;
  regulationRefs: readonly string[];
  signatories: { ketua: { name: string; position: string } | null; sekretaris: { name: string; position: string } | null };
  decree: { number: string | null; date: string | null };
};

/** The wording's {{placeholders}} filled the way naskah templates are (an unknown one stays visible). */
const fill = (text: string, values: Record<string, string | number>) => fillPlaceholders(text, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])));

/** The meeting's day and weekday where it was held (a plenary at 08.00 WIT is still the day before in UTC). */
const meetingDay = (s: PlenarySnapshot['meeting']) => {
  const at = new Date(s.startsAt);
  const part = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('id-ID', { ...o, timeZone: s.timeZone }).format(at);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: s.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

  return { day, weekday: part({ weekday: 'long' }), long: longDate(day, 'id') };
};

const values = (f: DocumentFacts) => {
  const t = pemdaTitles(f.level, f.regionName);
  const m = meetingDay(f.snapshot.meeting);
  const priorities = f.snapshot.items.filter((i) => i.priority);

  return {
    pemda: t.pemda,
    PEMDA: t.pemda.toLocaleUpperCase('id-ID'),
    head: t.head,
    HEAD: t.head.toLocaleUpperCase('id-ID'),
    // The seat of the pemda (its capital) is not in the reference data: left to be written in.
    placeShort: BLANK,
    year: f.year,
    date: m.long,
    weekday: m.weekday,
    plenaryDate: m.long,
    place: f.snapshot.meeting.place ?? BLANK,
    present: f.snapshot.attendance.filter((a) => a.attendance === 'PRESENT').length,
    invited: f.snapshot.attendance.filter((a) => !a.walkIn).length,
    count: priorities.length,
    min: f.snapshot.scoring.scale.min,
    max: f.snapshot.scoring.scale.max,
    number: f.decree.number ?? BLANK,
    decreeDate: f.decree.date ? longDate(f.decree.date, 'id') : BLANK,
  };
};

const score = (n: number) => n.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const urusanOf = (codes: readonly string[], names: ReadonlyMap<string, string>) => codes.map((c) => `${c} ${names.get(c) ?? ''}`.trim()).join('; ');

/** The priority list: rank, item, kind, OPD, urusan, cost estimate and weighted total. */
const priorityTable = (f: DocumentFacts): DocumentTable => {
  const c = WORDING.columns;

  return {
    columns: [
      { label: c.rank, width: 1.7 },
      { label: c.item, width: 3.4 },
      { label: c.kind, width: 1.7 },
      { label: c.opd, width: 2.4 },
      { label: c.urusan, width: 2.2 },
      { label: c.cost, width: 3.3 },
      { label: c.total, width: 1.2 },
    ],
    rows: f.snapshot.items
      .filter((i) => i.priority)
      .map((i) => [String(i.rank), i.title, WORDING.kinds[i.kind] ?? i.kind, i.orgName, urusanOf(i.urusanCodes, f.urusanNames), i.costEstimateIdr ? rupiah(i.costEstimateIdr) : '–', score(i.total)]),
  };
};

const signature = (label: string, pemda: string, person: { name: string; position: string } | null) => ({ label, organization: `TKKSD ${pemda}`, name: person?.name ?? '', position: person?.position ?? '' });

export const beritaAcara = (f: DocumentFacts): RenderableDocument => {
  const w = WORDING.beritaAcara;
  const c = WORDING.columns;
  const v = values(f);
  const attendance: DocumentTable = {
    columns: [
      { label: c.no, width: 0.8 },
      { label: c.name, width: 4 },
      { label: c.organisation, width: 4.5 },
      { label: c.attendance, width: 2 },
    ],
    rows: f.snapshot.attendance.map((a, i) => [
      String(i + 1),
      a.name,
      a.organisation ?? '',
      `${WORDING.attendance[(a.attendance ?? 'NONE') as keyof Wording['attendance']]}${a.walkIn ? ` (${WORDING.attendance.walkIn})` : ''}`,
    ]),
  };
  const criteria: DocumentTable = {
    columns: [
      { label: c.criterion, width: 6 },
      { label: c.weight, width: 2 },
    ],
    rows: f.snapshot.scoring.criteria.map((k) => [k.label.id, String(k.weight)]),
  };
  const others = f.snapshot.decisions.length ? `\n${w.otherDecisionsText}\n${f.snapshot.decisions.map((d, i) => `${String.fromCharCode(97 + (i % 26))}. ${d}`).join('\n')}` : '';

  return {
    titleLines: w.titleLines.map((l) => fill(l, v)),
    numbers: [],
    sections: [
      { heading: '', text: fill(w.opening, v) },
      { heading: w.attendanceHeading, text: fill(w.attendanceText, v), table: attendance },
      { heading: w.criteriaHeading, text: fill(w.criteriaText, v), table: criteria },
      { heading: w.decisionHeading, text: fill(w.decisionText, v), table: priorityTable(f) },
      ...(others ? [{ heading: '', text: others }] : []),
      { heading: '', text: w.closing },
    ],
    signingNote: fill(w.signingNote, v),
    signatures: [signature(w.ketua, v.pemda, f.signatories.ketua), signature(w.sekretaris, v.pemda, f.signatories.sekretaris)],
    metadata: { title: `Berita Acara Rapat Pleno TKKSD ${v.pemda} ${f.year}`, author: `TKKSD ${v.pemda}` },
  };
};

export const draftDecree = (f: DocumentFacts): RenderableDocument => {
  const w = WORDING.keputusan;
  const v = values(f);
  const minding = f.regulationRefs.map((r, i) => `${i + 1}. ${r};`).join('\n');

  return {
    titleLines: w.titleLines.map((l) => fill(l, v)),
    numbers: [{ label: w.numberLabel, number: f.decree.number }],
    sections: [
      { heading: w.consideringHeading, text: fill(w.considering, v) },
      { heading: w.mindingHeading, text: minding || BLANK },
      { heading: w.decidingHeading, text: [fill(w.establish, v), ...w.articles.map((a) => fill(a, v))].join('\n') },
    ],
    signingNote: fill(w.signingNote, v),
    signatures: [{ label: v.HEAD, organization: '', name: '', position: '' }],
    appendix: [{ heading: fill(w.attachmentHeading, v), text: '', table: priorityTable(f) }],
    marking: w.marking,
    metadata: { title: `Rancangan Keputusan ${v.head} tentang Rencana Program dan Kegiatan KSD ${f.year}`, author: `TKKSD ${v.pemda}` },
  };
};
