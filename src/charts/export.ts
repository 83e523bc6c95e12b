/**
 * A chart saved as a file carries its source: the drawing is framed by its title, what it shows
 * (the areas and the period, the chart's description), its notes, the source with the period, the
 * licence and the chart's address on the portal. Pure string work, so the save buttons in the browser
 * (src/components/ChartFigure.astro) and the unit tests run the same code; the PNG is this SVG
 * painted on a canvas.
 */
import { esc } from './aria.ts';
import { textWidth } from './labels.ts';
import { INK, MUTED } from './theme.ts';

export interface ExportTexts {
  /** The chart's title (it names the indicator and the area). */
  title: string;
  /** What the chart shows: the areas compared and the period. */
  description: string;
  /** The chart's notes (the period drawn, an axis that does not start at zero, how estimates are made). */
  notes?: readonly string[];
  /** The source and the period ("Source: … Period: …"). */
  source: string;
  /** The licence of the data. */
  licence: string;
  /** The chart's address on the portal (absolute URL). */
  address: string;
}

const FONT = 'system-ui, -apple-system, &quot;Segoe UI&quot;, Roboto, sans-serif';
const PAD = 16;
/** The narrowest exported image: a phone's drawing gets room for its texts. */
const MIN_WIDTH = 560;

/** Words of a text broken into lines no wider than `width` at `fontSize` (estimated widths). */
export function wrapLines(text: string, fontSize: number, width: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontSize, bold) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The chart's SVG markup (one `<svg>` with a `viewBox`) inside a larger SVG with the texts above
 * and below it. The drawing keeps its own styles; its size is its viewBox.
 */
export function exportSvg(svg: string, texts: ExportTexts): string {
  const open = /^\s*<svg\b[^>]*>/.exec(svg);
  const box = open && /\bviewBox="\s*([-\d.]+)[\s,]+([-\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/.exec(open[0]);
  if (!open || !box) throw new Error('exportSvg: the chart is not an <svg> with a viewBox');
  const w = Number(box[3]);
  const h = Number(box[4]);
  const width = Math.ceil(Math.max(w, MIN_WIDTH - 2 * PAD) + 2 * PAD);
  const inner = width - 2 * PAD;
  const out: string[] = [];
  let y = PAD;
  const block = (text: string, size: number, colour: string, bold = false) => {
    for (const line of wrapLines(text, size, inner, bold)) {
      y += size * 1.3;
      out.push(`<text x="${PAD}" y="${y.toFixed(1)}" font-size="${size}"${bold ? ' font-weight="700"' : ''} fill="${colour}">${esc(line)}</text>`);
    }
  };
  block(texts.title, 18, INK, true);
  block(texts.description, 13, MUTED);
  y += 10;
  // The drawing at its own size, centred; its opening tag loses any size and position of its own.
  const tag = open[0].replace(/\s(?:width|height|x|y)="[^"]*"/g, '').replace(/^\s*<svg/, `<svg x="${PAD + (inner - w) / 2}" y="${y.toFixed(1)}" width="${w}" height="${h}"`);
  out.push(tag + svg.slice(open[0].length));
  y += h + 8;
  for (const note of texts.notes ?? []) block(note, 12, MUTED);
  block(texts.source, 12, MUTED);
  block(texts.licence, 12, MUTED);
  block(texts.address, 12, INK);
  const height = Math.ceil(y + PAD);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">` +
    `<title>${esc(texts.title)}</title><rect width="100%" height="100%" fill="#ffffff"/>${out.join('')}</svg>`
  );
}
