/**
 * What the search index reads of a page. Pagefind joins the text of neighbouring elements
 * without a space when the HTML has none between them, so a definition list or a table row
 * came out as "Väestö 2025121 832Työvoima…" in the index and the excerpts. {@link spaceBlocks}
 * puts a space after the end tag of every block and cell element (and a line break), only in
 * the copy that is indexed; the served page is unchanged.
 *
 * {@link indexedHtml} also leaves out the drawings: every chart and map is `data-pagefind-ignore`
 * (its words are in the text and table beside it), but Pagefind still had to parse the SVG, more
 * than half of a profile page's bytes, and that was two thirds of the indexing time.
 */

/** Elements whose text is a unit of its own: a space after each keeps words apart. */
const BLOCKS = ['address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'div', 'dt', 'figcaption', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'label', 'legend', 'li', 'nav', 'option', 'p', 'section', 'summary', 'td', 'th', 'tr'];
/** A block or cell end tag, or a `<br>`: one pass over the page (two took twice as long). */
const SPACED = new RegExp(`</(?:${BLOCKS.join('|')})\\s*>|<br\\s*/?>`, 'gi');

/** The HTML with a space after each block or cell end tag and after each `<br>`. */
export function spaceBlocks(html: string): string {
  return html.replace(SPACED, '$& ');
}

const DRAWING = /<svg\b[\s\S]*?<\/svg>/gi;

/** What the search index is given of a page: the page without its SVG drawings, with spaces after blocks ({@link spaceBlocks}). */
export function indexedHtml(html: string): string {
  return spaceBlocks(html.replace(DRAWING, ''));
}
