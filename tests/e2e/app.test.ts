/**
 * What a planner does with Sao on the demo city, one story per test, in headless Chromium against the built app.
 * Every page a test opens fails the test if it logs a console error, throws, or asks another machine for
 * anything (see fixtures.ts); failures a test causes on purpose are declared with `provoke`.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { test } from './fixtures';
import { centroid, contains, outerRing } from './footprint';
import { CESIUM_CANVAS, pixelStats, screenshot, screenshotCanvas, type RecordedPage } from './harness';
import { camera, openIdle, toWindow, whenIdle, type CameraPose } from './sao';

/** Conditions that depend on loading and drawing on SwiftShader: generous, since a wait ends when it holds. */
const WAIT = { timeout: 120_000 };
/** A test that loads the city once; one that loads it twice. */
const ONE_LOAD = 300_000;
const TWO_LOADS = 480_000;

/** "Nhà C5", VNU Cầu Giấy, in the OSM extract the demo buildings are made from. */
const C5 = { osmWayId: '168945118', name: 'Nhà C5' };

const LAYER_IDS = ['admin', 'landuse', 'water', 'roads', 'railways', 'labels', 'buildings'] as const;

/**
 * The canvas counts as drawn when its luma variance exceeds 100 (a standard deviation of 10 grey levels) and it
 * holds more than 16 colours at 4 bits a channel. Measured at the home view (1280×800 page, SwiftShader): no layer
 * visible — the plain ground colour — gives variance 0 and 1 colour (this is what "blank" looks like here, since
 * the global imagery fades out at street scale); the buildings alone 906 and 29; the full city 1333–1410 and
 * 237–240; the city without its buildings 1323 and 225. The bounds sit an order of magnitude under every drawn
 * scene and far above an empty one.
 */
const MIN_LUMA_VARIANCE = 100;
const MIN_DISTINCT_COLOURS = 16;

async function expectCanvasDrawn(page: Page, name: string): Promise<void> {
  const { png } = await screenshotCanvas(page, name);
  const stats = pixelStats(png);
  console.log(`[sao e2e] ${name}: luma variance ${stats.lumaVariance.toFixed(1)}, ${stats.distinctColours} colours`);
  expect(stats.lumaVariance, 'luma variance of the canvas').toBeGreaterThan(MIN_LUMA_VARIANCE);
  expect(stats.distinctColours, 'distinct colours on the canvas').toBeGreaterThan(MIN_DISTINCT_COLOURS);
}

function layer(page: Page, id: string) {
  return page.getByTestId(`layer-${id}`);
}

async function expectLayerState(page: Page, id: string, state: 'ready' | 'error'): Promise<void> {
  await expect.poll(() => layer(page, id).getAttribute('data-state'), { ...WAIT, message: `layer ${id}` }).toBe(state);
}

/** Visible layers as the panel shows them: id → opacity in percent. */
async function visibleLayers(page: Page): Promise<Record<string, number>> {
  const visible: Record<string, number> = {};
  for (const id of LAYER_IDS) {
    if (!(await page.getByTestId(`layer-toggle-${id}`).isChecked())) continue;
    visible[id] = Number(await page.getByTestId(`layer-opacity-${id}`).inputValue());
  }
  return visible;
}

