/**
 * What the renderers draw: an official document laid out the Indonesian way (centred title
 * block, one register number per party, numbered articles, a signature block with one column per
 * signatory). Pure data, so the same input gives the same DOCX and PDF content.
 */
export type RenderableDocument = {
  /** Centred, bold lines at the top: the document kind, the parties, "TENTANG", the subject. */
  titleLines: string[];
  /** One line per party: its own register number for this document (an empty number prints as dots). */
  numbers: { label: string; number: string | null }[];
  /** Articles or letter parts in order; a heading may hold two lines ("Pasal 1" and its title). */
  sections: Section[];
  /** Printed above the signatures, e.g. the place and date of signing. */
  signingNote?: string | undefined;
  signatures: { label: string; organization: string; name: string; position: string }[];
  /** Parts after the signatures, from a new page: a lampiran. */
  appendix?: Section[] | undefined;
  /** Shown on every page, e.g. "RANCANGAN – versi 3", so a draft is never mistaken for the signed copy. */
  marking?: string | undefined;
  /** Document properties (title, author) written into the file. */
  metadata: { title: string; author: string };
};

/** A table under a section's text: an attendance list, a ranked list, a lampiran. Widths are relative. */
export type DocumentTable = { columns: { label: string; width: number }[]; rows: string[][] };

export type Section = { heading: string; text: string; table?: DocumentTable | undefined };

/** The blank a signatory fills by hand where a value is not known yet. */
export const BLANK = '....................';

/** The paragraphs of a section text: one per line; spacing between them is the renderer's job. */
export const paragraphsOf = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '');
