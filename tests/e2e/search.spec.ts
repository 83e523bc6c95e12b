/**
 * The main search understands places: a postal code or an area's name offers the municipality
 * beside its employment area, labelled by level, before the full-text results; results are
 * labelled by page type, rank Lahti's pages above "Lähteet", and their excerpts keep spaces
 * between words; and axe finds nothing on the page with places and results shown. At 1280 and
 * 390 px, in fi, sv and en.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers.ts';

// Names and labels as the reference data and src/i18n/*.json have them.
const LANGS = {
  fi: { lahti: 'Lahti', municipality: 'Kunta', area: 'Työllisyysalue', label: 'Alue, postinumero tai hakusana', button: 'Hae' },
  sv: { lahti: 'Lahtis', municipality: 'Kommun', area: 'Sysselsättningsområde', label: 'Område, postnummer eller sökord', button: 'Sök' },
  en: { lahti: 'Lahti', municipality: 'Municipality', area: 'Employment area', label: 'Area, postal code or keyword', button: 'Search' },
} as const;

async function search(page: Page, lang: keyof typeof LANGS, q: string) {
  await page.goto(`/${lang}/search/`);
  await page.getByLabel(LANGS[lang].label, { exact: true }).fill(q);
  await page.getByRole('button', { name: LANGS[lang].button, exact: true }).click();
}

/** Lahti's two offers, side by side in one item: the municipality KU398 and the employment area TA19, each with its level. */
async function expectLahtiOffered(page: Page, lang: keyof typeof LANGS) {
  const l = LANGS[lang];
  await expect(page.locator('#search-status')).not.toBeEmpty();
  const offer = page.locator('#search-places .place-offers > li').first();
  const municipality = offer.locator(`a.place-card[href="/${lang}/area/ku398/"]`);
  const area = offer.locator(`a.place-card[href="/${lang}/area/ta19/"]`);
  await expect(municipality).toHaveText(`${l.municipality} ${l.lahti}`);
  await expect(area).toHaveText(`${l.area} ${l.lahti}`);
  // Side by side: the same row when there is room, one under the other on a phone.
  const [m, a] = [await municipality.boundingBox(), await area.boundingBox()];
  const vw = page.viewportSize()!.width;
  if (vw >= 1000) expect(Math.abs(m!.y - a!.y), 'the two cards on one row').toBeLessThan(2);
  else expect(a!.y).toBeGreaterThan(m!.y);
  for (const box of [m!, a!]) expect(box.x + box.width, 'the card fits the screen').toBeLessThanOrEqual(vw);
}

for (const width of [1280, 390]) {
  test.describe(`search at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });
    for (const lang of ['fi', 'sv', 'en'] as const) {
      test(`${lang}: the postal code 15100 offers Lahti, the municipality and the employment area, labelled`, async ({ page }) => {
        await search(page, lang, '15100');
        await expectLahtiOffered(page, lang);
        await expect(page.locator('#search-status')).toContainText('15100');
        // A postal code is not looked up in the full text (it matched unrelated figures: Isojoki, Muurame).
        await expect(page.locator('.search-result-link')).toHaveCount(0);
        await expect(page.locator('a[href$="/area/ku151/"], a[href$="/area/ku500/"]')).toHaveCount(0);
      });

      test(`${lang}: "lahti" offers Lahti first, then Lahti's pages above "Lähteet", labelled by type, excerpts with spaces; axe finds nothing`, async ({ page }) => {
        await search(page, lang, 'lahti');
        await expectLahtiOffered(page, lang);
        const links = page.locator('.search-results .search-result-link');
        await expect(links.first()).toBeVisible();
        const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        const ku = hrefs.indexOf(`/${lang}/area/ku398/`);
        const ta = hrefs.indexOf(`/${lang}/area/ta19/`);
        expect([ku, ta].sort()).toEqual([0, 1]);
        // "Lähteet" (sources) pages, if found at all, come after Lahti's.
        const sources = hrefs.indexOf(`/${lang}/methodology/sources/`);
        if (sources !== -1) expect(sources).toBeGreaterThan(1);
        const items = page.locator('.search-results > li');
        await expect(items.nth(ku).locator('.search-result-type')).toHaveText(LANGS[lang].municipality);
        await expect(items.nth(ta).locator('.search-result-type')).toHaveText(LANGS[lang].area);
        // Word boundaries: no figure runs into a word ("2025121 832Työvoima").
        // ("TyöLakeus" is an employment area's own spelling.)
        for (const text of await page.locator('.search-excerpt').allTextContents()) {
          expect(text, 'a digit glued to a letter').not.toMatch(/\d[A-Za-zÅÄÖåäö]{3}/);
          expect(text.replaceAll('TyöLakeus', ''), 'a lower-case letter glued to a capital').not.toMatch(/[a-zåäö][A-ZÅÄÖ][a-zåäö]/);
        }
        // With the places and the results shown.
        await expectNoAxeViolations(page);
      });
    }
  });
}

test('a word search labels results by page type and filters by it (fi)', async ({ page }) => {
  await search(page, 'fi', 'pitkäaikaistyöttömät');
  const first = page.locator('.search-results > li').first();
  await expect(first.locator('.search-result-link')).toHaveAttribute('href', '/fi/indicator/long-term-unemployed/');
  await expect(first.locator('.search-result-type')).toHaveText('Tunnusluku');
  await page.getByLabel('Sivun tyyppi').selectOption('Menetelmä');
  await expect(page).toHaveURL(/type=Menetelm%C3%A4/);
  await expect(page.locator('.search-results .search-result-type').first()).toHaveText('Menetelmä');
  await expect(page.locator('.search-results .search-result-type', { hasNotText: 'Menetelmä' })).toHaveCount(0);
});

test('a name without diacritics still finds the place and the pages (hameenlinna)', async ({ page }) => {
  await search(page, 'fi', 'hameenlinna');
  await expect(page.locator('#search-places a.place-card[href="/fi/area/ku109/"]')).toHaveText('Kunta Hämeenlinna');
  await expect(page.locator('.search-result-link[href="/fi/area/ku109/"]')).toHaveCount(1);
});

test('the header search box of another page leads to the search with the query', async ({ page }) => {
  await page.goto('/sv/indicator/');
  await page.getByRole('search').getByRole('searchbox').fill('15100');
  await page.getByRole('search').getByRole('button').click();
  await expect(page).toHaveURL(/\/sv\/search\/\?q=15100$/);
  await expectLahtiOffered(page, 'sv');
});

test('nothing found says so and points to the lists', async ({ page }) => {
  await search(page, 'en', 'qwxyzzy');
  await expect(page.locator('#search-status')).toHaveText('Nothing found for “qwxyzzy”. Check the spelling, or pick an area from the list:');
  await expect(page.locator('#search-none a[href="/en/area/"]')).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the search page points to the lists of areas and indicators', async ({ page }) => {
    await page.goto('/fi/search/');
    await expect(page.locator('#search-form')).toBeHidden();
    await expect(page.locator('main a[href="/fi/area/"]').first()).toBeVisible();
    await expect(page.locator('main a[href="/fi/indicator/"]').first()).toBeVisible();
  });
});