/** The numbers in a status-bar readout; the app writes them locale-neutral (`.` decimal point, no grouping). */
function numbersIn(text: string): number[] {
  return (text.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
}

function angleDifference(a: number, b: number): number {
  return Math.abs(((((a - b) % 360) + 540) % 360) - 180);
}

/** How `actual` differs from `expected` beyond 1 m in position or 0.1° in orientation; empty when the same view. */
function viewDifferences(actual: CameraPose, expected: CameraPose): string[] {
  const metresPerDegreeLon = 111_320 * Math.cos((expected.lat * Math.PI) / 180);
  const offsets: Array<[string, number, number]> = [
    ['east–west (m)', Math.abs(actual.lon - expected.lon) * metresPerDegreeLon, 1],
    ['north–south (m)', Math.abs(actual.lat - expected.lat) * 110_574, 1],
    ['height (m)', Math.abs(actual.height - expected.height), 1],
    ['heading (°)', angleDifference(actual.heading, expected.heading), 0.1],
    ['pitch (°)', angleDifference(actual.pitch, expected.pitch), 0.1],
    ['roll (°)', angleDifference(actual.roll, expected.roll), 0.1],
  ];
  return offsets.filter(([, offset, limit]) => !(offset < limit)).map(([name, offset]) => `${name} off by ${offset.toFixed(3)}`);
}

/** The camera the address bar describes (`cam=lon,lat,height,heading,pitch,roll`), null when it has none. */
function cameraInUrl(page: Page): CameraPose | null {
  const [lon, lat, height, heading, pitch, roll] = (query(page, 'cam') ?? '').split(',').map(Number);
  if ([lon, lat, height, heading, pitch, roll].some((value) => value === undefined || !Number.isFinite(value))) return null;
  return { lon: lon!, lat: lat!, height: height!, heading: heading!, pitch: pitch!, roll: roll! };
}

function query(page: Page, name: string): string | null {
  return new URL(page.url()).searchParams.get(name);
}

/** Definition list of the feature-info panel as label → value. */
async function featureAttributes(page: Page): Promise<Record<string, string>> {
  return page.getByTestId('feature-info').evaluate((panel) => {
    const attributes: Record<string, string> = {};
    for (const term of panel.querySelectorAll('dt')) {
      const value = term.nextElementSibling;
      if (value?.tagName === 'DD') attributes[term.textContent?.trim() ?? ''] = value.textContent?.trim() ?? '';
    }
    return attributes;
  });
}

describe('the demo city', { timeout: ONE_LOAD }, () => {
  test('opens with the buildings loaded and drawn', async ({ app, baseUrl }) => {
    await openIdle(app.page, `${baseUrl}/`);
    await expectLayerState(app.page, 'buildings', 'ready');
    await screenshot(app.page, 'city-home');
    await expectCanvasDrawn(app.page, 'city-home-canvas');
  });

  test('shows name, OSM id and height of Nhà C5 when it is clicked', async ({ app, baseUrl }) => {
    const ring = outerRing(C5.osmWayId);
    const [lon, lat] = centroid(ring);
    expect(contains(ring, [lon, lat]), 'the centroid lies on the roof').toBe(true);
    await openIdle(app.page, `${baseUrl}/`);
    // A few metres up: on the building, above the ground it stands on (ellipsoidal height 0).
    const onScreen = await toWindow(app.page, lon, lat, 3);
    expect(onScreen, 'Nhà C5 is in view at the home view').not.toBeNull();
    const [x, y] = onScreen!;
    await app.page.mouse.click(x, y);

    const panel = app.page.getByTestId('feature-info');
    await expect.poll(() => panel.textContent(), WAIT).toContain(C5.name);
    await screenshot(app.page, 'feature-info-c5');
    const attributes = await featureAttributes(app.page);
    expect(attributes['Tên']).toBe(C5.name);
    expect(attributes['Mã OSM']).toBe(C5.osmWayId);
    expect(Number(attributes['Chiều cao (m)']), 'height in metres').toBeGreaterThan(0);
    // Where the height comes from, in words (e.g. "Số tầng OSM × 3,3 m"), not the data's code (e.g. "osm:height").
    expect(attributes['Nguồn chiều cao'], 'height source as a readable label').toMatch(/\p{L}+\s+\p{L}+/u);
  });

  test('switches between Vietnamese and English', async ({ app, baseUrl }) => {
    await app.page.goto(`${baseUrl}/`);
    const nav = app.page.getByRole('navigation');
    await expect.poll(() => app.page.getByTestId('nav-van-hanh').textContent(), WAIT).toBe('Vận hành');
    const vietnamese = await nav.innerText();
    expect(await app.page.getAttribute('html', 'lang')).toBe('vi');

    await app.page.getByTestId('lang-switch').click();
    await expect.poll(() => app.page.getAttribute('html', 'lang'), WAIT).toBe('en');
    expect(await app.page.getByTestId('nav-van-hanh').textContent()).toBe('Operations');
    expect(await nav.innerText()).not.toBe(vietnamese);
    await expect.poll(() => query(app.page, 'lang'), WAIT).toBe('en');

    await app.page.getByTestId('lang-switch').click();
    await expect.poll(() => app.page.getAttribute('html', 'lang'), WAIT).toBe('vi');
    expect(await nav.innerText()).toBe(vietnamese);
  });

  test(
    'restores camera and layers from a copied link',
    async ({ app, openPage, baseUrl }) => {
      const { page } = app;
      await openIdle(page, `${baseUrl}/`);
      await page.getByTestId('layer-toggle-water').uncheck();
      await expect.poll(() => query(page, 'layers'), WAIT).not.toContain('water');

      const home = await camera(page);
      await page.locator('#map').focus();
      for (const key of ['ArrowUp', 'ArrowUp', 'e', 'e', 'ArrowLeft']) await page.keyboard.press(key);
      const moved = await camera(page);
      expect(viewDifferences(moved, home), 'the keys moved the camera').not.toEqual([]);
      // The address bar has caught up when it describes the camera as it is now.
      await expect
        .poll(() => {
          const linked = cameraInUrl(page);
          return linked ? viewDifferences(linked, moved) : ['no camera in the link'];
        }, WAIT)
        .toEqual([]);
      const link = page.url();
      const layersBefore = await visibleLayers(page);
      // One city at a time: two scenes in one browser share its single SwiftShader GPU process, and the second
      // would wait minutes behind the first one's frames.
      await app.close();

      const copy: RecordedPage = await openPage();
      await openIdle(copy.page, link);
      expect(viewDifferences(await camera(copy.page), moved), `camera restored from ${link}`).toEqual([]);
      const layers = await visibleLayers(copy.page);
      expect(layers).not.toHaveProperty('water');
      expect(layers).toEqual(layersBefore);
    },
    TWO_LOADS,
  );

  test('reaches the navigation and the layer controls with Tab, with visible focus', async ({ app, baseUrl }) => {
    const { page } = app;
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('layer-toggle-buildings').waitFor(WAIT);
    const wanted = ['nav-tham-dinh-bim', 'nav-van-hanh', 'nav-trinh-chieu', 'layer-toggle-buildings', 'layer-opacity-buildings'];
    const reached = new Map<string, boolean>();
    for (let press = 0; press < 80 && !wanted.every((testId) => reached.has(testId)); press++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const element = document.activeElement;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
        return { testId: element.getAttribute('data-testid'), visible: outlined || style.boxShadow !== 'none' };
      });
      if (focus?.testId) reached.set(focus.testId, focus.visible);
    }
    for (const testId of wanted) {
      expect(reached.get(testId), `Tab reaches ${testId} and shows focus`).toBe(true);
    }
  });

  test('shows the cursor position in WGS 84 and VN-2000', async ({ app, baseUrl }) => {
    const { page } = app;
    await openIdle(page, `${baseUrl}/`);
    const box = (await page.locator(CESIUM_CANVAS).boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height * 0.6];
    await page.mouse.move(x - 20, y - 20);
    await page.mouse.move(x, y, { steps: 4 });
    const readout = page.getByTestId('cursor-wgs84');
    // The readout names the ground point under the pointer: once it has caught up with the last move, that point
    // projects back onto the pointer (the readout follows the pointer once per frame, so earlier moves show first).
    await expect
      .poll(async () => {
        const [lon = NaN, lat = NaN] = numbersIn(await readout.innerText());
        const [px = NaN, py = NaN] = (await toWindow(page, lon, lat, 0)) ?? [];
        return Math.hypot(px - x, py - y);
      }, { ...WAIT, message: 'pixels between the pointer and the point shown' })
      .toBeLessThan(3);
    const [lon = NaN, lat = NaN] = numbersIn(await readout.innerText());
    expect(lon).toBeCloseTo(105.78, 1);
    expect(lat).toBeCloseTo(21.04, 1);

    const [easting = NaN, northing = NaN] = numbersIn(await page.getByTestId('cursor-vn2000').innerText());
    // Hà Nội's VN-2000 TM-3 zone (central meridian 105°, false easting 500 km): Cầu Giấy is ~80 km east of it.
    expect(easting).toBeGreaterThan(500_000);
    expect(easting).toBeLessThan(600_000);
    expect(northing).toBeGreaterThan(2_300_000);
    expect(northing).toBeLessThan(2_350_000);
  });
});

