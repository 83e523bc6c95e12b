/**
 * An indicator's observations as an Apache Parquet file (`indicators/<id>.parquet`): the tidy
 * columns of the CSV (src/lib/observation.ts), typed, so that analysts load the whole history
 * of an indicator straight into R (arrow), Python (pandas, polars) or DuckDB. Text columns are
 * strings, `value` a double rounded as in the CSV (null when there is no publishable value) and
 * `break` the breaks that start at the period joined by ";" as in the CSV. Written with
 * hyparquet-writer (Snappy-compressed pages, dictionary-encoded where it pays).
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import { formatPlain } from '../../src/lib/numbers.ts';
import { OBSERVATION_COLUMNS, type Observation } from '../../src/lib/observation.ts';

export function observationsParquet(rows: readonly Observation[], decimalsOf: (indicator: string) => number, createdBy: string): Uint8Array {
  const text = (f: (o: Observation) => string) => ({ data: rows.map(f), type: 'STRING' as const, nullable: false });
  const columns = {
    area_code: text((o) => o.area_code),
    area_name: text((o) => o.area_name),
    area_level: text((o) => o.area_level),
    indicator: text((o) => o.indicator),
    period: text((o) => o.period),
    value: { data: rows.map((o) => (o.value === null ? null : Number(formatPlain(o.value, decimalsOf(o.indicator))))), type: 'DOUBLE' as const, nullable: true },
    unit: text((o) => o.unit),
    status: text((o) => o.status),
    break: text((o) => o.break.join(';')),
  };
  const columnData = OBSERVATION_COLUMNS.map((name) => ({ name, ...columns[name as keyof typeof columns] }));
  return new Uint8Array(parquetWriteBuffer({ columnData, createdBy }));
}
