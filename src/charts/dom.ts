/**
 * A server-side DOM for rendering charts to SVG at build time (Plot needs a `document`), and the
 * accessibility fix Plot output needs: `<g aria-label>` elements get `role="group"`, because an
 * aria-label on an element without a role is prohibited (axe: aria-prohibited-attr).
 */
import { parseHTML } from 'linkedom';

let doc: Document | undefined;

/** One shared linkedom document (about 2 ms to create, so it is made once). */
export function serverDocument(): Document {
  if (!doc) doc = parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  return doc;
}

/** Gives every labelled `<g>` without a role the role "group". */
export function fixAria(root: Element): Element {
  for (const g of root.querySelectorAll('g[aria-label]:not([role])')) g.setAttribute('role', 'group');
  return root;
}

/** Escapes text for use inside SVG/HTML markup. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
