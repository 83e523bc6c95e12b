/** CSV of each chart: exactly the rows the chart and its table show, in the tidy download format. */
import type { APIRoute } from 'astro';
import { areaChartSpecs, chartCsv, indicatorChartSpec, type ChartSpec } from '../../../data/charts.ts';
import { loadSite } from '../../../data/site.ts';

export function getStaticPaths() {
  const site = loadSite();
  const specs: ChartSpec[] = [
    ...site.areas.flatMap((a) => areaChartSpecs(site, a)),
    ...site.indicators.map((i) => indicatorChartSpec(site, i)).filter((s): s is ChartSpec => s !== null),
  ];
  return specs.map((spec) => ({ params: { slug: spec.slug }, props: { spec } }));
}

export const GET: APIRoute = ({ props }) => {
  const csv = chartCsv(loadSite(), (props as { spec: ChartSpec }).spec);
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
