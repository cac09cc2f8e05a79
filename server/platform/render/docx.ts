import {
  AlignmentType,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import mammoth from 'mammoth';
import { BLANK, paragraphsOf, type DocumentTable, type RenderableDocument, type Section } from './document.js';

/** Office documents name their font rather than embed it; Arial is on every government PC. */
const FONT = 'Arial';
/** Half-points: 12 pt body text, the usual size of Indonesian official letters. */
const BODY_SIZE = 24;
/** A4 in twentieths of a point, with 2.5 cm margins (1 cm = 567 twips). */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1418;

const centred = (text: string, options: { bold?: boolean; after?: number } = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: options.after ?? 0 }, children: [new TextRun({ text, bold: options.bold ?? false })] });

const signatureCell = (s: RenderableDocument['signatures'][number], widthPercent: number) =>
  new TableCell({
    width: { size: widthPercent, type: WidthType.PERCENTAGE },
    children: [
      centred(s.label, { bold: true }),
      centred(s.organization),
      centred(s.position, { after: 1200 }),
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: s.name || BLANK, bold: true, underline: {} })] }),
    ],
  });

const cell = (text: string, widthPercent: number, header: boolean) =>
  new TableCell({
    width: { size: widthPercent, type: WidthType.PERCENTAGE },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: paragraphsOf(text || ' ').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: header, size: 20 })] })),
  });

/** A bordered table; the header row repeats on every page it runs over. */
const tableOf = (t: DocumentTable) => {
  const sum = t.columns.reduce((s, c) => s + c.width, 0);
  const widths = t.columns.map((c) => Math.round((100 * c.width) / sum));

  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: t.columns.map((c, i) => cell(c.label, widths[i]!, true)) }),
      ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, widths[i]!, false)) })),
    ],
  });
};

const sectionOf = (section: Section): (Paragraph | Table)[] => [
  ...paragraphsOf(section.heading).map((line) => centred(line, { bold: true })),
  ...paragraphsOf(section.text).map((p) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { before: 120, after: 120, line: 300 }, children: [new TextRun(p)] })),
  ...(section.table ? [tableOf(section.table)] : []),
  new Paragraph({ spacing: { after: 120 }, children: [] }),
];

/**
 * Renders a document to DOCX (Office Open XML). The result is an editable draft people can mark
 * up in Word or LibreOffice, which is how partners still exchange comments on a naskah.
 */
export const renderDocx = async (doc: RenderableDocument): Promise<Uint8Array<ArrayBuffer>> => {
  const children: (Paragraph | Table)[] = [];
  doc.titleLines.forEach((line, i) => children.push(centred(line, { bold: true, after: i === doc.titleLines.length - 1 ? 240 : 0 })));
  for (const n of doc.numbers) children.push(centred(`${n.label}: ${n.number ?? BLANK}`));
  if (doc.numbers.length > 0) children.push(new Paragraph({ spacing: { after: 240 }, children: [] }));
  for (const section of doc.sections) children.push(...sectionOf(section));
  if (doc.signingNote) children.push(new Paragraph({ spacing: { before: 240, after: 240 }, children: [new TextRun(doc.signingNote)] }));
  if (doc.signatures.length > 0) {
    const width = Math.floor(100 / doc.signatures.length);
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        borders: TableBorders.NONE,
        rows: [new TableRow({ cantSplit: true, children: doc.signatures.map((s) => signatureCell(s, width)) })],
      }),
    );
  }
  (doc.appendix ?? []).forEach((section, i) => {
    if (i === 0) children.push(new Paragraph({ pageBreakBefore: true, children: [] }));
    children.push(...sectionOf(section));
  });

  const document = new Document({
    creator: doc.metadata.author,
    title: doc.metadata.title,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        headers: doc.marking ? { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: doc.marking, size: 18, color: '666666' })] })] }) } : {},
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ size: 18, children: ['Halaman ', PageNumber.CURRENT, ' dari ', PageNumber.TOTAL_PAGES] })] })],
          }),
        },
        children,
      },
    ],
  });

  return new Uint8Array(await Packer.toBuffer(document));
};

/** The plain text of a DOCX (paragraphs separated by blank lines), for search and the clause checklist. */
export const extractDocxText = async (bytes: Uint8Array): Promise<string> => {
  const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });

  return result.value;
};
