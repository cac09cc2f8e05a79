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
import { BLANK, paragraphsOf, type RenderableDocument } from './document.js';

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

/**
 * Renders a document to DOCX (Office Open XML). The result is an editable draft people can mark
 * up in Word or LibreOffice, which is how partners still exchange comments on a naskah.
 */
export const renderDocx = async (doc: RenderableDocument): Promise<Uint8Array<ArrayBuffer>> => {
  const children: (Paragraph | Table)[] = [];
  doc.titleLines.forEach((line, i) => children.push(centred(line, { bold: true, after: i === doc.titleLines.length - 1 ? 240 : 0 })));
  for (const n of doc.numbers) children.push(centred(`${n.label}: ${n.number ?? BLANK}`));
  if (doc.numbers.length > 0) children.push(new Paragraph({ spacing: { after: 240 }, children: [] }));
  for (const section of doc.sections) {
    for (const line of paragraphsOf(section.heading)) children.push(centred(line, { bold: true }));
    for (const p of paragraphsOf(section.text))
      children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { before: 120, after: 120, line: 300 }, children: [new TextRun(p)] }));
    children.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
  }
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
