/**
 * Turning a source's `pxweb` block and the table's GET metadata into a plan of what to request.
 *
 * Nothing here knows a variable code in advance: Statistics Finland renamed codes on 8 June 2026
 * (`Kuukausi` → `timeperiod_m`, `Alue` → `alue_23_20260101` in vaerak, content codes gained
 * prefixes such as `vaerak-vaesto`), and codes are dated, so they may change again. Every role is
 * found from the metadata, and a code the source asks for that the table no longer has stops the
 * run with a message naming the table, the variable and the code. All functions here are pure.
 */
import type { PxWebMetadata } from '../../../src/schema/raw.ts';
import type { Source } from '../../../src/schema/source.ts';
import { AcquireError } from './errors.ts';

export type PxVariable = PxWebMetadata['variables'][number];
type PxWebTable = NonNullable<Source['pxweb']>;

/** One variable of the query with the values to select. */
interface SelectedVariable {
  code: string;
  text: string;
  values: string[];
}

/** What to request from one table, built from its metadata. */
export interface TablePlan {
  /** Source id, e.g. `statfin-tyonv-12r5`. */
  source: string;
  /** Table path after the database, e.g. `tyonv/12r5.px`. */
  table: string;
  /** The time variable with every period the table has, oldest first (metadata order). */
  time: SelectedVariable;
  /** The area variable with the selected areas; null if the table has no area variable. */
  area: SelectedVariable | null;
  /** The contents variable with the selected content codes as the table spells them. */
  contents: SelectedVariable;
  /** Other variables fixed to the values the source asks for. */
  fixed: SelectedVariable[];
  /** Codes of variables left out of the query (the API then returns their total). */
  eliminated: string[];
  /** Variable codes in the table's own order (queries list them in this order). */
  order: string[];
}

const TIME_NAME = /kuukausi|vuosi|month|year|timeperiod/i;
const AREA_VALUE = /^(KU|MK|SK|ELY|TA)(\d|JO)/;
const AREA_NAME = /alue|område|region|area/i;
const CONTENTS_NAME = /^(tiedot|uppgifter|information|contents?|contentscode)$/i;

/** `statfin-tyonv-12r5 (tyonv/12r5.px)`: how messages name a table. */
export function tableName(source: string, table: string): string {
  return `${source} (${table})`;
}

/** Result of looking a content code up among a variable's values. */
export type CodeMatch =
  | { kind: 'exact'; code: string }
  | { kind: 'prefixed'; code: string }
  | { kind: 'missing' }
  | { kind: 'ambiguous'; codes: string[] };

/**
 * Finds `wanted` among `values`: exactly first, then as the part after a `prefix-`
 * (`vaesto` → `vaerak-vaesto`, `Tyottomyysaste` → `tyti-Tyottomyysaste`). Two prefixed
 * candidates are ambiguous; the caller must fail rather than guess.
 */
export function matchCode(values: readonly string[], wanted: string): CodeMatch {
  if (values.includes(wanted)) return { kind: 'exact', code: wanted };
  const candidates = values.filter((v) => {
    const dash = v.indexOf('-');
    return dash > 0 && v.slice(dash + 1) === wanted;
  });
  if (candidates.length === 1) return { kind: 'prefixed', code: candidates[0]! };
  if (candidates.length > 1) return { kind: 'ambiguous', codes: candidates };
  return { kind: 'missing' };
}

/** The time variable: `time: true`, else the one whose code or text names a period. */
export function findTimeVariable(meta: PxWebMetadata, where: string): PxVariable {
  const flagged = meta.variables.filter((v) => v.time === true);
  if (flagged.length === 1) return flagged[0]!;
  if (flagged.length > 1) throw new AcquireError(`${where}: the metadata marks ${flagged.length} variables as time (${flagged.map((v) => v.code).join(', ')}); cannot tell which is the period.`);
  const named = meta.variables.filter((v) => TIME_NAME.test(v.code) || TIME_NAME.test(v.text));
  if (named.length === 1) return named[0]!;
  throw new AcquireError(
    named.length === 0
      ? `${where}: no time variable in the metadata (none has time: true or a name like kuukausi/vuosi/month/year/timeperiod; variables: ${meta.variables.map((v) => v.code).join(', ')}).`
      : `${where}: several variables look like time (${named.map((v) => v.code).join(', ')}) and none has time: true.`,
  );
}

