/**
 * The portal's pages in a real browser. Expected numbers come from the source files
 * (../shared/data/README.md, domain.md section 5): whole country 2026-06 unemployed 352,001;
 * Helsinki 52,578 unemployed in 2026-06, and its register share 13.7 % in 2026-08 (StatFin 12tf,
 * the latest month). The whole country's share of 2026-08 is the portal's estimate (not in the
 * source), so the tests check that it is marked and explained rather than its value.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, plain } from './helpers.ts';

const langs = ['fi', 'sv', 'en'] as const;
const num = { fi: { u: '352 001', h: '52 578', hs: '13,7 %' }, sv: { u: '352 001', h: '52 578', hs: '13,7 %' }, en: { u: '352,001', h: '52,578', hs: '13.7 %' } };
/** The latest month, the estimate marker and the start of the estimate's explanation in each language. */
const latest = { fi: 'elokuu 2026', sv: 'augusti 2026', en: 'August 2026' };
const estimate = { fi: ['(arvio)', 'Arvio: alueen osuus'], sv: ['(uppskattning)', 'Uppskattning: områdets andel'], en: ['(estimate)', 'Estimate: the area'] };
const noPrevious = { fi: 'ei arvoa vuotta aiemmin', sv: 'inget värde ett år tidigare', en: 'no value a year earlier' };
// People in services in the whole country 2026-06, by hand from the six service stocks of the
// source (12,053 + 20,990 + 536 + 3,430 + 0 + 27,189 = 64,198), and their share of unemployed +
// in services: 64,198 / (352,001 + 64,198) = 15.4 %.
// Benefits on Lahti's page, by hand from the source files: Kela 7,064 (2026-08) against 6,447
// (2025-08): +617, +9.6 %; the earnings-related allowance 89,893 (2026-07) against 104,224
// (2025-07): −14,331, −13.8 %.
const benefits = {
  fi: { kela: '7 064', kelaMonth: 'elokuu 2026', kelaChange: '+617 (+9,6 %)', notAdditive: 'kuntien lukuja ei lasketa yhteen', wholeCountry: 'Koko maa (ei kunnittain)', fund: '89 893', fundMonth: 'heinäkuu 2026', fundChange: '−14 331 (−13,8 %)', fundProducer: 'Finanssivalvonta' },
  sv: { kela: '7 064', kelaMonth: 'augusti 2026', kelaChange: '+617 (+9,6 %)', notAdditive: 'kommunernas siffror summeras inte', wholeCountry: 'Hela landet (inte per kommun)', fund: '89 893', fundMonth: 'juli 2026', fundChange: '−14 331 (−13,8 %)', fundProducer: 'Finansinspektionen' },
  en: { kela: '7,064', kelaMonth: 'August 2026', kelaChange: '+617 (+9.6 %)', notAdditive: 'municipal figures are not added up', wholeCountry: 'Whole country (not by municipality)', fund: '89,893', fundMonth: 'July 2026', fundChange: '−14,331 (−13.8 %)', fundProducer: 'Financial Supervisory Authority' },
};
const services = { fi: ['64 198', '15,4 %'], sv: ['64 198', '15,4 %'], en: ['64,198', '15.4 %'] };

