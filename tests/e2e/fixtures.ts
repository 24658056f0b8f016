/**
 * vitest fixtures for the end-to-end tests: one Chromium per test file, one fresh browser context per test.
 * A test fails when its page logged a console error, threw, or tried to reach another machine.
 */
import { expect, inject, test as base } from 'vitest';
import { RecordedPage, launchChromium } from './harness';

export const test = base
  .extend('browser', { scope: 'file' }, async ({}, { onCleanup }) => {
    const browser = await launchChromium();
    onCleanup(() => browser.close());
    return browser;
  })
  .extend('baseUrl', { scope: 'file' }, () => inject('baseUrl'))
  .extend('app', async ({ browser }, { onCleanup }) => {
    const app = await RecordedPage.open(browser);
    onCleanup(async () => {
      const problems = app.problems();
      await app.close();
      expect(problems, 'the page must not log errors, throw, or reach other machines').toEqual([]);
    });
    return app;
  });