/**
 * The area variable: the one whose values include municipality or other area codes (`KU…`,
 * `MK…`, `SK…`, `ELY…`, `TA…`), else one named like an area whose values include `SSS`. `SSS`
 * alone is not enough because other variables (sex, age) use it as their total. Null if none.
 */
export function findAreaVariable(meta: PxWebMetadata, exclude: readonly string[], where: string): PxVariable | null {
  const rest = meta.variables.filter((v) => !exclude.includes(v.code));
  const withAreas = rest.filter((v) => v.values.some((c) => AREA_VALUE.test(c)));
  if (withAreas.length === 1) return withAreas[0]!;
  if (withAreas.length > 1) throw new AcquireError(`${where}: several variables hold area codes (${withAreas.map((v) => v.code).join(', ')}); cannot tell which is the area.`);
  const named = rest.filter((v) => v.values.includes('SSS') && (AREA_NAME.test(v.code) || AREA_NAME.test(v.text)));
  return named.length === 1 ? named[0]! : null;
}

function pickContentsVariable(rest: PxVariable[], wanted: readonly string[], where: string): PxVariable {
  if (rest.length === 1) return rest[0]!;
  if (wanted.length > 0) {
    const byValues = rest.filter((v) => wanted.every((w) => {
      const m = matchCode(v.values, w);
      return m.kind === 'exact' || m.kind === 'prefixed';
    }));
    if (byValues.length === 1) return byValues[0]!;
  }
  const byName = rest.filter((v) => CONTENTS_NAME.test(v.code) || CONTENTS_NAME.test(v.text));
  if (byName.length === 1) return byName[0]!;
  throw new AcquireError(
    `${where}: cannot tell which variable holds the contents among ${rest.map((v) => `${v.code} ("${v.text}")`).join(', ') || 'none'}; ` +
      `list the content codes under pxweb.contents in the source file so they can be matched.`,
  );
}

function lookupFixed(fixed: Record<string, string[]>, v: PxVariable): { key: string; values: string[] } | null {
  for (const [key, values] of Object.entries(fixed)) if (key === v.code || key === v.text) return { key, values };
  const lc = (s: string) => s.toLowerCase();
  for (const [key, values] of Object.entries(fixed)) if (lc(key) === lc(v.code) || lc(key) === lc(v.text)) return { key, values };
  return null;
}

/**
 * Builds the plan for one table from its (Finnish) metadata and the source's `pxweb` block.
 * Throws an {@link AcquireError} naming the table, the variable and the code for a content code
 * that is missing or ambiguous, a fixed value the table lacks, or a variable that must be fixed.
 */