// axe runs here only on pages all-pages.spec.ts does not check: that spec checks every page type
// in every language, among them the front page, area/ku091/, area/ku398/, progress/,
// methodology/customer-change/ and methodology/unemployment-share/ opened here.
for (const lang of langs) {
  test.describe(`${lang}`, () => {
    test('front page leads with August 2026 and the change over a year, the estimate marked and explained', async ({ page }) => {
      await page.goto(`/${lang}/`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const now = plain(await page.locator('section.now').innerText());
      expect(now).toContain(latest[lang]);
      // The whole country's share and its change over a year, both marked as estimates.
      const changes = plain(await page.locator('.now-changes dd').first().innerText());
      expect(changes).toMatch(/^[+−]?\d/);
      expect(changes).toContain(estimate[lang][0]);
      expect(now).toContain(estimate[lang][1]);
      const cards = plain(await page.locator('section[aria-labelledby="latest"] .cards').innerText());
      expect(cards).toContain(num[lang].u);
    });

    test('employment-area profile of Helsinki shows its figures and rank', async ({ page }) => {
      await page.goto(`/${lang}/area/ta08/`);
      const latest = plain(await page.locator('#latest').locator('..').innerText());
      expect(latest).toContain(num[lang].h);
      expect(latest).toContain(num[lang].hs);
      // Rank among the 45 areas is shown as n/45.
      expect(latest).toMatch(/\d+\/45/);
      await expect(page.locator('figure.chart svg').first()).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('municipality profile of Helsinki shows its figures and its employment area and region', async ({ page }) => {
      await page.goto(`/${lang}/area/ku091/`);
      const text = plain(await page.locator('main').innerText());
      expect(text).toContain(num[lang].h);
      expect(text).toContain(num[lang].hs);
      await expect(page.locator('dl.facts a[href$="/area/ta08/"]')).toHaveCount(1);
      await expect(page.locator('dl.facts a[href$="/area/mk01/"]')).toHaveCount(1);
    });

    test('municipality profile of Lahti shows Kela recipients there beside the whole country’s earnings-related allowance recipients', async ({ page }) => {
      test.setTimeout(60_000);
      await page.goto(`/${lang}/area/ku398/`);
      const section = page.locator('section', { has: page.locator('h2#benefits') });
      // Kela (../shared/data/kela, municipality 398): 7,064 recipients in 2026-08, 6,447 in 2025-08.
      const kela = plain(await section.locator('.card[data-indicator="kela-benefit-recipients"]').innerText());
      expect(kela).toContain('Lahti');
      expect(kela).toContain(benefits[lang].kela);
      expect(kela).toContain(benefits[lang].kelaMonth);
      expect(kela).toContain(benefits[lang].kelaChange);
      expect(kela).toContain(benefits[lang].notAdditive);
      // Finanssivalvonta (../shared/data/outlook): 89,893 recipients in 2026-07, 104,224 in 2025-07,
      // for the whole country only.
      const fund = plain(await section.locator('.card[data-indicator="earnings-related-allowance-recipients"]').innerText());
      expect(fund).toContain(benefits[lang].wholeCountry);
      expect(fund).toContain(benefits[lang].fund);
      expect(fund).toContain(benefits[lang].fundMonth);
      expect(fund).toContain(benefits[lang].fundChange);
      expect(fund).toContain(benefits[lang].fundProducer);
    });

    test('indicator page ranks the 45 employment areas with Helsinki at 13.7 %, estimates marked and explained', async ({ page }) => {
      await page.goto(`/${lang}/indicator/unemployment-share/`);
      const rows = page.locator('table.sortable tbody tr');
      await expect(rows).toHaveCount(46); // 45 ranked + Åland, not ranked
      const helsinki = rows.filter({ has: page.locator('a[href$="/area/ta08/"]') });
      expect(plain(await helsinki.innerText())).toContain(num[lang].hs);
      expect(plain(await page.locator('tfoot').innerText())).toContain(estimate[lang][0]);
      expect(plain(await page.locator('main').innerText())).toContain(estimate[lang][1]);
      await expectNoAxeViolations(page);
    });

    test('employment-area profiles mark their estimated share and explain it', async ({ page }) => {
      // Kuopio (TA17, 11 municipalities): its share of 2026-08 is an estimate.
      await page.goto(`/${lang}/area/ta17/`);
      const text = plain(await page.locator('#latest').locator('..').innerText());
      expect(text).toContain(estimate[lang][0]);
      expect(text).toContain(estimate[lang][1]);
      await expectNoAxeViolations(page);
    });

    test('progress page shows the services of the whole country and the 45 areas side by side', async ({ page }) => {
      await page.goto(`/${lang}/progress/`);
      const country = plain(await page.locator('#country').locator('..').innerText());
      for (const v of services[lang]) expect(country).toContain(v);
      await expect(page.locator('#areas ~ div table.sortable tbody tr')).toHaveCount(45);
      await expect(page.locator('[data-change-meter="none"] a[href$="/methodology/customer-change/"]')).toHaveCount(1);
    });

    test('customer-change methodology gives the privacy rules and the format files', async ({ page }) => {
      await page.goto(`/${lang}/methodology/customer-change/`);
      await expect(page.locator('.prose ol li')).toHaveCount(7 + 4); // seven rules, four steps to publish
      for (const f of ['template.csv', 'schema.json', 'row.schema.json', 'published.schema.json']) {
        await expect(page.locator(`a[href="/data/change-meter/${f}"]`)).toHaveCount(1);
      }
    });

    test('methodology page gives the formula in source codes', async ({ page }) => {
      await page.goto(`/${lang}/methodology/unemployment-share/`);
      expect(plain(await page.locator('main').innerText())).toContain('100 × TYOTTOMATLOPUSSA / TYOVOIMATK');
    });
  });
}

test('at 320 px each front-page heading keeps its longest word on one line', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const lang of langs) {
    await page.goto(`/${lang}/`);
    // The width of the heading's longest word as one unbroken run of text, against the heading's own width.
    const fit = await page.locator('h1').evaluate((h) => {
      const probe = document.createElement('span');
      probe.style.whiteSpace = 'nowrap';
      probe.textContent = h.textContent!.split(/\s+/).sort((a, b) => b.length - a.length)[0]!;
      h.append(probe);
      const word = probe.getBoundingClientRect().width;
      probe.remove();
      return { word, box: h.clientWidth };
    });
    expect(fit.word, `/${lang}/: the longest word of the heading fits its line`).toBeLessThanOrEqual(fit.box);
  }
});

test('the language switch keeps the reader on the same page', async ({ page }) => {
  await page.goto('/fi/area/ku091/');
  await page.getByRole('link', { name: 'På svenska' }).click();
  await expect(page).toHaveURL(/\/sv\/area\/ku091\/$/);
  await expect(page.locator('h1')).toHaveText('Helsingfors');
  await page.getByRole('link', { name: 'In English' }).click();
  await expect(page).toHaveURL(/\/en\/area\/ku091\/$/);
});

test('the root address leads to the Finnish front page', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/fi\/$/);
});

