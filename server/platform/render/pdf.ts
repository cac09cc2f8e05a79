import fs from 'node:fs';
import path from 'node:path';
import pdfmake, { type Content, type DocDefinition } from 'pdfmake';
import { projectRoot } from '../paths.js';
import { BLANK, paragraphsOf, type DocumentTable, type RenderableDocument, type Section } from './document.js';

/**
 * The fonts ship with the product (server/platform/render/fonts, DejaVu licence beside them), so
 * a PDF looks the same on every server and never depends on an OS package. DejaVu covers the
 * whole Latin range Indonesian names use, and the subset is embedded in every file.
 */
export const FONTS_DIR = path.join(projectRoot, 'server', 'platform', 'render', 'fonts');
const FAMILY = 'DejaVuSans';
// The in-memory names are the files' real paths: charts embedded as SVG are drawn by
// svg-to-pdfkit, which loads a font by the name pdfmake hands it, from disk, not from pdfmake's
// in-memory file system. Both then find the same shipped file.
const NORMAL = path.join(FONTS_DIR, 'DejaVuSans.ttf');
const BOLD = path.join(FONTS_DIR, 'DejaVuSans-Bold.ttf');

let ready = false;
/**
 * pdfmake is one shared instance: the fonts are handed over as bytes through its in-memory file system, and both access policies
 * refuse everything, so a document can never make the server read a local path or fetch a URL
 * (an image or font reference in user-edited content would otherwise be followed).
 */
const printer = () => {
  if (!ready) {
    // The in-memory file system is the one font source pdfmake reads without a path or URL.
    for (const file of [NORMAL, BOLD]) pdfmake.virtualfs.writeFileSync(file, fs.readFileSync(file));
    pdfmake.setFonts({ [FAMILY]: { normal: NORMAL, bold: BOLD, italics: NORMAL, bolditalics: BOLD } });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    ready = true;
  }

  return pdfmake;
};

/** A ruled table; the header row repeats on every page it runs over. */
const tableOf = (t: DocumentTable): Content => {
  const sum = t.columns.reduce((s, c) => s + c.width, 0);

  return {
    table: {
      headerRows: 1,
      widths: t.columns.map((c) => `${((100 * c.width) / sum).toFixed(2)}%`),
      body: [t.columns.map((c) => ({ text: c.label, bold: true })), ...t.rows.map((r) => r.map((v) => ({ text: v })))],
    },
    fontSize: 8,
    margin: [0, 4, 0, 4],
  };
};

const sectionOf = (section: Section, pageBreak?: 'before'): Content => ({
  ...(pageBreak ? { pageBreak } : {}),
  stack: [
    ...paragraphsOf(section.heading).map((line) => ({ text: line, bold: true, alignment: 'center' as const })),
    ...paragraphsOf(section.text).map((p) => ({ text: p, alignment: 'justify' as const, margin: [0, 4, 0, 4] as [number, number, number, number], lineHeight: 1.2 })),
    ...(section.table ? [tableOf(section.table)] : []),
  ],
  margin: [0, 6, 0, 6],
});

const definitionOf = (doc: RenderableDocument): DocDefinition => {
  const content: Content[] = [];
  doc.titleLines.forEach((line, i) => content.push({ text: line, bold: true, alignment: 'center', margin: [0, 0, 0, i === doc.titleLines.length - 1 ? 12 : 0] }));
  for (const n of doc.numbers) content.push({ text: `${n.label}: ${n.number ?? BLANK}`, alignment: 'center' });
  if (doc.numbers.length > 0) content.push({ text: ' ', margin: [0, 0, 0, 6] });
  for (const section of doc.sections) content.push(sectionOf(section));
  if (doc.signingNote) content.push({ text: doc.signingNote, margin: [0, 12, 0, 12] });
  if (doc.signatures.length > 0)
    content.push({
      unbreakable: true,
      columns: doc.signatures.map((s) => ({
        width: '*',
        stack: [
          { text: s.label, bold: true, alignment: 'center' as const },
          { text: s.organization, alignment: 'center' as const },
          { text: s.position, alignment: 'center' as const, margin: [0, 0, 0, 56] as [number, number, number, number] },
          { text: s.name || BLANK, bold: true, decoration: 'underline' as const, alignment: 'center' as const },
        ],
      })),
      columnGap: 24,
    });
  (doc.appendix ?? []).forEach((section, i) => content.push(sectionOf(section, i === 0 ? 'before' : undefined)));

  return {
    pageSize: 'A4',
    // 2.5 cm on every side (72 pt per inch).
    pageMargins: [71, 71, 71, 71],
    info: { title: doc.metadata.title, author: doc.metadata.author, creator: 'Jejaring', producer: 'Jejaring' },
    language: 'id-ID',
    defaultStyle: { font: FAMILY, fontSize: 10.5 },
    header: doc.marking ? () => ({ text: doc.marking ?? '', alignment: 'right', fontSize: 8, color: '#555555', margin: [71, 30, 71, 0] }) : undefined,
    footer: (current: number, total: number) => ({ text: `Halaman ${current} dari ${total}`, alignment: 'center', fontSize: 8, margin: [0, 30, 0, 0] }),
    content,
  };
};

/** Renders a document to PDF with the embedded DejaVu fonts; the text stays selectable and searchable. */
export const renderPdf = async (doc: RenderableDocument): Promise<Uint8Array<ArrayBuffer>> => {
  const buffer = await printer().createPdf(definitionOf(doc)).getBuffer();

  return new Uint8Array(buffer);
};

let pdfjs: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | undefined;

/**
 * pdf.js, loaded on first use. Its legacy build (needed on Node 20) carries core-js polyfills that
 * replace the global JSON.parse and JSON.stringify with slower script versions (Node 20 lacks
 * JSON.rawJSON): a CPU profile of the register under load spent over 6 % of the process in them.
 * The natives are put back once the module has loaded; pdf.js needs none of the extras.
 */
const loadPdfjs = () =>
  (pdfjs ??= (async () => {
    const { parse, stringify } = JSON;
    try {
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      JSON.parse = parse;
      JSON.stringify = stringify;
    }
  })());

/**
 * The text layer of a PDF, one line per text line, pages separated by a blank line. Scans have no
 * text layer and give an empty string (OCR is out of scope). pdf.js runs without eval, fonts or
 * network: it only parses the bytes it is given.
 */
export const extractPdfText = async (bytes: Uint8Array): Promise<string> => {
  const { getDocument } = await loadPdfjs();
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 });
  const pdf = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const text = await page.getTextContent();
      let line = '';
      const lines: string[] = [];
      for (const item of text.items) {
        if (!('str' in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          lines.push(line);
          line = '';
        }
      }
      if (line) lines.push(line);
      pages.push(lines.join('\n'));
      page.cleanup();
    }

    return pages.join('\n\n');
  } finally {
    await pdf.destroy();
  }
};

/** The shipped font family, for callers that build their own pdfmake definition (report tables). */
export const PDF_FONT_FAMILY = FAMILY;

/**
 * Renders a pdfmake definition built by a module (periodic reports) with the same locked-down
 * printer: embedded DejaVu fonts, no local paths, no URLs.
 */
export const renderPdfDefinition = async (definition: DocDefinition): Promise<Uint8Array<ArrayBuffer>> =>
  new Uint8Array(await printer().createPdf({ ...definition, defaultStyle: { font: FAMILY, fontSize: 9, ...definition.defaultStyle } }).getBuffer());