describe('bad input', { timeout: ONE_LOAD }, () => {
  test('a missing buildings tileset is reported on its layer; the rest of the city loads', async ({ app, baseUrl }) => {
    const { page } = app;
    await app.provoke(
      (url) => new URL(url).pathname === '/demo/buildings/tileset.json',
      (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }),
    );
    await page.goto(`${baseUrl}/`);
    await expectLayerState(page, 'buildings', 'error');
    await expect.poll(() => page.getByTestId('layer-error-buildings').textContent(), WAIT).toContain('404');
    await expectLayerState(page, 'roads', 'ready');
    await whenIdle(page);
    await screenshot(page, 'tileset-404');
    await expectCanvasDrawn(page, 'tileset-404-canvas');
  });

  test('a corrupt building tile is reported and the app keeps working', async ({ app, baseUrl }) => {
    const { page } = app;
    await app.provoke(
      (url) => /^\/demo\/buildings\/.+\.(glb|b3dm)$/.test(new URL(url).pathname),
      (route) => route.fulfill({ status: 200, contentType: 'model/gltf-binary', body: randomBytes(4096) }),
    );
    await page.goto(`${baseUrl}/`);
    await expectLayerState(page, 'buildings', 'error');
    await expect.poll(() => page.getByTestId('layer-error-buildings').textContent(), WAIT).toMatch(/\S/);
    await whenIdle(page);
    await expectLayerState(page, 'roads', 'ready');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getAttribute('html', 'lang'), WAIT).toBe('en');
    await screenshot(page, 'corrupt-tile');
    await expectCanvasDrawn(page, 'corrupt-tile-canvas');
  });

  test('an unknown page opens the default workspace with a notice', async ({ app, baseUrl }) => {
    const { page } = app;
    await page.goto(`${baseUrl}/`);
    const current = page.locator('nav [aria-current="page"]');
    await current.waitFor(WAIT);
    const defaultNav = await current.getAttribute('data-testid');

    await page.goto(`${baseUrl}/no-such-page`);
    await expect.poll(() => page.getByTestId('notice').first().textContent(), WAIT).toContain('/no-such-page');
    await expect.poll(() => current.getAttribute('data-testid'), WAIT).toBe(defaultNav);
    await expect.poll(() => new URL(page.url()).pathname, WAIT).not.toBe('/no-such-page');
  });

  test(
    'a malformed camera and layer list in the link fall back to the default view with notices',
    async ({ app, openPage, baseUrl }) => {
      const reference = await openPage();
      await openIdle(reference.page, `${baseUrl}/`);
      const home = await camera(reference.page);
      const defaultLayers = await visibleLayers(reference.page);
      await reference.close();

      const { page } = app;
      await openIdle(page, `${baseUrl}/?cam=garbage&layers=%%%`);
      const notices = await page.getByTestId('notice').allTextContents();
      expect(notices.some((text) => text.includes('garbage')), `a notice names the camera: ${notices.join(' | ')}`).toBe(true);
      expect(notices.some((text) => text.includes('%%%')), `a notice names the layer list: ${notices.join(' | ')}`).toBe(true);
      expect(viewDifferences(await camera(page), home), 'camera at the default view').toEqual([]);
      expect(await visibleLayers(page)).toEqual(defaultLayers);
    },
    TWO_LOADS,
  );
});
