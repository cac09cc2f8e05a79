import type { AnswerValue, Answers } from './answers.models.js';
import { ITEM_KINDS, type Definition } from './questionnaires.models.js';
import type { PotentialStatus } from './potentials.tables.js';

export type ItemKind = (typeof ITEM_KINDS)[number];

/** One item of a repeatable section, read through the questions' `maps` (ADR 0023). */
export type ExtractedItem = {
  sectionId: string;
  itemIndex: number;
  kind: ItemKind;
  title: string;
  description: string;
  urusanCodes: string[];
  issueIds: string[];
  locationCodes: string[];
  candidatePartners: string;
  expectedBenefit: string;
  costEstimateIdr: string | null;
};

const TITLE_MAX = 300;
const RUPIAH = /^\d{1,16}(\.\d{1,2})?$/;

const asText = (v: AnswerValue | undefined): string => {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.join(', ').trim();

  return String(v).trim();
};
const asList = (v: AnswerValue | undefined): string[] => {
  if (Array.isArray(v)) return [...new Set(v.filter((x) => typeof x === 'string' && x.trim() !== ''))];

  return typeof v === 'string' && v.trim() !== '' ? [v.trim()] : [];
};
const asAmount = (v: AnswerValue | undefined): string | null => {
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v.toFixed(2);
  if (typeof v !== 'string' || !RUPIAH.test(v.trim())) return null;
  const [whole, cents = ''] = v.trim().split('.');

  return `${whole}.${cents.padEnd(2, '0')}`;
};
const asKind = (v: AnswerValue | undefined): ItemKind | null => {
  const s = asText(v).toUpperCase();

  return (ITEM_KINDS as readonly string[]).includes(s) ? (s as ItemKind) : null;
};

/** A title for an item whose OPD left the title question empty: the description's first line. */
const titleOf = (title: string, description: string) => (title || description.split('\n')[0]!.trim()).slice(0, TITLE_MAX);

/**
 * The register items in an answer: every item of every repeatable section that names an
 * itemKind, its fields read from the questions that map to a register field. Unmapped questions
 * are ignored, and an item with neither title nor description is skipped (an empty row left in
 * the form is not a potential).
 */
export const extractItems = (definition: Definition, answers: Answers): ExtractedItem[] => {
  const out: ExtractedItem[] = [];
  for (const section of definition.sections) {
    if (!section.repeatable || !section.itemKind) continue;
    const items = answers[section.id];
    if (!Array.isArray(items)) continue;
    items.forEach((item, itemIndex) => {
      if (typeof item !== 'object' || item === null) return;
      const field = (name: string) => {
        const q = section.questions.find((x) => x.maps === name);

        return q ? item[q.id] : undefined;
      };
      const description = asText(field('description'));
      const title = titleOf(asText(field('title')), description);
      if (!title) return;
      out.push({
        sectionId: section.id,
        itemIndex,
        kind: asKind(field('kind')) ?? section.itemKind!,
        title,
        description,
        urusanCodes: asList(field('urusanCodes')),
        issueIds: asList(field('issueIds')),
        locationCodes: asList(field('locationCodes')),
        candidatePartners: asText(field('candidatePartners')),
        expectedBenefit: asText(field('expectedBenefit')),
        costEstimateIdr: asAmount(field('costEstimateIdr')),
      });
    });
  }

  return out;
};

/** Statuses people set; DITINDAKLANJUTI is reached only by proposing a cooperation. */
export const SETTABLE_STATUSES = ['DIUSULKAN', 'DIPRIORITASKAN', 'DITETAPKAN', 'DIBATALKAN'] as const satisfies readonly PotentialStatus[];

/** An item already followed through keeps its status: its cooperation carries the story on. */
export const maySetStatus = (from: PotentialStatus) => from !== 'DITINDAKLANJUTI';

/** Only what the TKKSD prioritised or adopted becomes a proposal (and may become another one). */
export const mayPropose = (status: PotentialStatus) => status === 'DIPRIORITASKAN' || status === 'DITETAPKAN' || status === 'DITINDAKLANJUTI';

/**
 * On a new acceptance, extracted items replace the OPD's still-proposed ones; items the TKKSD
 * already acted on stay, and an extracted item with the same section and title as one of them
 * (its current title or the one the OPD first wrote) is not added again.
 */
export const itemsToInsert = (extracted: readonly ExtractedItem[], kept: readonly { sectionId: string; title: string; sourceTitle: string }[]) => {
  const key = (sectionId: string, title: string) => `${sectionId}|${title.trim().toLowerCase()}`;
  const held = new Set(kept.flatMap((k) => [key(k.sectionId, k.title), key(k.sectionId, k.sourceTitle)]));

  return extracted.filter((x) => !held.has(key(x.sectionId, x.title)));
};
