/**
 * A planner inspects an as-built IFC model in the detailed three.js view, in headless Chromium against the built
 * app: AC20-FZK-Haus opened through the BIM panel's file input shows its storeys with element counts (checked
 * against the file's own IfcRelContainedInSpatialStructure), a GlobalId search selects the wall and shows a
 * quantity read from the file, isolating a storey and an X section plane change what the canvas shows, the face
 * area of the base slab matches the file's GrossArea, and the selection stays the same in the tree, the
 * three.js view and the store the Cesium view follows. Then Office_A loads with the inspector open: none of the
 * inspector's work holds the main thread for 100 ms (its WebGL runs in a worker).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { PNG } from 'pngjs';
import { test } from './fixtures';
import { screenshot, type Screenshot } from './harness';
import { describeLongTasks, longTasksBetween, now, observeLongTasks } from './longTasks';
import { openIdle } from './sao';
import type { InspectorSceneStats } from '../../src/bim/inspector/view/InspectorScene';
import { SHARED_DATA, readStep, stepPropertyValue, stepRefs, stepText, type StepInstance } from '../unit/bim/inspectorFixtures';

const FZK = join(SHARED_DATA, 'ifc/web-ifc/AC20-FZK-Haus.ifc');
const OFFICE = join(SHARED_DATA, 'ifc/web-ifc/Office_A_20110811.ifc');
const LOAD = { timeout: 300_000, interval: 500 };
const WAIT = { timeout: 60_000 };
const LONG_TASK_LIMIT_MS = 100;
/** The inspector's canvas background (view/InspectorScene.ts BACKGROUND). */
const BACKGROUND: [number, number, number] = [0x24, 0x32, 0x42];

/** Storeys of the file with the products they contain (those with a representation, as the app lists them). */
function storeysOf(entities: Map<number, StepInstance>): { name: string; count: number }[] {
  const storeys = [...entities.values()].filter((e) => e.ifcClass === 'IFCBUILDINGSTOREY');
  return storeys.map((storey) => {
    const contained = [...entities.values()]
      .filter((rel) => rel.ifcClass === 'IFCRELCONTAINEDINSPATIALSTRUCTURE' && stepRefs(rel.attributes[5])[0] === storey.id)
      .flatMap((rel) => stepRefs(rel.attributes[4]))
      .filter((id) => entities.get(id)?.attributes[6] !== '$');
    return { name: stepText(storey.attributes[2])!, count: contained.length };
  });
}

/** Share of the canvas showing the model (not the background colour). */
function modelShare(png: PNG): number {
  let model = 0;
  for (let o = 0; o < png.data.length; o += 4) {
    const d = Math.abs(png.data[o]! - BACKGROUND[0]) + Math.abs(png.data[o + 1]! - BACKGROUND[1]) + Math.abs(png.data[o + 2]! - BACKGROUND[2]);
    if (d > 24) model++;
  }
  return model / (png.data.length / 4);
}

/** Share of pixels that changed between two captures of the same view. */
function changedShare(a: PNG, b: PNG): number {
  let changed = 0;
  for (let o = 0; o < a.data.length; o += 4) {
    if (Math.abs(a.data[o]! - b.data[o]!) + Math.abs(a.data[o + 1]! - b.data[o + 1]!) + Math.abs(a.data[o + 2]! - b.data[o + 2]!) > 30) changed++;
  }
  return changed / (a.data.length / 4);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 A/AA violations inside the given parts of the page (axe-core, as tests/e2e/accessibility.test.ts runs it). */
async function wcagViolations(page: Page, include: string[]): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (selectors) => {
    type Result = { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<Result> } }).axe;
    const { violations } = await axe.run({ include: selectors.map((s) => [s]) }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, include);
}

