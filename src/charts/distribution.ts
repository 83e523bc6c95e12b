/**
 * Distribution of one indicator across areas (a strip of dots, Observable Plot) with the whole
 * country marked as a labelled rule and, optionally, one area emphasised.
 */
import * as Plot from '@observablehq/plot';
import { formatNumber, type Lang } from '../i18n/format.ts';
import { fixAria } from './aria.ts';
import { serverDocument } from './dom.ts';

export interface DistributionOptions {
  values: { code: string; name: string; value: number }[];
  country: number | null;
  countryLabel: string;
  highlight?: string;
  lang: Lang;
  decimals: number;
  ariaLabel: string;
  ariaDescription: string;
  width?: number;
}

export function distributionChart(o: DistributionOptions): string {
  const fmt = (v: number) => formatNumber(o.lang, v, Math.min(o.decimals, 1));
  const svg = Plot.plot({
    document: serverDocument(),
    width: o.width ?? 640,
    height: 110,
    marginLeft: 20,
    marginRight: 20,
    marginTop: 28,
    ariaLabel: o.ariaLabel,
    ariaDescription: o.ariaDescription,
    style: { fontSize: '12px', fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', color: '#1b1b1b', background: 'transparent' },
    x: { label: null, tickFormat: fmt, grid: true },
    y: { axis: null },
    marks: [
      Plot.dot(
        o.values.filter((v) => v.code !== o.highlight),
        Plot.dodgeY({ x: 'value', r: 4, fill: '#7eaed8', stroke: '#3f7fbd', ariaDescription: 'areas' } as Plot.DotOptions & Plot.DodgeYOptions),
      ),
      Plot.dot(
        o.values.filter((v) => v.code === o.highlight),
        { x: 'value', y: 0, r: 6, fill: '#0b4f8a', stroke: '#1b1b1b', ariaDescription: 'this area' },
      ),
      ...(o.country === null
        ? []
        : [
            Plot.ruleX([o.country], { stroke: '#3d3d3d', strokeDasharray: '6,3', ariaDescription: 'whole country' }),
            Plot.text([o.country], { x: (d: number) => d, frameAnchor: 'top', dy: -16, text: () => `${o.countryLabel} ${fmt(o.country!)}`, fill: '#3d3d3d', ariaDescription: 'whole country label' }),
          ]),
    ],
  }) as unknown as Element;
  return fixAria(svg).outerHTML;
}
