/**
 * The one place the refresh tools take the validate stage's cell parsing from. The coverage guard
 * reads raw parts exactly as validate does (roles, periods, prefixed content codes, suppression
 * symbols); when scripts/lib/validate/raw-cells.ts moves, only this import changes.
 */
export { appendCells, emptyCells, parseJsonStat, valueRules, type ValueRules } from '../validate/raw-cells.ts';
