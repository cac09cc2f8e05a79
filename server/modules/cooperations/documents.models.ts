import { diffLines, diffWordsWithSpace, type ChangeObject } from 'diff';
import { BLANK, type RenderableDocument } from '../../platform/render/document.js';
import { rupiah } from '../../platform/i18n/i18n.js';
import type { Clause, DocumentType } from './rulepack.models.js';

/**
 * Pure rules of cooperation documents: Indonesian formatting of dates and Rupiah, filling a
 * template's {{placeholders}} from the cooperation, the layout each document type follows, the
 * plain text of a draft and the word-level comparison of two versions.
 */

export const DOCUMENT_STATUSES = ['DRAFT', 'FINAL', 'SIGNED'] as const;
export const SIGNING_METHODS = ['DESK_TO_DESK', 'CEREMONIAL', 'HYBRID'] as const;
export const SIGNATURE_KINDS = ['WET', 'TTE_BSRE', 'OTHER'] as const;
/** What a secretariat checks on a wet-signed copy: initials on every page, duty stamp, seal. */
export const WET_CHECKS = ['paraf', 'materai', 'stempel'] as const;

/** The types a template can generate (the rest are letters and decisions received from others). */
export const TEMPLATE_TYPES = [
  'KSB',
  'NK',
  'PKS',
  'MOU',
  'LOI',
  'ADENDUM',
  'RENCANA_KERJA',
  'SURAT_PENAWARAN',
  'SURAT_PERMOHONAN_DPRD',
  'BERITA_ACARA',
  'SURAT_KUASA',
  'SURAT_PENGAKHIRAN',
] as const satisfies readonly DocumentType[];
export type TemplateType = (typeof TEMPLATE_TYPES)[number];

type Layout = 'AGREEMENT' | 'LETTER' | 'MINUTES';

/** How each generated type is laid out: agreements and minutes name every party and are signed by all; letters come from one party. */
export const TYPE_PROFILES: Record<TemplateType, { title: string; layout: Layout }> = {
  KSB: { title: 'KESEPAKATAN BERSAMA', layout: 'AGREEMENT' },
  NK: { title: 'NOTA KESEPAKATAN', layout: 'AGREEMENT' },
  PKS: { title: 'PERJANJIAN KERJA SAMA', layout: 'AGREEMENT' },
  MOU: { title: 'MEMORANDUM SALING PENGERTIAN (MEMORANDUM OF UNDERSTANDING)', layout: 'AGREEMENT' },
  LOI: { title: 'PERNYATAAN KEHENDAK (LETTER OF INTENT)', layout: 'AGREEMENT' },
  ADENDUM: { title: 'ADENDUM', layout: 'AGREEMENT' },
  RENCANA_KERJA: { title: 'RENCANA KERJA', layout: 'AGREEMENT' },
  SURAT_PENAWARAN: { title: 'SURAT PENAWARAN KERJA SAMA', layout: 'LETTER' },
  SURAT_PERMOHONAN_DPRD: { title: 'SURAT PERMOHONAN PERSETUJUAN DPRD', layout: 'LETTER' },
  BERITA_ACARA: { title: 'BERITA ACARA', layout: 'MINUTES' },
  SURAT_KUASA: { title: 'SURAT KUASA', layout: 'LETTER' },
  SURAT_PENGAKHIRAN: { title: 'SURAT PEMBERITAHUAN PENGAKHIRAN KERJA SAMA', layout: 'LETTER' },
};

export const isTemplateType = (t: string): t is TemplateType => (TEMPLATE_TYPES as readonly string[]).includes(t);

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** "2025-04-25" → "25 April 2025", the form official Indonesian documents use. */
export const formatDateId = (isoDay: string): string => {
  const [y, m, d] = isoDay.split('-').map(Number);

  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
};

/** A decimal amount as "Rp1.500.000,00" (one formatter for the whole product). */
export const formatRupiah = rupiah;

const UNITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'];

/** A number in words (0–999), as written in brackets after figures in legal text: "5 (lima)". */
export const terbilang = (n: number): string => {
  if (n < 12) return UNITS[n]!;
  if (n < 20) return `${UNITS[n - 10]} belas`;
  if (n < 100) return `${UNITS[Math.floor(n / 10)]} puluh${n % 10 ? ` ${UNITS[n % 10]}` : ''}`;
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;

  return `${hundreds === 1 ? 'seratus' : `${UNITS[hundreds]} ratus`}${rest ? ` ${terbilang(rest)}` : ''}`;
};

const ORDINALS = ['KESATU', 'KEDUA', 'KETIGA', 'KEEMPAT', 'KELIMA', 'KEENAM', 'KETUJUH', 'KEDELAPAN', 'KESEMBILAN', 'KESEPULUH'];
export const partyLabel = (index: number) => `PIHAK ${ORDINALS[index] ?? `KE-${index + 1}`}`;

