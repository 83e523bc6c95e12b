/**
 * The build's saved parse of the derived files (src/site/load-cache.ts, used by readSeries in
 * src/site/site.ts): the first reader parses and saves, a second reader of the same files gets
 * every field of every point back, in the same maps and order, from the saved file (shown by
 * changing a value in the CSV while keeping its size and time: the saved parse still answers);
 * files of another size or time are parsed again; a damaged file is refused with its name. Only
 * one process parses: while another holds the claim, a reader waits for its saved parse rather
 * than parse beside it, unless that process has ended.
 */
import { spawn, spawnSync } from 'node:child_process';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claimParse, readLoadCache, releaseParse } from '../../../src/site/load-cache.ts';
import { readSeries, type SeriesData } from '../../../src/site/site.ts';
import { NO_COMPARISONS, writeTinyDerived } from '../../helpers/site-fixture.ts';

const root = mkdtempSync(join(tmpdir(), 'load-cache-'));
after(() => rmSync(root, { recursive: true, force: true }));

const FIELDS = ['period', 'value', 'status', 'breaks', ...Object.keys(NO_COMPARISONS)];
/** The maps as plain data: indicator → area → every field of every point. */
const plain = (series: Map<string, Map<string, SeriesData>>) =>
  [...series].map(([id, byArea]) => [id, [...byArea].map(([code, s]) => [code, s.indicator, s.area, s.points.map((p) => FIELDS.map((f) => (p as unknown as Record<string, unknown>)[f]))])]);

/** A fresh derived folder, its catalogue as the site reads it, and an empty cache folder. */
function setUp(name: string) {
  const dir = join(root, name);
  mkdirSync(join(dir, 'cache'), { recursive: true });
  writeTinyDerived(dir);
  // A whole second, which the file system keeps exactly when it is set again.
  utimesSync(join(dir, 'observations.csv'), 1_780_000_000, 1_780_000_000);
  const catalogue = JSON.parse(readFileSync(join(dir, 'catalogue.json'), 'utf8'));
  const site = { ...catalogue, indicatorById: new Map(catalogue.indicators.map((i: { id: string }) => [i.id, i])) };
  return { dir, cache: join(dir, 'cache'), site };
}

/** Replaces 1250 by 1350 in observations.csv (same length); `keepTime` puts the old time back. */
function changeValue(dir: string, keepTime: boolean): void {
  const file = join(dir, 'observations.csv');
  const size = statSync(file).size;
  writeFileSync(file, readFileSync(file, 'utf8').replace(',1250,', ',1350,'));
  assert.equal(statSync(file).size, size);
  utimesSync(file, 1_780_000_000, keepTime ? 1_780_000_000 : 1_780_000_005);
}

test('a second reader gets the same series from the saved parse, and only for the same files', () => {
  const { dir, cache, site } = setUp('same');
  const parsed = readSeries(dir, site, cache);
  assert.ok(existsSync(join(cache, 'series.bin')), 'the first reader saved its parse');
  const unsaved = readSeries(dir, site);
  assert.deepEqual(plain(parsed), plain(unsaved), 'saving changes nothing of the parse');
  // The CSV changes but keeps its size and time: the saved parse answers (1250), so it was read.
  changeValue(dir, true);
  const again = readSeries(dir, site, cache);
  assert.deepEqual(plain(again), plain(parsed));
  assert.equal(again.get('count')!.get('SSS')!.points[1]!.value, 1250);
  assert.deepEqual(again.get('count')!.get('SSS')!.points[1]!.breaks, ['new-register']);
  assert.equal(again.get('share')!.get('TA01')!.points[0]!.rank, 3);
  // A newer time: parsed again (1350), and the new parse saved in place of the old.
  changeValue(dir, false);
  assert.equal(readSeries(dir, site, cache).get('count')!.get('SSS')!.points[1]!.value, 1350);
  assert.equal(readSeries(dir, site, cache).get('count')!.get('SSS')!.points[1]!.value, 1350);
});

