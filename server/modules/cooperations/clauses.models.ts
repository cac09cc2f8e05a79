import { CLAUSES, type Clause } from './rulepack.models.js';

/** A generated or edited draft: sections, each tagged with the clause it fulfils. */
export type DraftBody = { sections?: { clause?: string | null; heading?: string; text?: string }[] };

type Signals = {
  /** Matched against article headings ("Pasal 5  JANGKA WAKTU", "Article 7 – Force Majeure"). */
  headings: RegExp[];
  /** Wording so particular to the clause that finding it anywhere in the text is enough. */
  phrases: RegExp[];
};

/**
 * How each clause shows itself in a naskah written elsewhere, in Indonesian and in English (MoU
 * with foreign partners). Headings carry most of the weight; free-text phrases are limited to
 * formulas that only that clause uses, so an article that merely mentions "biaya" does not count
 * as a financing clause.
 */
const SIGNALS: Record<Clause, Signals> = {
  PARA_PIHAK: {
    headings: [/\bpara pihak\b/, /\bpihak-pihak\b/, /\bsubjek\b/, /\bthe parties\b/, /^parties$/],
    phrases: [/yang bertanda tangan di bawah ini/, /selanjutnya disebut (sebagai )?pihak (kesatu|pertama)/, /hereinafter (referred to as|called) the first party/],
  },
  DASAR_PERTIMBANGAN: {
    headings: [/\bdasar (hukum|pertimbangan)\b/, /^menimbang\b/, /^mengingat\b/, /\blatar belakang\b/, /\bkonsiderans\b/, /\brecitals?\b/, /\bbackground\b/, /\blegal basis\b/],
    phrases: [/dengan memperhatikan ketentuan peraturan/, /berdasarkan ketentuan peraturan perundang-undangan sebagai berikut/, /^whereas\b/m],
  },
  MAKSUD_TUJUAN: {
    headings: [/\bmaksud\b/, /\btujuan\b/, /\bpurposes?\b/, /\bobjectives?\b/, /\baims?\b/],
    phrases: [/dimaksudkan (sebagai|untuk)/, /\bbertujuan untuk\b/],
  },
  OBJEK_RUANG_LINGKUP: {
    headings: [/\bob[jy]ek\b/, /\bruang lingkup\b/, /\blingkup\b/, /\bscope\b/],
    phrases: [/ruang lingkup (kesepakatan|perjanjian|kerja sama) ini meliputi/, /the scope of (this|the) (memorandum|agreement|cooperation)/],
  },
  HAK_KEWAJIBAN: {
    headings: [/\bhak\b/, /\bkewajiban\b/, /\brights\b/, /\bobligations\b/, /\bresponsibilities\b/],
    phrases: [/\bpihak (kesatu|pertama) berhak\b/, /\bpihak (kesatu|pertama) berkewajiban\b/],
  },
  PELAKSANAAN: {
    headings: [/\bpelaksanaan\b/, /\btindak lanjut\b/, /\bimplementation\b/, /\bimplementing arrangements?\b/],
    phrases: [/ditindaklanjuti dengan perjanjian kerja sama/, /will be implemented through (implementing arrangements|separate agreements)/],
  },
  JANGKA_WAKTU: {
    headings: [/\bjangka waktu\b/, /\bmasa berlaku\b/, /\bberlakunya\b/, /\bterm\b/, /\bduration\b/, /\bvalidity\b/, /\bentry into force\b/],
    phrases: [/berlaku (untuk jangka waktu|selama) \S+ \(?[a-z ]*\)? ?tahun/, /berlaku sejak tanggal .{0,60} sampai dengan/, /shall remain in (force|effect) for a period of/],
  },
  PEMBIAYAAN: {
    headings: [/\bpembiayaan\b/, /\bpendanaan\b/, /\bbiaya\b/, /\banggaran\b/, /\bfinancing\b/, /\bfunding\b/, /\bfinancial arrangements?\b/, /\bcosts?\b/],
    phrases: [/dibebankan (pada|kepada) anggaran pendapatan dan belanja/, /dibebankan pada apbd/, /\bexpenses? (shall be|will be) borne by\b/],
  },
  MONITORING_EVALUASI: {
    headings: [/\bmonitoring\b/, /\bpemantauan\b/, /\bevaluasi\b/, /\bpelaporan\b/, /\bevaluation\b/, /\breporting\b/],
    phrases: [/monitoring dan evaluasi (dilaksanakan|dilakukan)/, /monitoring and evaluation (shall|will) be/],
  },
  KEADAAN_KAHAR: {
    headings: [/\bkeadaan kahar\b/, /\bkeadaan memaksa\b/, /\bforce majeure\b/, /\bovermacht\b/],
    phrases: [/\bkeadaan kahar\b/, /\bkeadaan memaksa\b/, /\bforce majeure\b/],
  },
  PENYELESAIAN_PERSELISIHAN: {
    headings: [/\bperselisihan\b/, /\bsengketa\b/, /\bdisputes?\b/],
    phrases: [/penyelesaian (perselisihan|sengketa)/, /\bdispute (settlement|resolution)\b/, /diselesaikan secara musyawarah/, /settled amicably/],
  },
  PERUBAHAN: {
    headings: [/\bperubahan\b/, /\badendum\b/, /\baddendum\b/, /\bamendments?\b/, /\bmodifications?\b/],
    phrases: [/dituangkan dalam (bentuk )?adendum/, /amended by mutual (written )?consent/],
  },
  PENGAKHIRAN: {
    headings: [/\bpengakhiran\b/, /\bberakhirnya\b/, /\bpemutusan\b/, /\btermination\b/],
    phrases: [/dapat diakhiri (sebelum|oleh)/, /may (be terminated|terminate this)/],
  },
  SANKSI: {
    headings: [/\bsanksi\b/, /\bdenda\b/, /\bsanctions?\b/, /\bpenalt(y|ies)\b/],
    phrases: [/dikenakan sanksi/, /shall be subject to (sanctions|penalties)/],
  },
  PENUTUP: {
    headings: [/\bpenutup\b/, /\blain-lain\b/, /\bketentuan penutup\b/, /\bclosing\b/, /\bfinal provisions\b/, /\bmiscellaneous\b/],
    phrases: [/dibuat dalam rangkap/, /masing-masing bermeterai cukup/, /\bin witness whereof\b/],
  },
};

