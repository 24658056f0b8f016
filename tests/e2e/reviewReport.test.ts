/**
 * The review report from the decision tab, in headless Chromium against the built app: the demo submission's PDF
 * comes from the report worker with the bundled Noto Sans (pdftotext reads the Vietnamese title, the SHA-256 of the
 * served file and numbered pages back), the HTML download is the same record, printing opens the print dialog on
 * the report, each export is a `reportExported` line in the audit log, and the card passes axe's WCAG 2.1 AA rules.
 * Driven by keys: a loaded machine may draw a frame in seconds, and a click waits for the element to hold still over
 * two frames.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { submissionReference } from '../../src/state/reviewStore';
import { poppler, squash } from '../unit/bim/review/reportPdfTools';
import { wcagViolations } from './axe';
import { test } from './fixtures';
import { screenshot } from './harness';
import { openIdle } from './sao';
import { ROOT } from './server';

const LOAD = { timeout: 300_000, interval: 250 };
const WAIT = { timeout: 60_000 };
const TITLE = 'Báo cáo thẩm định hồ sơ mô hình BIM hoàn công';

const demo = JSON.parse(readFileSync(join(ROOT, 'assets/demo/bim/submission.json'), 'utf8')) as { file: { url: string } };

/** Clicks an export button and returns the downloaded file's name and bytes. */
async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', WAIT), page.getByTestId(testId).press('Enter')]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describe('the review report', () => {
  test('downloads as PDF and HTML, prints, and logs each export', { timeout: 900_000 }, async ({ app, baseUrl }) => {
    const { page } = app;
    const served = Buffer.from(await (await fetch(new URL(demo.file.url, baseUrl))).arrayBuffer());
    const sha256 = createHash('sha256').update(served).digest('hex');
    // The print dialog would block a headless page: every frame's print() is counted instead.
    await page.addInitScript(() => {
      window.print = () => {
        const top = window.top as (Window & { saoPrinted?: string[] }) | null;
        if (top) top.saoPrinted = [...(top.saoPrinted ?? []), document.querySelector('h1')?.textContent ?? ''];
      };
    });

    await openIdle(page, `${baseUrl}/tham-dinh-bim`);
    await page.getByTestId('bim-open-demo').press('Enter');
    await expect.poll(() => page.getByTestId('bim-model-status').getAttribute('data-status'), LOAD).toBe('ready');
    const review = page.getByTestId('review');
    const reference = submissionReference((await review.getAttribute('data-submission-id'))!);
    await page.getByTestId('review-tab-decision').press('Enter');

    const started = Date.now();
    const pdf = await download(page, 'review-report-pdf');
    console.log(`[report] PDF from the key press to the download (worker start, fonts, layout): ${Date.now() - started} ms, ${pdf.bytes.length} bytes`);
    expect(pdf.name).toBe(`bao-cao-tham-dinh-${reference}.pdf`);
    const text = poppler('pdftotext', new Uint8Array(pdf.bytes), ['-enc', 'UTF-8']);
    expect(text).toContain(TITLE);
    expect(squash(text)).toContain(sha256);
    expect(text).toContain('chưa kiểm tra');
    expect(text).toMatch(new RegExp(`${reference} · Trang 1/\\d+`));
    await expect.poll(() => page.getByTestId('review-report-status').textContent(), WAIT).toContain(`Đã tải ${pdf.name}`);

    const html = await download(page, 'review-report-html');
    expect(html.name).toBe(`bao-cao-tham-dinh-${reference}.html`);
    const markup = html.bytes.toString('utf8');
    expect(markup).toContain(`<h1>${TITLE}</h1>`);
    expect(markup).toContain(sha256);

    await page.getByTestId('review-report-print').press('Enter');
    await expect.poll(() => page.evaluate(() => (window as Window & { saoPrinted?: string[] }).saoPrinted), WAIT).toEqual([TITLE]);
    await screenshot(page, 'review-report');
    expect(await wcagViolations(page, '[data-testid=review-report]'), 'the report card after its exports').toEqual([]);

    await page.getByTestId('review-tab-record').press('Enter');
    const actions = () => page.getByTestId('review-audit-entry').evaluateAll((items) => items.map((item) => item.getAttribute('data-action')));
    await expect.poll(actions, WAIT).toEqual(['received', 'reportExported', 'reportExported', 'reportExported']);
  });
});