test('a saved parse of other files is not used; a damaged one is refused with its name', () => {
  const { dir, cache, site } = setUp('damaged');
  readSeries(dir, site, cache);
  const file = join(cache, 'series.bin');
  assert.equal(readLoadCache(file, 'another key'), null);
  const bytes = readFileSync(file);
  writeFileSync(file, bytes.subarray(0, bytes.length - 100));
  assert.throws(() => readLoadCache(file, JSON.parse(JSON.stringify(readHeaderKey(bytes)))), (e: Error) => e.message.includes(file) && e.message.includes('ends early'));
  writeFileSync(file, Buffer.concat([Buffer.from('something else\n'), bytes]));
  assert.throws(() => readSeries(dir, site, cache), /not a load cache of this build \(unknown format\)/);
  writeFileSync(file, bytes.subarray(0, 10));
  assert.throws(() => readSeries(dir, site, cache), /series\.bin: not a load cache of this build \(unknown format\)/);
  const start = bytes.indexOf(10) + 1;
  const broken = Buffer.from(bytes);
  broken[start + 4] = 0x7b + 1; // the header's opening brace becomes "|"
  writeFileSync(file, broken);
  assert.throws(() => readSeries(dir, site, cache), /series\.bin: not a load cache of this build \(the header is not JSON\)/);
});

test('a parse that cannot be saved (no such folder) is still returned: saving only spares the other process a parse', () => {
  const { dir, site } = setUp('unsaved');
  const series = readSeries(dir, site, join(dir, 'no-such-folder'));
  assert.equal(series.get('count')!.get('SSS')!.points[1]!.value, 1250);
  assert.ok(!existsSync(join(dir, 'no-such-folder')));
});

test('while another live process holds the claim, the reader waits for its saved parse instead of parsing', async () => {
  const { dir, cache, site } = setUp('waits');
  // A parse of the unchanged files, saved aside; then the CSV changes, keeping its size and time.
  const aside = join(dir, 'aside');
  mkdirSync(aside);
  readSeries(dir, site, aside);
  assert.ok(!existsSync(join(aside, 'series.parsing')), 'the claim is released once the parse is saved');
  changeValue(dir, true);
  // Another process claims the parse and, 400 ms later, puts the saved file in place and releases the claim.
  const claim = join(cache, 'series.parsing');
  const other = spawn(process.execPath, ['-e', `setTimeout(() => { require('fs').renameSync(${JSON.stringify(join(aside, 'series.bin'))}, ${JSON.stringify(join(cache, 'series.bin'))}); require('fs').rmSync(${JSON.stringify(claim)}); }, 400)`]);
  writeFileSync(claim, String(other.pid));
  const t0 = performance.now();
  const series = readSeries(dir, site, cache);
  assert.ok(performance.now() - t0 >= 300, 'it waited for the other process');
  // 1250: the other process's parse of the old CSV; parsing here would have given 1350.
  assert.equal(series.get('count')!.get('SSS')!.points[1]!.value, 1250);
  await new Promise((resolvePromise) => (other.exitCode === null ? other.on('exit', resolvePromise) : resolvePromise(null)));
});

test('a claim left by a process that has ended, or without a process id, is not waited for: the reader parses, and releases only its own claim', () => {
  const { dir, cache, site } = setUp('ended');
  const ended = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  const claim = join(cache, 'series.parsing');
  writeFileSync(claim, ended.stdout.trim());
  changeValue(dir, false);
  assert.equal(readSeries(dir, site, cache).get('count')!.get('SSS')!.points[1]!.value, 1350);
  assert.ok(existsSync(claim), "the ended process's claim is left as it was");
  // A claim without a process id (as a claim created empty and never written would be) is not waited for either.
  writeFileSync(claim, '');
  const t0 = performance.now();
  readSeries(dir, site, cache);
  assert.ok(performance.now() - t0 < 5000, 'an empty claim is not waited for');
  rmSync(claim);
  assert.equal(claimParse(cache), 'mine');
  assert.equal(readFileSync(claim, 'utf8'), String(process.pid), 'a claim holds its process id from the moment it exists');
  assert.equal(claimParse(cache), 'other');
  releaseParse(cache);
  mkdirSync(join(dir, 'own'));
  readSeries(dir, site, join(dir, 'own'));
  assert.ok(existsSync(join(dir, 'own', 'series.bin')) && !existsSync(join(dir, 'own', 'series.parsing')), 'its own claim is released after saving');
});

/** The key in a saved file's header (the format line, 4 bytes of length, the JSON header). */
function readHeaderKey(bytes: Buffer): string {
  const start = bytes.indexOf(10) + 1;
  const length = bytes.readUInt32LE(start);
  return JSON.parse(bytes.subarray(start + 4, start + 4 + length).toString('utf8')).key;
}
