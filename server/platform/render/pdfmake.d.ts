/**
 * The part of pdfmake 0.3's server API Jejaring uses. Written here because @types/pdfmake pulls
 * the DOM library into the whole server build, which changes Node's Blob and Buffer typings.
 */
declare module 'pdfmake' {
  type Margins = [number, number, number, number];
  export type Content = Record<string, unknown> | string | Content[];
  export type DocDefinition = {
    content: Content[];
    pageSize?: string;
    pageOrientation?: 'portrait' | 'landscape';
    pageMargins?: Margins;
    info?: { title?: string; author?: string; creator?: string; producer?: string };
    language?: string;
    defaultStyle?: Record<string, unknown>;
    header?: ((currentPage: number, pageCount: number) => Content) | undefined;
    footer?: ((currentPage: number, pageCount: number) => Content) | undefined;
  };
  type FontFamily = { normal: string; bold: string; italics: string; bolditalics: string };
  type Pdfmake = {
    createPdf(definition: DocDefinition): { getBuffer(): Promise<Buffer> };
    setFonts(fonts: Record<string, FontFamily>): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    virtualfs: { writeFileSync(name: string, content: Buffer): void };
  };
  const pdfmake: Pdfmake;
  export default pdfmake;
}