/** Lower case without diacritics or repeated spaces, so "Pasal 5  JANGKA  WAKTU" and "Jangka waktu" read alike. */
const normalise = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim();

const ARTICLE = /^(pasal|article|artikel|bab|bagian|chapter|section)\s+([0-9]+|[ivxlc]+)\b[.:)]?\s*[-–—:]?\s*(.*)$/i;
const LIST_PREFIX = /^([0-9]+|[a-z]|[ivxlc]+)[.)]\s+/i;

/** Whether a line looks like a heading typed in capitals ("JANGKA WAKTU", "B. PEMBIAYAAN"). */
const isCapitalsHeading = (line: string) => {
  const text = line.replace(LIST_PREFIX, '');
  const letters = text.replace(/[^\p{L}]/gu, '');

  return text.length <= 80 && letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
};

/**
 * The article headings of a text: the words after "Pasal N"/"Article N" (or on the next line when
 * the number stands alone, as Indonesian naskah print it) and short lines in capitals.
 */
export const headingsOf = (text: string): string[] => {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  const out: string[] = [];
  lines.forEach((line, i) => {
    const article = ARTICLE.exec(line);
    if (article) {
      const rest = article[3]!.trim();
      const next = lines[i + 1];
      if (rest) out.push(rest);
      else if (next && next.length <= 80 && !ARTICLE.test(next)) out.push(next);

      return;
    }
    if (isCapitalsHeading(line)) out.push(line.replace(LIST_PREFIX, ''));
  });

  return out.map(normalise);
};

/** The clauses an extracted text shows, by its headings and by clause-specific phrases. */
export const clausesInText = (text: string): Set<Clause> => {
  const headings = headingsOf(text);
  const body = normalise(text.replace(/\s*\n\s*/g, '\n'));
  const found = new Set<Clause>();
  for (const clause of CLAUSES) {
    const s = SIGNALS[clause];
    if (headings.some((h) => s.headings.some((re) => re.test(h))) || s.phrases.some((re) => re.test(body))) found.add(clause);
  }

  return found;
};

/**
 * The clauses a document covers: the tagged, non-empty sections of a structured draft, plus what
 * the text extracted from an uploaded file shows.
 */
export const presentClauses = ({ body, extractedText }: { body: DraftBody | null; extractedText: string | null }): Set<Clause> => {
  const tagged = (body?.sections ?? [])
    .filter((s) => s.clause && (CLAUSES as readonly string[]).includes(s.clause) && (s.text ?? '').trim().length > 0)
    .map((s) => s.clause as Clause);
  const found = new Set<Clause>(tagged);
  if (!body && extractedText) for (const c of clausesInText(extractedText)) found.add(c);

  return found;
};
