/** Every observation of one area (all indicators), in the tidy download format. */
import type { APIRoute } from 'astro';
import { TIDY_HEADER, tidyRow } from '../../../data/charts.ts';
import { loadSite } from '../../../data/site.ts';
import { orderedIndicators } from '../../../data/views.ts';
import { writeCsv } from '../../../lib/csv.ts';

export function getStaticPaths() {
  return loadSite().areas.map((a) => ({ params: { code: a.code.toLowerCase() } }));
}

export const GET: APIRoute = ({ params }) => {
  const site = loadSite();
  const code = params.code!.toUpperCase();
  const rows = orderedIndicators(site).flatMap((ind) => (site.series.get(ind.id)?.get(code)?.points ?? []).map((p) => tidyRow(site, ind, code, p)));
  return new Response(writeCsv(TIDY_HEADER, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
