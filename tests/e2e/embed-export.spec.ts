/**
 * Embeds and saved charts travel with their source. The embed code copied from a page is put in
 * a page of another origin (a server on 127.0.0.1 started here): the link back and the CC BY
 * attribution are inside the visible frame, with the code's sizing script and without it; with
 * it the frame is as tall as its content. A chart saved as SVG or PNG carries its title, areas,
 * period, source, licence and address.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type FrameLocator, type Locator, type Page } from '@playwright/test';

let server: Server;
let hostPage = '';
let host = '';

test.beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>A newsroom's page</title></head><body style="margin:0"><h1>A story</h1>${hostPage}<p>After the chart.</p></body></html>`);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
test.afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** The embed code of the profile's first chart, as the page offers it to copy. */
async function embedCodeOf(page: Page, path: string): Promise<string> {
  await page.goto(path);
  const details = page.locator('figure.chart details:has(textarea.embed-code)').first();
  await details.locator('summary').click();
  return details.locator('textarea.embed-code').inputValue();
}

/** Whether `inner` lies wholly inside `outer` (page coordinates, 1 px of rounding). */
async function inside(inner: Locator, outer: Locator): Promise<boolean> {
  const [a, b] = await Promise.all([inner.boundingBox(), outer.boundingBox()]);
  return !!a && !!b && a.y >= b.y - 1 && a.y + a.height <= b.y + b.height + 1 && a.x >= b.x - 1 && a.x + a.width <= b.x + b.width + 1;
}

async function expectAttributionVisible(frame: FrameLocator, iframe: Locator) {
  const credit = frame.locator('.embed-credit');
  await expect(credit).toContainText('CC BY 4.0');
  await expect(credit.getByRole('link', { name: 'Open in Tilannekuva' })).toBeVisible();
  expect(await inside(credit, iframe)).toBe(true);
}

for (const width of [1280, 390]) {
  test(`at ${width} px the embed code shows the attribution inside the frame, and its script fits the frame to the chart`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const code = await embedCodeOf(page, '/en/area/ta17/');
    expect(code).toMatch(/^<iframe data-tilannekuva src="http:\/\/127\.0\.0\.1:\d+\/en\/embed\/\?areas=TA17,/);
    hostPage = code;
    await page.goto(host);
    const iframe = page.locator('iframe[data-tilannekuva]');
    const frame = page.frameLocator('iframe[data-tilannekuva]');
    await expect(frame.locator('#compare-output svg[aria-label]').first()).toBeVisible();
    await expectAttributionVisible(frame, iframe);
    // The script sized the frame to the content: nothing is left to scroll inside it.
    await expect
      .poll(async () => {
        const inner = await frame.locator('html').evaluate((el) => el.scrollHeight - el.clientHeight);
        return inner;
      })
      .toBeLessThanOrEqual(1);
    const mainBox = await frame.locator('main').boundingBox();
    expect(await inside(frame.locator('main'), iframe)).toBe(true);
    expect(mainBox!.height).toBeGreaterThan(300);
  });
}

test('without its script the frame keeps its height and the attribution stays in view, even in a low frame', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const code = (await embedCodeOf(page, '/sv/area/ta08/')).replace(/<script>[\s\S]*<\/script>/, '');
  for (const height of ['720', '300']) {
    hostPage = code.replace(/height="\d+"/, `height="${height}"`);
    await page.goto(host);
    const iframe = page.locator('iframe[data-tilannekuva]');
    const frame = page.frameLocator('iframe[data-tilannekuva]');
    await expect(frame.locator('#compare-output svg[aria-label]').first()).toBeVisible();
    expect(String((await iframe.boundingBox())!.height)).toBe(height);
    const credit = frame.locator('.embed-credit');
    await expect(credit).toContainText('CC BY 4.0');
    expect(await inside(credit, iframe)).toBe(true);
  }
});

test('a chart of two areas fits the embed code\'s height without the script', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const code = (await embedCodeOf(page, '/fi/area/ta19/')).replace(/<script>[\s\S]*<\/script>/, '');
  hostPage = code.replace(/areas=[^&]*/, 'areas=TA19,TA08');
  await page.goto(host);
  const frame = page.frameLocator('iframe[data-tilannekuva]');
  await expect(frame.locator('#compare-output svg[aria-label]').first()).toBeVisible();
  expect(await frame.locator('html').evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
});

test('a chart saved as SVG and as PNG carries its title, areas, period, source, licence and address', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto('/en/area/ta17/');
  const figure = page.locator('section:has(#series) figure.chart').first();
  const title = (await figure.locator('figcaption h3').innerText()).trim();
  const id = await figure.getAttribute('id');
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'Chart as SVG' }).click()]);
  expect(svgDownload.suggestedFilename()).toMatch(/\.svg$/);
  const svg = await (await svgDownload.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const unescaped = svg.replace(/&amp;/g, '&');
  for (const text of [title, 'Kuopio', 'Whole country', 'The chart shows September 2023–August 2026', 'The vertical axis does not start at zero.', 'Source: Employment Service Statistics', 'CC BY 4.0', `${baseURL}/en/area/ta17/#${id}`]) {
    expect(unescaped, text).toContain(text);
  }
  // The wide drawing is saved, also from a phone.
  expect(svg).toMatch(/<svg x="[\d.]+" y="[\d.]+" width="1100"/);
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'Chart as PNG' }).click()]);
  expect(pngDownload.suggestedFilename()).toMatch(/\.png$/);
  const png = Buffer.concat(await (await pngDownload.createReadStream()).toArray());
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  // Twice the framed SVG's size: wider than the 1100 px drawing alone.
  expect(png.readUInt32BE(16)).toBe(2 * Number(/^<svg[^>]* width="(\d+)"/.exec(svg)![1]));
});
