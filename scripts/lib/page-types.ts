/** One page of each type, measured by the benchmarks (bench-build, bench-lighthouse). */
export const BENCH_PAGES: readonly (readonly [label: string, path: string])[] = [
  ['front page', '/fi/'],
  ['employment area', '/fi/area/ta19/'],
  ['municipality', '/fi/area/ku091/'],
  ['region', '/fi/area/mk07/'],
  ['indicator', '/fi/indicator/unemployment-share/'],
  ['methodology', '/fi/methodology/unemployment-share/'],
  ['progress (theme)', '/fi/progress/'],
  ['compare', '/fi/compare/?areas=TA19,TA08,TA33&ind=unemployment-share'],
  ['search', '/fi/search/'],
  ['practices', '/fi/practices/'],
  ['practice', '/fi/practices/jalava-change-meter/'],
];