test('a sortable ranking sorts by a column and announces the order', async ({ page }) => {
  await page.goto('/en/indicator/unemployment-share/');
  // Served order: highest value first, so Helsinki (14.2) comes after Lahti (17.8).
  const names = () => page.locator('table.sortable tbody tr th').allInnerTexts();
  const before = await names();
  expect(before.indexOf('Lahti')).toBeLessThan(before.indexOf('Helsinki'));
  await page.getByRole('button', { name: /Register unemployment share/ }).click();
  await expect(page.locator('th[aria-sort="ascending"]')).toHaveCount(1);
  const values = (await page.locator('table.sortable tbody tr td:nth-child(3)').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-value'))))
    .filter((v) => v !== '')
    .map(Number);
  expect(values.length).toBe(46);
  expect(values).toEqual([...values].sort((a, b) => a - b));
  const after = await names();
  expect(after.indexOf('Helsinki')).toBeLessThan(after.indexOf('Lahti'));
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('an area page is readable: figures, charts and tables are in the HTML', async ({ page }) => {
    await page.goto('/fi/area/ta19/');
    await expect(page.locator('h1')).toHaveText('Lahti');
    await expect(page.locator('figure.chart svg').first()).toBeVisible();
    // The first figure's table (its other <details> holds the whole history).
    await page.locator('figure.chart').first().locator('details:not(.chart-history) summary').first().click();
    await expect(page.locator('figure.chart table').first()).toBeVisible();
  });
});

test('a chart download holds exactly the rows of the chart (tidy format)', async ({ request }) => {
  const res = await request.get('/data/charts/area-ta08-unemployment-share.csv');
  expect(res.ok()).toBe(true);
  const lines = (await res.text()).trim().split('\n');
  expect(lines[0]).toBe('area_code,area_name,area_level,indicator,period,value,unit,status,break');
  expect(lines).toContain('TA08,Helsinki,employment_area,unemployment-share,2026-06,14.2,percent,ok,');
  expect(lines).toContain('SSS,Koko maa,country,unemployment-share,2026-06,12.8,percent,ok,');
});

test('no TE24 employment-area profile lacks a change over a year in the unemployment share', async ({ request }) => {
  // The share's row of the profile's figures table, in every one of the 45 areas (fi; the page
  // text is the same in every language). The check reads the served HTML, so it is quick.
  const missing: string[] = [];
  for (let n = 1; n <= 45; n++) {
    const code = `ta${String(n).padStart(2, '0')}`;
    const html = await (await request.get(`/fi/area/${code}/`)).text();
    const row = /<tr><th scope="row"><a href="\/fi\/indicator\/unemployment-share\/">[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '';
    if (!row || row.includes(noPrevious.fi) || />–</.test(row.split('</td>')[2] ?? '')) missing.push(code);
  }
  expect(missing).toEqual([]);
});

// axe's best-practice rule landmark-unique (not a WCAG rule, so not in expectNoAxeViolations):
// a screen reader's list of regions is only useful if no two share a name. An employment area's
// profile and a municipality's (which shows its employment area's similar areas too) had a
// similar-areas scroll box named like its section, and whole-history chart panes named only by
// their months, which two charts can share.
test('area profiles name every landmark differently (axe landmark-unique)', async ({ page }) => {
  for (const path of ['/fi/area/ta01/', '/sv/area/ku091/']) {
    await page.goto(path);
    // Open every disclosure, so that the whole-history panes are checked too.
    const opened = await page.evaluate(() => [...document.querySelectorAll('details')].map((d) => (d.open = true)).length);
    expect(opened, path).toBeGreaterThan(0);
    const results = await new AxeBuilder({ page }).withRules(['landmark-unique']).setLegacyMode().analyze();
    expect(results.passes.length + results.violations.length, `landmark-unique ran on ${path}`).toBeGreaterThan(0);
    expect(results.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' '))), path).toEqual([]);
  }
});
