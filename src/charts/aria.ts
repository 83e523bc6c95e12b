/**
 * Helpers shared by chart builders on the server and in the browser. Plot puts `aria-label` on
 * `<g>` elements that have no role; an aria-label on an element without a role is prohibited
 * (axe: aria-prohibited-attr), so every labelled `<g>` gets `role="group"`.
 */

/** Gives every labelled `<g>` without a role the role "group". */
export function fixAria(root: Element): Element {
  for (const g of root.querySelectorAll('g[aria-label]:not([role])')) g.setAttribute('role', 'group');
  return root;
}

/** Escapes text for use inside SVG/HTML markup. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