/** The term between two dates in words: whole years when it is whole years, else months, else days. */
export const describeTerm = (start: string, end: string): string => {
  const s = new Date(`${start}T00:00:00Z`);
  const e = new Date(`${end}T00:00:00Z`);
  e.setUTCDate(e.getUTCDate() + 1);
  const months = (e.getUTCFullYear() - s.getUTCFullYear()) * 12 + (e.getUTCMonth() - s.getUTCMonth());
  const sameDay = e.getUTCDate() === s.getUTCDate();
  if (sameDay && months > 0 && months % 12 === 0) return `${months / 12} (${terbilang(months / 12)}) tahun`;
  if (sameDay && months > 0) return `${months} (${terbilang(months)}) bulan`;
  const days = Math.round((e.getTime() - s.getTime()) / 86_400_000);

  return `${days} (${terbilang(Math.min(days, 999))}) hari`;
};

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const lettered = (items: readonly string[]) => items.map((item, i) => `${LETTERS[i] ?? i + 1}. ${item}`).join('\n');

export type DraftParty = { orgId: string; name: string; signatoryName: string | null; signatoryPosition: string | null };

/** What a draft is filled from: the cooperation as it stands, read once when the draft is generated. */
export type DraftFacts = {
  code: string;
  title: string;
  objek: string;
  ruangLingkup: readonly string[];
  startDate: string | null;
  endDate: string | null;
  urusan: readonly string[];
  parties: readonly DraftParty[];
  funding: readonly { source: string; year: number; amount: string; budgeted: boolean; partyName: string | null }[];
  regulationRefs: readonly string[];
  /** The party that sends a letter (the actor's), or null to use the first party. */
  senderOrgId: string | null;
  place: string | null;
  /** Today (WIB), "YYYY-MM-DD". */
  today: string;
};

const FUNDING_SOURCES: Record<string, string> = { APBD: 'APBD', APBN: 'APBN', MITRA: 'dana mitra', HIBAH: 'hibah', LAINNYA: 'sumber lain yang sah dan tidak mengikat' };

/** Every {{placeholder}} a template may use, with its value for this cooperation (blanks print as dots). */
export const placeholderValues = (f: DraftFacts): Record<string, string> => {
  const sender = f.parties.find((p) => p.orgId === f.senderOrgId) ?? f.parties[0];
  const receivers = f.parties.filter((p) => p !== sender);
  const pihak = f.parties
    .map(
      (p, i) =>
        `${i + 1}. ${p.signatoryName ?? BLANK}, ${p.signatoryPosition ?? BLANK}, dalam hal ini bertindak untuk dan atas nama ${p.name}, selanjutnya disebut ${partyLabel(i)};`,
    )
    .join('\n');
  const pembiayaan = f.funding.length
    ? lettered(
        f.funding.map(
          (l) =>
            `${FUNDING_SOURCES[l.source] ?? l.source} Tahun Anggaran ${l.year}${l.partyName ? ` (${l.partyName})` : ''} sebesar ${formatRupiah(l.amount)}${l.budgeted ? '' : ' (belum dianggarkan)'}`,
        ),
      )
    : `${BLANK} (sumber dan besaran pembiayaan belum ditetapkan)`;

  return {
    judul: f.title,
    kode: f.code,
    objek: f.objek.trim() || BLANK,
    ruangLingkup: f.ruangLingkup.length ? lettered(f.ruangLingkup) : BLANK,
    pihak,
    pihakKesatu: f.parties[0]?.name ?? BLANK,
    pihakKedua: f.parties[1]?.name ?? BLANK,
    pengirim: sender?.name ?? BLANK,
    penandatangan: sender?.signatoryName ?? BLANK,
    jabatanPenandatangan: sender?.signatoryPosition ?? BLANK,
    penerima: receivers.map((p) => p.name).join(', ') || BLANK,
    jangkaWaktu: f.startDate && f.endDate ? describeTerm(f.startDate, f.endDate) : BLANK,
    tanggalMulai: f.startDate ? formatDateId(f.startDate) : BLANK,
    tanggalBerakhir: f.endDate ? formatDateId(f.endDate) : BLANK,
    pembiayaan,
    urusan: f.urusan.length ? f.urusan.join('; ') : BLANK,
    dasarHukum: f.regulationRefs.length ? f.regulationRefs.map((r, i) => `${i + 1}. ${r};`).join('\n') : BLANK,
    tempat: f.place?.trim() || BLANK,
    tanggal: formatDateId(f.today),
    tahun: f.today.slice(0, 4),
  };
};