export function buildPlan(sourceId: string, pxweb: PxWebTable, meta: PxWebMetadata, sourceFile = `data/sources/${sourceId}.yaml`): TablePlan {
  const where = tableName(sourceId, pxweb.table);
  const timeVar = findTimeVariable(meta, where);
  if (timeVar.values.length === 0) throw new AcquireError(`${where}: the time variable ${timeVar.code} has no values in the metadata.`);
  const areaVar = findAreaVariable(meta, [timeVar.code], where);
  const taken = [timeVar.code, ...(areaVar ? [areaVar.code] : [])];
  const rest = meta.variables.filter((v) => !taken.includes(v.code));
  const contentsVar = pickContentsVariable(rest, pxweb.contents, where);

  // Contents: every listed code must match exactly one value.
  let contentValues: string[];
  if (pxweb.contents.length === 0) contentValues = [...contentsVar.values];
  else {
    contentValues = pxweb.contents.map((w) => {
      const m = matchCode(contentsVar.values, w);
      if (m.kind === 'exact' || m.kind === 'prefixed') return m.code;
      if (m.kind === 'ambiguous')
        throw new AcquireError(
          `${where}: content code "${w}" is ambiguous in variable ${contentsVar.code}: it matches ${m.codes.join(' and ')}. ` +
            `Write the full code under pxweb.contents in ${sourceFile}.`,
        );
      throw new AcquireError(
        `${where}: content code "${w}" is not in variable ${contentsVar.code} (neither exactly nor after a prefix-); ` +
          `the table has ${contentsVar.values.slice(0, 30).join(', ')}${contentsVar.values.length > 30 ? ', …' : ''}. ` +
          `The code was probably renamed: update pxweb.contents in ${sourceFile}.`,
      );
    });
  }
  if (contentValues.length === 0) throw new AcquireError(`${where}: the contents variable ${contentsVar.code} has no values in the metadata.`);

  // Areas: by code prefix.
  let area: SelectedVariable | null = null;
  if (areaVar) {
    const prefixes = pxweb.area_prefixes;
    const values = prefixes.length === 0 ? [...areaVar.values] : areaVar.values.filter((c) => prefixes.some((p) => c.startsWith(p)));
    if (values.length === 0)
      throw new AcquireError(`${where}: no value of the area variable ${areaVar.code} starts with ${prefixes.join(', ')}; check pxweb.area_prefixes in ${sourceFile}.`);
    area = { code: areaVar.code, text: areaVar.text, values };
  } else if (pxweb.area_prefixes.length > 0) {
    throw new AcquireError(`${where}: pxweb.area_prefixes is set (${pxweb.area_prefixes.join(', ')}) but the table has no area variable (variables: ${meta.variables.map((v) => v.code).join(', ')}).`);
  }

  // Other variables: fixed, else eliminated, else an error.
  const fixed: SelectedVariable[] = [];
  const eliminated: string[] = [];
  const usedKeys = new Set<string>();
  for (const v of rest) {
    if (v === contentsVar) continue;
    const f = lookupFixed(pxweb.fixed, v);
    if (f) {
      usedKeys.add(f.key);
      const values = f.values.map((want) => {
        if (v.values.includes(want)) return want;
        const byText = v.values[v.valueTexts.indexOf(want)];
        if (v.valueTexts.includes(want) && byText !== undefined) return byText;
        throw new AcquireError(
          `${where}: fixed value "${want}" is not in variable ${v.code} ("${v.text}"); the table has ${v.values.slice(0, 30).join(', ')}. Update pxweb.fixed in ${sourceFile}.`,
        );
      });
      if (values.length === 0) throw new AcquireError(`${where}: pxweb.fixed gives no values for ${v.code} in ${sourceFile}.`);
      fixed.push({ code: v.code, text: v.text, values });
    } else if (v.elimination === true) {
      eliminated.push(v.code);
    } else {
      throw new AcquireError(
        `${where}: variable ${v.code} ("${v.text}") cannot be left out of a query (no elimination) and is not fixed; ` +
          `add e.g. \`fixed: { ${v.code}: [${v.values[0] ?? '…'}] }\` under pxweb in ${sourceFile}.`,
      );
    }
  }
  const unused = Object.keys(pxweb.fixed).filter((k) => !usedKeys.has(k));
  if (unused.length > 0)
    throw new AcquireError(`${where}: pxweb.fixed names ${unused.join(', ')}, which is not a variable of the table (variables: ${meta.variables.map((v) => v.code).join(', ')}); update ${sourceFile}.`);

  return {
    source: sourceId,
    table: pxweb.table,
    time: { code: timeVar.code, text: timeVar.text, values: [...timeVar.values] },
    area,
    contents: { code: contentsVar.code, text: contentsVar.text, values: contentValues },
    fixed,
    eliminated,
    order: meta.variables.map((v) => v.code).filter((c) => !eliminated.includes(c)),
  };
}
