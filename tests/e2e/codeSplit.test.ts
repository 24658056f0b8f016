/**
 * The first screen loads the city, not the capabilities behind other workspaces: no simulation code until the
 * operator opens Vận hành (issue "foundation", item 7). Read from the scripts the page actually requested.
 */
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { test } from './fixtures';
import { openIdle } from './sao';

function requestedScripts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.endsWith('.js') && path.startsWith('/assets/')),
  );
}

/** Chunks that carry flood simulation code: its panel and its run/band workers. */
const SIMULATION_CHUNK = /\/(FloodPanel|worker)-[\w-]+\.js$/;
/** three.js comes with the IFC inspector's detailed view, loaded when a planner opens it on a model. */
const THREE_CHUNK = /\/InspectorView-[\w-]+\.js$/;

describe('code splitting', () => {
  test('the BIM workspace loads no simulation code and no three.js; opening Vận hành loads the flood panel', { timeout: 300_000 }, async ({ app, baseUrl }) => {
    const { page } = app;
    await openIdle(page, `${baseUrl}/tham-dinh-bim`);
    const first = await requestedScripts(page);
    expect(first.length).toBeGreaterThan(0);
    expect(first.filter((path) => SIMULATION_CHUNK.test(path))).toEqual([]);
    expect(first.filter((path) => THREE_CHUNK.test(path))).toEqual([]);
    expect(first.some((path) => /\/BimPanel-[\w-]+\.js$/.test(path)), 'the BIM panel of the first screen').toBe(true);

    await page.getByTestId('nav-van-hanh').click();
    await expect
      .poll(async () => (await requestedScripts(page)).some((path) => /\/FloodPanel-[\w-]+\.js$/.test(path)), { timeout: 60_000 })
      .toBe(true);
  });
});