/**
 * Replaces {{name}} with its value. Unknown names stay as written, so a typo in a pemda's template
 * is visible in the draft instead of silently disappearing. Nothing is escaped: the output goes
 * to DOCX and PDF, never into HTML.
 */
export const fillPlaceholders = (text: string, values: Record<string, string>): string =>
  text.replace(/\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);

export type DraftSection = { clause: Clause | null; heading: string; text: string };
export type Signatory = { orgId: string | null; label: string; organization: string; name: string; position: string };

/** The structured body of a generated or edited draft, stored as the document's body. */
export type StructuredBody = {
  titleLines: string[];
  sections: DraftSection[];
  signingNote: string;
  signatories: Signatory[];
  template: { id: string; version: number } | null;
};

/** A draft of `type` from a template's sections, filled with the cooperation's facts. */
export const buildDraft = (type: TemplateType, template: { id: string; version: number; sections: readonly DraftSection[] }, f: DraftFacts): StructuredBody => {
  const values = placeholderValues(f);
  const profile = TYPE_PROFILES[type];
  const upper = (s: string) => s.toLocaleUpperCase('id-ID');
  const sender = f.parties.find((p) => p.orgId === f.senderOrgId) ?? f.parties[0];
  const named = profile.layout === 'LETTER' ? (sender ? [sender] : []) : f.parties;
  const titleLines =
    profile.layout === 'LETTER'
      ? [upper(sender?.name ?? BLANK), profile.title]
      : [profile.title, ...named.flatMap((p, i) => (i === 0 ? ['ANTARA', upper(p.name)] : ['DAN', upper(p.name)])), 'TENTANG', upper(f.title)];
  const signatories = named.map((p) => ({
    orgId: p.orgId,
    label: profile.layout === 'LETTER' ? (type === 'SURAT_KUASA' ? 'PEMBERI KUASA' : '') : partyLabel(f.parties.indexOf(p)),
    organization: p.name,
    name: p.signatoryName ?? '',
    position: p.signatoryPosition ?? BLANK,
  }));

  return {
    titleLines,
    sections: template.sections.map((s) => ({ clause: s.clause, heading: fillPlaceholders(s.heading, values), text: fillPlaceholders(s.text, values) })),
    signingNote: `${values.tempat}, ${profile.layout === 'LETTER' ? values.tanggal : BLANK}`,
    signatories,
    template: { id: template.id, version: template.version },
  };
};

/** The plain text of a structured body: what search indexes and what two versions are compared on. */
export const bodyText = (b: Pick<StructuredBody, 'titleLines' | 'sections'>): string =>
  [b.titleLines.join('\n'), ...b.sections.map((s) => [s.heading, s.text].filter((x) => x.trim()).join('\n'))].filter((x) => x.trim()).join('\n\n');

/** What the renderers draw for a body, with each party's own register number and a mark on drafts. */
export const renderableOf = (
  b: StructuredBody,
  meta: { title: string; status: string; version: number; numbers: readonly { orgId: string; number: string | null }[] },
): RenderableDocument => ({
  titleLines: b.titleLines,
  numbers: b.signatories.map((s) => ({ label: s.label ? `Nomor ${s.label}` : 'Nomor', number: meta.numbers.find((n) => n.orgId === s.orgId)?.number ?? null })),
  sections: b.sections.map((s) => ({ heading: s.heading, text: s.text })),
  signingNote: b.signingNote,
  signatures: b.signatories.map((s) => ({ label: s.label, organization: s.organization, name: s.name, position: s.position })),
  marking: meta.status === 'SIGNED' ? undefined : `${meta.status === 'DRAFT' ? 'RANCANGAN' : 'FINAL (belum ditandatangani)'} – versi ${meta.version}`,
  metadata: { title: meta.title, author: 'Jejaring – Kerja Sama Daerah' },
});

export type DiffSegment = { op: 'equal' | 'insert' | 'delete'; text: string };

/** Word-level comparison is quadratic in the worst case; past this many edits, lines are compared instead. */
const MAX_WORD_EDITS = 4000;

/**
 * The changes from one version's text to another's as equal/insert/delete segments. Words keep
 * their spacing and line breaks so a side-by-side view can be rebuilt from the segments alone.
 */
export const diffTexts = (from: string, to: string): { segments: DiffSegment[]; granularity: 'word' | 'line' } => {
  const toSegments = (changes: ChangeObject<string>[]): DiffSegment[] =>
    changes.filter((c) => c.value.length > 0).map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }));
  const words = diffWordsWithSpace(from, to, { maxEditLength: MAX_WORD_EDITS });
  if (words) return { segments: toSegments(words), granularity: 'word' };

  return { segments: toSegments(diffLines(from, to)), granularity: 'line' };
};
