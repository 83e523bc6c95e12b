/**
 * The embed code of a chart (a chart's "Embed code" and the comparison tool's): an iframe of the
 * embed page, high enough for a chart of two or three areas at its width, and a one-line script
 * that sets the iframe's height to what the embed page reports (`postMessage`), so nothing is
 * cut off whatever the chart holds. Without the script the iframe keeps its height, and the embed
 * page keeps its link back and the licence in view at its bottom edge (src/pages/[lang]/embed.astro).
 */

/** Type of the message the embed page sends to the page around it. */
export const EMBED_MESSAGE = 'tilannekuva-embed-height';
/** The iframe's width and its height before the embed page reports its own (CSS px). */
const EMBED_SIZE = { width: 680, height: 720 } as const;

/**
 * The script that sizes each embedded chart to its content: it accepts only a message from the
 * window inside one of the page's own embed iframes, with a plausible height.
 */
const EMBED_SCRIPT = `<script>addEventListener("message",function(e){var d=e.data;if(!d||d.type!=="${EMBED_MESSAGE}"||!(d.height>0&&d.height<5000))return;document.querySelectorAll("iframe[data-tilannekuva]").forEach(function(f){if(f.contentWindow===e.source)f.style.height=Math.ceil(d.height)+"px"})})</script>`;

/** The HTML to copy: the iframe (address `src`, accessible name `title`) and the sizing script. */
export function embedCode(src: string, title: string): string {
  const t = title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe data-tilannekuva src="${src}" title="${t}" width="${EMBED_SIZE.width}" height="${EMBED_SIZE.height}" style="border:0;max-width:100%"></iframe>\n${EMBED_SCRIPT}`;
}