/** The inspector's `whenDrawn`, failing with its stats rather than hanging. */
async function whenDrawn(page: Page, timeoutMs = 120_000): Promise<InspectorSceneStats> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(async () => {
      const stats = await page.evaluate(() => window.__saoInspector?.stats()).catch(() => null);
      reject(new Error(`the inspector did not finish drawing within ${timeoutMs} ms: ${JSON.stringify(stats)}`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([page.evaluate(() => window.__saoInspector!.whenDrawn()), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until the inspector has drawn everything, then captures its canvas alone. */
async function canvasShot(page: Page, name: string): Promise<Screenshot> {
  await whenDrawn(page);
  const canvas = page.getByTestId('inspector-canvas');
  const style = 'body * { visibility: hidden !important; } [data-testid=inspector-canvas] { visibility: visible !important; }';
  const { PNG } = await import('pngjs');
  const buffer = await canvas.screenshot({ animations: 'disabled', style, timeout: 60_000 });
  const shot = await screenshot(page, `${name}-page`);
  return { path: shot.path, png: PNG.sync.read(buffer) };
}

function bim(page: Page) {
  return page.evaluate(() => window.__saoInspector!.bim());
}

function treeRow(page: Page, expressId: number): Locator {
  return page.locator(`[data-testid=inspector-tree] [role=treeitem][data-express-id="${expressId}"]`);
}

describe('IFC inspector (three.js view and model tree)', () => {
  test('tree with counts, search and properties, isolate, section, face area, selection in sync; Office_A loads beside it', { timeout: 900_000 }, async ({ app, baseUrl }) => {
    const { page } = app;
    const entities = readStep(readFileSync(FZK, 'latin1'));
    await observeLongTasks(page);
    await openIdle(page, `${baseUrl}/tham-dinh-bim`);
    await page.getByTestId('bim-file-input').setInputFiles(FZK);
    await expect.poll(() => page.getByTestId('bim-model-status').getAttribute('data-status'), LOAD).toBe('ready');
    const showInspector = page.getByTestId('bim-open-inspector');
    if ((await showInspector.getAttribute('aria-pressed')) !== 'true') await showInspector.press('Enter');
    await page.getByTestId('inspector-view').waitFor({ state: 'visible', ...WAIT });
    const drawn = await whenDrawn(page);
    console.log(`[sao e2e] inspector FZK-Haus: ${JSON.stringify(drawn)}`);
    expect(drawn.triangles).toBeGreaterThan(1000);
    await expect.poll(() => page.getByTestId('inspector-model-name').textContent()).toBeTruthy();

    // The tree shows each storey with the number of elements the file puts in it.
    const storeys = storeysOf(entities);
    expect(storeys.map((s) => s.name).sort()).toEqual(['Dachgeschoss', 'Erdgeschoss']);
    for (const storey of storeys) {
      const row = page.locator('[data-testid=inspector-tree] [role=treeitem][data-kind=spatial]', { hasText: storey.name });
      await expect.poll(() => row.getByTestId('inspector-tree-count').textContent(), WAIT).toBe(String(storey.count));
    }

    // The tree from the keyboard (ARIA tree pattern): Home, Down moves the active row, Right opens a closed node.
    const tree = page.getByTestId('inspector-tree');
    await tree.focus();
    await page.keyboard.press('Home');
    const rootRow = await tree.getAttribute('aria-activedescendant');
    await page.keyboard.press('ArrowDown');
    expect(await tree.getAttribute('aria-activedescendant')).not.toBe(rootRow);
    const storeyRow = tree.locator('[role=treeitem][data-kind=spatial]', { hasText: 'Dachgeschoss' });
    for (let i = 0; i < 8 && (await tree.getAttribute('aria-activedescendant')) !== (await storeyRow.getAttribute('id')); i++) await page.keyboard.press('ArrowDown');
    expect(await storeyRow.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => storeyRow.getAttribute('aria-expanded')).toBe('true');

    // Search a wall's GlobalId: it is selected, revealed in the tree, and its quantities show the file's Length.
    const wall = [...entities.values()].find((e) => e.ifcClass === 'IFCWALLSTANDARDCASE')!;
    const globalId = stepText(wall.attributes[0])!;
    const length = Number(stepPropertyValue(entities, wall.id, 'BaseQuantities', 'Length'));
    expect(length).toBeGreaterThan(0);
    await page.getByTestId('inspector-search').fill(globalId);
    await page.getByTestId('inspector-search-results').getByRole('button').first().click();
    await expect.poll(async () => (await bim(page)).selectedElementId).toBe(wall.id);
    await expect.poll(() => treeRow(page, wall.id).getAttribute('aria-selected'), WAIT).toBe('true');
    const lengthCell = page.locator('[data-testid=inspector-properties] details[data-name=BaseQuantities] tr', { hasText: /^Length/ }).locator('td');
    await expect.poll(async () => Number((await lengthCell.textContent())?.replace(',', '.').match(/[\d.]+/)?.[0]), WAIT).toBeCloseTo(length, 2);
    expect(await page.getByTestId('inspector-selected-globalid').textContent()).toBe(globalId);

    // The Cesium view follows the store: its panel names the same element; a pick there (through the store)
    // selects and reveals in the tree.
    await expect.poll(() => page.getByTestId('bim-element-globalid').textContent(), WAIT).toBe(globalId);
    const slab = [...entities.values()].find((e) => e.ifcClass === 'IFCSLAB' && stepText(e.attributes[2]) === 'Bodenplatte')!;
    await page.evaluate((id) => window.__saoInspector!.selectElsewhere(id), slab.id);
    await expect.poll(() => treeRow(page, slab.id).getAttribute('aria-selected'), WAIT).toBe('true');
    await expect.poll(() => page.getByTestId('inspector-selected-globalid').textContent(), WAIT).toBe(stepText(slab.attributes[0]));

    // Isolate a storey: the canvas changes and shows less of the model.
    const whole = await canvasShot(page, 'inspector-whole');
    const storeySelect = page.getByTestId('inspector-visibility-storey').locator('select');
    await storeySelect.selectOption({ label: (await storeySelect.locator('option', { hasText: 'Erdgeschoss' }).textContent())! });
    await page.getByTestId('inspector-visibility-storey').locator('button[data-action=isolate]').click();
    await expect.poll(async () => (await bim(page)).isolated?.length).toBe(storeys.find((s) => s.name === 'Erdgeschoss')!.count);
    const isolated = await canvasShot(page, 'inspector-isolated');
    console.log(`[sao e2e] model share: whole ${modelShare(whole.png).toFixed(3)}, Erdgeschoss isolated ${modelShare(isolated.png).toFixed(3)}; changed ${changedShare(whole.png, isolated.png).toFixed(3)}`);
    expect(changedShare(whole.png, isolated.png)).toBeGreaterThan(0.02);
    expect(modelShare(isolated.png)).toBeLessThan(modelShare(whole.png) * 0.95);
    await page.getByTestId('inspector-show-all').click();
    await expect.poll(async () => (await bim(page)).isolated).toBeNull();

    // The view from the keyboard: arrows orbit, Home fits the model again.
    const fitted = await canvasShot(page, 'inspector-fitted');
    await page.getByTestId('inspector-stage').focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
    const orbited = await canvasShot(page, 'inspector-orbited');
    expect(changedShare(fitted.png, orbited.png)).toBeGreaterThan(0.02);
    // (A canvas capture hides the rest of the page for a moment, which takes the focus away.)
    await page.getByTestId('inspector-stage').focus();
    await page.keyboard.press('Home');
    const refitted = await canvasShot(page, 'inspector-refitted');
    expect(changedShare(fitted.png, refitted.png)).toBeLessThan(0.005);

    // An X section plane through the middle cuts the model: less of it shows; flipping shows the other half.
    const shown = await canvasShot(page, 'inspector-uncut');
    await page.getByTestId('inspector-section-add-x').click();
    const cut = await canvasShot(page, 'inspector-section-x');
    await page.getByTestId('inspector-section').locator('input[type=checkbox]').check();
    const flipped = await canvasShot(page, 'inspector-section-x-flipped');
    const shares = [shown, cut, flipped].map((s) => modelShare(s.png));
    console.log(`[sao e2e] model share: uncut ${shares[0]!.toFixed(3)}, X cut ${shares[1]!.toFixed(3)}, flipped ${shares[2]!.toFixed(3)}`);
    expect(shares[1]!).toBeLessThan(shares[0]! * 0.9);
    expect(changedShare(cut.png, flipped.png)).toBeGreaterThan(0.05);
    await page.getByTestId('inspector-sections-clear').click();

    // Measuring on the base slab, isolated. Face area: a click on its top face measures the file's GrossArea.
    const grossArea = Number(stepPropertyValue(entities, slab.id, 'BaseQuantities', 'GrossArea'));
    await page.getByTestId('inspector-isolate-selected').click();
    await expect.poll(async () => (await bim(page)).isolated).toEqual([slab.id]);
    await page.getByTestId('inspector-fit').click();
    await whenDrawn(page);
    await page.getByTestId('inspector-tool-faceArea').click();
    const box = await page.evaluate((id) => window.__saoInspector!.elementBox(id)!, slab.id);
    const onPage = (p: readonly [number, number, number]) => page.evaluate((q) => window.__saoInspector!.toPage(q)!, p);
    const clickAt = async (p: readonly [number, number, number]) => {
      const [x, y] = await onPage(p);
      await page.mouse.click(x, y);
    };
    const [x0, y0, z0] = box.min;
    const [x1, y1, z1] = box.max;
    await clickAt([(x0 + x1) / 2, (y0 + y1) / 2, z1]);
    const measured = page.getByTestId('inspector-measurements').locator('li[data-kind=faceArea]');
    await expect.poll(async () => Number(await measured.getAttribute('data-value')), WAIT).toBeCloseTo(grossArea, 1);
    console.log(`[sao e2e] face area of the base slab: ${await measured.textContent()} (file GrossArea ${grossArea} m²)`);

    // Height: from the slab's front face near its bottom up to its top face, the file's slab thickness (Width).
    const thickness = Number(stepPropertyValue(entities, slab.id, 'BaseQuantities', 'Width'));
    await page.getByTestId('inspector-tool-height').click();
    await clickAt([(x0 + x1) / 2, y0, z0 + 0.02]);
    await clickAt([(x0 + x1) / 2, (y0 + y1) / 2, z1]);
    const height = page.getByTestId('inspector-measurements').locator('li[data-kind=height]');
    await expect.poll(async () => Number(await height.getAttribute('data-value')), WAIT).toBeCloseTo(thickness - 0.02, 2);

    // A polygon clicked on the top face, finished with Enter: the area of the triangle of its three corners.
    await page.getByTestId('inspector-tool-polygonArea').click();
    for (const corner of [[x0 + 1, y0 + 1, z1], [x1 - 1, y0 + 1, z1], [x1 - 1, y1 - 1, z1]] as const) await clickAt(corner);
    await page.getByTestId('inspector-stage').focus();
    await page.keyboard.press('Enter');
    const polygon = page.getByTestId('inspector-measurements').locator('li[data-kind=polygonArea]');
    await expect.poll(async () => Number(await polygon.getAttribute('data-value')), WAIT).toBeCloseTo(((x1 - x0 - 2) * (y1 - y0 - 2)) / 2, 1);
    await page.getByTestId('inspector-measurements-clear').click();

    // A section plane from the clicked top face, moved half the thickness inwards: the view changes.
    await page.getByTestId('inspector-tool-sectionFace').click();
    await clickAt([(x0 + x1) / 2, (y0 + y1) / 2, z1]);
    await expect.poll(() => page.getByTestId('inspector-section').count()).toBe(1);
    const atFace = await canvasShot(page, 'inspector-face-section');
    await page.getByTestId('inspector-section-slider').fill(String(thickness / 2));
    const inward = await canvasShot(page, 'inspector-face-section-inward');
    expect(changedShare(atFace.png, inward.png)).toBeGreaterThan(0.005);
    await page.getByTestId('inspector-sections-clear').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('inspector-show-all').click();

    // A click in the three.js view selects what is under it; the tree reveals it.
    await page.getByTestId('inspector-tool-select').click();
    await whenDrawn(page);
    const centre = await page.evaluate(() => {
      const b = window.__saoInspector!.bounds()!;
      return window.__saoInspector!.toPage([(b.min[0] + b.max[0]) / 2, (b.min[1] + b.max[1]) / 2, (b.min[2] + b.max[2]) / 2]);
    });
    await page.mouse.click(centre![0], centre![1]);
    await expect.poll(async () => (await bim(page)).selectedElementId).not.toBe(slab.id);
    const picked = (await bim(page)).selectedElementId;
    expect(picked).not.toBeNull();
    await expect.poll(() => treeRow(page, picked!).getAttribute('aria-selected'), WAIT).toBe('true');
    await screenshot(page, 'inspector-fzk');
    expect(await wcagViolations(page, ['[data-testid=inspector-view]', '[data-testid=inspector-tree-panel]'])).toEqual([]);

    // Office_A loads with the inspector open: the inspector's work never holds the main thread for 100 ms.
    const loadStart = await now(page);
    await page.getByTestId('bim-file-input').setInputFiles(OFFICE);
    await expect.poll(() => page.getByTestId('bim-model-status').getAttribute('data-status'), LOAD).toBe('ready');
    const office = await whenDrawn(page, 300_000);
    const loadEnd = await now(page);
    const longTasks = await longTasksBetween(page, loadStart, loadEnd);
    console.log(`[sao e2e] inspector Office_A: ${JSON.stringify(office)}; load to drawn ${((loadEnd - loadStart) / 1000).toFixed(1)} s; ` +
      `long tasks: ${describeLongTasks(longTasks)}`);
    await screenshot(page, 'inspector-office');
    // The inspector's share of the main thread: its own timers and frames, and the loader's messages, whose store
    // updates mount and re-render the inspector synchronously. (Cesium's frames are not counted here: on software
    // WebGL every context shares one GPU thread, and Cesium's frames wait on it while the IFC model is first drawn.)
    const inspectorScripts = longTasks.flatMap((task) => task.scripts)
      .map((label) => ({ label, ms: Number(label.match(/^(\d+) ms/)?.[1]) }))
      .filter(({ label }) => /\((InspectorView|ModelTreePanel)-/.test(label) || label.includes(' ms Worker.onmessage '));
    expect(inspectorScripts.filter(({ ms }) => ms > LONG_TASK_LIMIT_MS), 'inspector work over 100 ms at a time while Office_A loads').toEqual([]);
    expect(office.longestSliceMs).toBeLessThan(50);
  });
});
