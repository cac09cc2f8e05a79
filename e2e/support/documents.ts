import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import mammoth from 'mammoth';

/** The words of a PDF, lines folded: lines wrap where the PDF's layout wraps them; the words are what counts. */
export const pdfText = async (bytes: Uint8Array) => {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join(''));
  }
  await pdf.destroy();

  return pages.join('\n').replace(/\s+/g, ' ');
};

/** The words of a Word document (body text, tables included), whitespace folded. */
export const docxText = async (bytes: Uint8Array) => (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.replace(/\s+/g, ' ');
