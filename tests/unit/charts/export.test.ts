/**
 * A saved chart carries its source: the exported SVG holds the title, the areas and period, the
 * source, the licence and the portal's address around the drawing, at the drawing's own size.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { exportSvg, wrapLines } from '../../../src/charts/export.ts';
import { lineChart } from '../../../src/charts/line.ts';
import { textWidth } from '../../../src/charts/labels.ts';
import { embedCode, EMBED_MESSAGE } from '../../../src/lib/embed.ts';

const parse = (svg: string) => parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;
/** The texts written around the drawing (direct children of the outer SVG). */
const frameTexts = (doc: Document) => [...doc.querySelectorAll('body > svg > text')].map((t) => t.textContent ?? '');

const texts = {
  title: 'Työttömien osuus: Kuopio & Lahti',
  description: 'Työttömien osuus, %: Kuopio verrattuna: Koko maa, syyskuu 2023–elokuu 2026.',
  source: 'Lähde: Työnvälitystilasto. Ajanjakso: tammikuu 2006–elokuu 2026.',
  licence: 'Tiedot: CC BY 4.0 (tuottajat: ks. lähde).',
  address: 'https://tilannekuva.example/fi/area/ta17/#chart-unemployment-share',
};

describe('exportSvg', () => {
  test('a drawing framed by title, areas and period, source, licence and address', () => {
    const out = exportSvg('<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 800 300"><rect width="800" height="300"/></svg>', { ...texts, notes: ['Kuvio näyttää ajanjakson syyskuu 2023–elokuu 2026.', 'Pystyakseli ei ala nollasta.'] });
    const doc = parse(out);
    const outer = doc.querySelector('body > svg')!;
    const all = frameTexts(doc).join(' ');
    for (const want of ['Työttömien osuus: Kuopio & Lahti', 'syyskuu 2023–elokuu 2026', 'Pystyakseli ei ala nollasta.', 'Lähde: Työnvälitystilasto.', 'CC BY 4.0', 'https://tilannekuva.example/fi/area/ta17/#chart-unemployment-share']) {
      assert.ok(all.includes(want), `missing: ${want} in ${all}`);
    }
    assert.equal(doc.querySelector('body > svg > title')?.textContent, 'Työttömien osuus: Kuopio & Lahti');
    // The ampersand is escaped in the markup (the file is XML).
    assert.ok(out.includes('Kuopio &amp; Lahti'));
    // The drawing keeps its size: 800 × 300 at x 16, inside a frame 832 wide and taller than 300.
    const inner = outer.querySelector(':scope > svg')!;
    assert.equal(inner.getAttribute('width'), '800');
    assert.equal(inner.getAttribute('height'), '300');
    assert.equal(inner.getAttribute('x'), '16');
    assert.equal(outer.getAttribute('width'), '832');
    assert.ok(Number(outer.getAttribute('height')) > 300 + 5 * 12);
    // The title is above the drawing, the address below it.
    const y = (text: string) => Number([...doc.querySelectorAll('body > svg > text')].find((t) => t.textContent?.includes(text))!.getAttribute('y'));
    const top = Number(inner.getAttribute('y'));
    assert.ok(y('Kuopio & Lahti') < top);
    assert.ok(y('https://') > top + 300);
  });

  test('a phone-sized drawing gets a frame wide enough for its texts, and long texts wrap', () => {
    const out = exportSvg('<svg viewBox="0 0 358 240"></svg>', { ...texts, description: 'sana '.repeat(60).trim() });
    const doc = parse(out);
    assert.equal(doc.querySelector('body > svg')!.getAttribute('width'), '560');
    assert.equal(doc.querySelector('body > svg > svg')!.getAttribute('x'), String(16 + (528 - 358) / 2));
    const lines = frameTexts(doc).filter((t) => t.startsWith('sana'));
    assert.ok(lines.length >= 3, `the description wraps: ${lines.length} lines`);
    for (const l of lines) assert.ok(textWidth(l, 13) <= 528);
  });

  test('a real line chart keeps its marks and gains the texts', () => {
    const svg = lineChart({
      series: [{ key: 'TA17', label: 'Kuopio', role: 'area', points: [{ period: '2026-07', value: 12.9, status: 'ok' }, { period: '2026-08', value: 11.9, status: 'ok' }] }],
      lang: 'fi',
      decimals: 1,
      unit: 'percent',
      breaks: [],
      ariaLabel: 'Työttömien osuus: Kuopio',
      ariaDescription: 'kuvaus',
    });
    const doc = parse(exportSvg(svg, texts));
    assert.equal(doc.querySelectorAll('body > svg > svg[aria-label="Työttömien osuus: Kuopio"]').length, 1);
    assert.ok(frameTexts(doc).some((t) => t.includes('CC BY 4.0')));
  });

  test('markup without a viewBox is refused', () => {
    assert.throws(() => exportSvg('<div></div>', texts), /viewBox/);
  });
});

describe('wrapLines', () => {
  test('breaks between words only', () => {
    assert.deepEqual(wrapLines('yksi kaksi kolme', 12, 60), ['yksi', 'kaksi', 'kolme']);
    assert.deepEqual(wrapLines('yksi kaksi kolme', 12, 1000), ['yksi kaksi kolme']);
  });
});

describe('embedCode', () => {
  test('an iframe taller than the old 460 px, and the script that sizes it to the message', () => {
    const code = embedCode('https://x.example/fi/embed/?areas=TA17&ind=unemployment-share', 'Työttömien osuus "Kuopio"');
    assert.match(code, /^<iframe data-tilannekuva src="https:\/\/x\.example\/fi\/embed\/\?areas=TA17&ind=unemployment-share" title="Työttömien osuus &quot;Kuopio&quot;" width="680" height="720" style="border:0;max-width:100%"><\/iframe>\n<script>/);
    assert.ok(code.includes(`d.type!=="${EMBED_MESSAGE}"`));
    assert.ok(code.includes('f.contentWindow===e.source'));
  });
});
