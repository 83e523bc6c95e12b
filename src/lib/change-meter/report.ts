/**
 * The importer's report for the submitter and the maintainer: what was published, every
 * withheld row with its reasons, and advice. It names small-n and protection reasons, so it is
 * printed and kept in the private record only, never published: the published files do not say
 * why a single row is withheld, because that would narrow down the hidden numbers.
 */
import { MERGE_ADVICE } from './rules.ts';
import type { ChangeMeterImport, WithheldRow } from './import.ts';
import type { ChangeMeterManifestEntry } from '../../schema/change-meter.ts';

/** What a publication replaced. */
export interface Replaced {
  file: string;
  /** The previous entry, if the instrument was published before. */
  previous?: ChangeMeterManifestEntry;
}

/** The report the command prints. `source` names the submitted file (with its hash): private. */
export function formatReport(result: ChangeMeterImport, source: string, replaced: readonly Replaced[] = []): string {
  const lines: string[] = [];
  lines.push(`change meter: ${source} imported at ${result.imported_at}`);
  for (const i of result.instruments) {
    const e = i.entry;
    lines.push(`  published ${i.file}: ${e.rows} rows — ${e.rows_ok} ok, ${e.rows_shares_suppressed} shares suppressed, ${e.rows_suppressed} suppressed; periods ${e.periods.join(', ')}`);
    const prev = replaced.find((r) => r.file === i.file)?.previous;
    if (prev) lines.push(`    replaces the import of ${prev.imported_at} (${prev.rows} rows)`);
  }
  if (result.withheld.length) {
    lines.push('withheld:');
    // One line per row: its final status, then every reason in the order the rules applied.
    const byLine = new Map<number, WithheldRow[]>();
    for (const w of result.withheld) byLine.set(w.line, [...(byLine.get(w.line) ?? []), w]);
    for (const [line, notes] of [...byLine].sort(([a], [b]) => a - b)) {
      const last = notes.at(-1)!;
      const why = notes.map((w) => `${w.reason} (rule ${w.rule})`).join('; then ');
      lines.push(`  row ${line} ${last.area_code} ${last.period} "${last.dimension}": ${last.status} — ${why}`);
    }
    const primary = new Set(result.withheld.filter((w) => w.rule !== 'protection-interval' && w.rule !== 'linked-dimensions').map((w) => w.line));
    const extra = new Set(result.withheld.filter((w) => !primary.has(w.line)).map((w) => w.line));
    lines.push(
      `advice: ${primary.size} row(s) had too few customers in a figure${extra.size ? ` and ${extra.size} more had to be withheld so that no withheld count can be pinned under 5 from what is published` : ''}. ${MERGE_ADVICE}`,
    );
  } else {
    lines.push('withheld: nothing');
  }
  for (const w of result.warnings) lines.push(`note: ${w}`);
  return lines.join('\n');
}
