/**
 * The portal's visual language for charts and maps, in one place (docs/design-note.md explains
 * it): the palette, the type scale of chart text, the sizes charts are drawn at, and how each
 * value status is drawn. Every chart builder, the comparison tool and the embeds read these
 * constants; nothing else defines a chart colour or size.
 */

/** The selected area (a profile's own area, the first area compared): always this blue. */
export const SUBJECT = '#0b4f8a';
/** The whole country: dark grey, always dashed. */
export const COUNTRY = '#3d3d3d';
/** Reference marks (comparability breaks, withheld values). */
export const ALERT = '#8a1c1c';
/** Axis and label text. */
export const INK = '#1b1b1b';
/** Secondary text (notes, leaders). */
export const MUTED = '#4d5660';
/** Grid lines and faint rules. */
export const GRID = '#d5dbe1';

/**
 * Categorical colours for several areas at once (similar areas, the comparison tool): the
 * Okabe–Ito colour-blind-safe set, darkened so that each keeps at least 3:1 against white. The
 * first is the selected area's blue; lines also differ by width and the country by its dashes,
 * and every line carries its name, so colour is never the only cue.
 */
export const CATEGORICAL = ['#0b4f8a', '#b35900', '#007a5e', '#a8327d', '#5a3e9b', '#8a6d00', '#00718f', '#b3261e', '#4d6b00', '#6b4e32'] as const;

/** Sequential classes of maps, light to dark (position among the areas, never good or bad). */
export const SEQUENTIAL = ['#e8f1fa', '#b9d4ec', '#7eaed8', '#3f7fbd', '#0b4f8a'] as const;
/** Areas without a value on maps. */
export const NO_VALUE = '#d9d9d9';

/** The font of every chart: the system stack, as the page (no web fonts are loaded). */
const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/**
 * Type scale of chart text, in CSS pixels at the size a chart is drawn for. Each chart is drawn
 * at the width it is shown at (a wide and a narrow drawing, see `WIDTHS`), so these are the sizes
 * a reader sees: never below 12 px.
 */
export const TYPE = {
  /** Axis ticks, notes inside a chart. */
  axis: 12,
  /** Direct labels of lines and points. */
  label: 13,
  /** The selected area's label (bold). */
  subject: 13,
  /** Names on maps (in map units; maps are drawn 300 units wide and shown at 300–460 px). */
  map: 10.5,
} as const;

/**
 * Drawing widths (CSS pixels). `wide` fills the content column on screens of 48rem and more
 * (the column is at most 72rem less padding); `narrow` is drawn for a phone (390 px less
 * padding) and shown up to 36rem wide. The page shows one of the two by a media query.
 */
export const WIDTHS = { wide: 1100, narrow: 358, history: 900 } as const;

/** Default window of a time series: the last 36 months (or 10 years of annual data). */
export const WINDOW = { months: 36, years: 10 } as const;

/** Line widths by role. */
export const STROKE = { area: 3, country: 2, peer: 1.6 } as const;
/** Dashes: the country's line, and an estimated stretch of any line. */
export const DASH = { country: '7,4', estimate: '2,3' } as const;

/**
 * How each value status is drawn (lines, dots, maps), so charts agree:
 * - `estimate`: the line is dotted and lighter over estimated periods; dots are hollow;
 * - `lower_bound`: a hollow triangle pointing up (the true value is at least this);
 * - `upper_bound`: a hollow triangle pointing down (the true value is at most this);
 * - `incomplete`: a hollow diamond (the true value may be higher or lower);
 * - `suppressed`: a cross on the bottom edge (no value is shown);
 * - bounds are hatched on maps, estimates dotted-outlined.
 */
export const STATUS_MARK = {
  lower_bound: { symbol: 'triangle', rotate: 0 },
  upper_bound: { symbol: 'triangle', rotate: 180 },
  incomplete: { symbol: 'diamond', rotate: 0 },
} as const;
/** Opacity of an estimated stretch of a line. */
export const ESTIMATE_OPACITY = 0.75;

/** The Plot `style` of every chart. */
export const PLOT_STYLE = { fontSize: `${TYPE.axis}px`, fontFamily: FONT_FAMILY, color: INK, background: 'transparent', overflow: 'visible' } as const;
