/**
 * Client-side downloads of a chart: its table as CSV and its picture as PNG.
 *
 * CSV: semicolon-separated with RFC 4180 quoting, CRLF line ends and a UTF-8 byte-order mark.
 * Excel set to Indonesian uses the semicolon as list separator (the comma is the decimal mark),
 * and the BOM makes it read "Ã" as "Ã" rather than mojibake. Counts are plain integers.
 */
const SEPARATOR = ';';
const BOM = '\uFEFF';

const cell = (value: string | number) => {
  const text = String(value);

  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const toCsv = (headers: readonly string[], rows: readonly (readonly (string | number)[])[]) =>
  BOM + [headers, ...rows].map((r) => r.map(cell).join(SEPARATOR)).join('\r\n') + '\r\n';

/** Lower-case, dash-separated, ASCII: safe as a file name everywhere. */
export const fileSlug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'grafik';

export const downloadBlob = (blob: Blob, fileName: string) => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

export const csvBlob = (csv: string) => new Blob([csv], { type: 'text/csv;charset=utf-8' });

/**
 * A PNG of an SVG chart: the SVG is drawn onto a canvas at twice its size (sharp on high-density
 * screens and in documents) over a white background, since a transparent PNG looks broken in
 * most viewers.
 */
export const svgToPng = (svg: string, width: number, height: number, scale = 2): Promise<Blob> =>
  new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(width * scale));
      canvas.height = Math.max(1, Math.round(height * scale));
      const g = canvas.getContext('2d');
      if (!g) {
        reject(new Error('canvas'));

        return;
      }
      g.fillStyle = '#ffffff';
      g.fillRect(0, 0, canvas.width, canvas.height);
      g.drawImage(image, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('png'))), 'image/png');
    };
    image.onerror = () => reject(new Error('svg'));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
