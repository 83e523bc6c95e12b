/**
 * A server-side DOM for rendering charts to SVG at build time (Plot needs a `document`).
 * Build-time only: browser code passes its own `document`.
 */
import { parseHTML } from 'linkedom';

let doc: Document | undefined;

/** One shared linkedom document (about 2 ms to create, so it is made once). */
export function serverDocument(): Document {
  if (!doc) doc = parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  return doc;
}
