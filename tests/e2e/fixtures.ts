/**
 * vitest fixtures for the end-to-end tests: one Chromium per test file, a fresh browser context per page.
 * A test fails when any page it opened logged a console error, threw, or tried to reach another machine.
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
  /** Opens another page in a context of its own (no shared storage or cache), checked like the first. */
  .extend('openPage', async ({ browser }, { onCleanup }) => {
    const pages: RecordedPage[] = [];
    onCleanup(async () => {
      const problems = pages.flatMap((page) => page.problems());
      await Promise.all(pages.map((page) => page.close()));
      expect(problems, 'pages must not log errors, throw, or reach other machines').toEqual([]);
    });
    return async () => {
      const page = await RecordedPage.open(browser);
      pages.push(page);
      return page;
    };
  })
  .extend('app', async ({ openPage }) => openPage());
