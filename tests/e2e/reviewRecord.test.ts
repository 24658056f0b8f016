/**
 * A planner's review survives a crash, in headless Chromium against the built app: the demo submission is received
 * with the SHA-256 of its bytes (as Node computes it from the served file) and the investor and project its
 * submission.json states; opening the same file again reopens that submission instead of creating another; the
 * reviewer is asked for their name before a signed action, edits the investor, comments and returns the submission
 * with a reason. Once the page says it is saved the renderer is killed (CDP Page.crash: no unload, no last write).
 * A new page of the same browser profile lists the submission; reopening it loads the model from the file stored in
 * IndexedDB (the IFC is not fetched again) and shows the same record, comment, decision and audit log, in order.
 * The record and decision tabs pass axe; the saved list works from the keyboard.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { wcagViolations } from './axe';
import { test } from './fixtures';
import { screenshot } from './harness';
import { openIdle } from './sao';
import { ROOT } from './server';

const LOAD = { timeout: 300_000, interval: 250 };
const WAIT = { timeout: 60_000 };
/** Actions wait for two equal animation frames; SwiftShader under a loaded machine can take tens of seconds for them. */
const ACTION_TIMEOUT_MS = 120_000;
const REVIEWER = 'Nguyễn Thị Thẩm Định';
const INVESTOR = 'Công ty TNHH Xây dựng Cầu Giấy';
const COMMENT = 'Tầng mái chưa khai báo tên tầng (IfcBuildingStorey.Name).';
const REASON = 'Bổ sung tên tầng mái và diện tích các phòng rồi nộp lại.';

interface DemoSubmission {
  file: { url: string; sha256: string };
  project: { vi: string };
  investor: { vi: string };
  parcel: { osmId: string };
}

const demo = JSON.parse(readFileSync(join(ROOT, 'assets/demo/bim/submission.json'), 'utf8')) as DemoSubmission;

async function text(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).textContent()) ?? '').trim();
}

function auditActions(page: Page): Promise<(string | null)[]> {
  return page.getByTestId('review-audit-entry').evaluateAll((items) => items.map((item) => item.getAttribute('data-action')));
}

/** Waits for the model the review shows to be loaded. */
async function modelReady(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('bim-model-status').getAttribute('data-status'), LOAD).toBe('ready');
}

/** Waits until every change reached IndexedDB (the save state the planner sees). */
async function saved(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('review-save-state').getAttribute('data-state'), WAIT).toBe('saved');
}

describe('the submission record', () => {
  test('a review closed by a crash mid-review reopens with nothing lost', { timeout: 900_000 }, async ({ app, baseUrl }) => {
    const { page, context } = app;
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    const served = Buffer.from(await (await fetch(new URL(demo.file.url, baseUrl))).arrayBuffer());
    const sha256 = createHash('sha256').update(served).digest('hex');
    expect(sha256, 'the served file is the one submission.json describes').toBe(demo.file.sha256);

    await openIdle(page, `${baseUrl}/tham-dinh-bim`);
    await expect.poll(() => page.getByTestId('review-saved').textContent(), WAIT).toContain('Chưa có hồ sơ nào');
    await page.getByTestId('bim-open-demo').click();
    await modelReady(page);
    const review = page.getByTestId('review');
    await expect.poll(() => review.getAttribute('data-status'), WAIT).toBe('received');
    const submissionId = (await review.getAttribute('data-submission-id'))!;
    expect(await text(page, 'review-record-uuid')).toBe(submissionId);
    expect(await text(page, 'review-record-sha256')).toBe(sha256);
    expect(await text(page, 'review-record-file')).toBe('AC20-FZK-Haus.vn2000.ifc');
    expect(await page.getByTestId('review-detail-project').inputValue()).toBe(demo.project.vi);
    expect(await page.getByTestId('review-detail-investor').inputValue()).toBe(demo.investor.vi);
    expect(await page.getByTestId('review-detail-parcelId').inputValue()).toBe(demo.parcel.osmId);

    // The same file again is the same submission, said so in the record; the list still holds one.
    await page.getByTestId('bim-open-demo').click();
    await expect.poll(() => page.getByTestId('review-record-matched').count(), LOAD).toBe(1);
    await modelReady(page);
    expect(await review.getAttribute('data-submission-id')).toBe(submissionId);
    await expect.poll(() => page.getByTestId('review-saved-item').count(), WAIT).toBe(1);

    // A signed action without a reviewer asks for the name first and records nothing.
    await page.getByTestId('review-comment-text').fill(COMMENT);
    await page.getByTestId('review-comment-add').click();
    await expect.poll(() => page.getByTestId('review-record').textContent(), WAIT).toContain('Hãy nhập tên người thẩm định');
    expect(await page.getByTestId('review-comment').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('review-reviewer');
    await page.getByTestId('review-reviewer').fill(REVIEWER);
    await page.getByTestId('review-reviewer').press('Enter');

    await page.getByTestId('review-detail-investor').fill(INVESTOR);
    await page.getByTestId('review-details-save').click();
    await expect.poll(() => auditActions(page), WAIT).toEqual(['received', 'detailsEdited']);
    await page.getByTestId('review-comment-add').click();
    await expect.poll(() => page.getByTestId('review-comment').count(), WAIT).toBe(1);
    expect(await review.getAttribute('data-status')).toBe('checking');

    // The decision: a reason too short is refused with what is wrong; a proper one is recorded and final.
    await page.getByTestId('review-tab-decision').click();
    await page.getByTestId('review-decision-returned').check();
    await page.getByTestId('review-decision-reason-input').fill('Thiếu');
    await page.getByTestId('review-decision-submit').click();
    expect(await text(page, 'review-decision-problem')).toMatch(/Lý do quá ngắn \(5 ký tự\)/);
    expect(await wcagViolations(page), 'the decision form with its validation message').toEqual([]);
    await page.getByTestId('review-decision-reason-input').fill(REASON);
    await page.getByTestId('review-decision-submit').click();
    await expect.poll(() => review.getAttribute('data-status'), WAIT).toBe('returned');
    expect(await page.getByTestId('review-decision-submit').count(), 'no second decision').toBe(0);
    await page.getByTestId('review-tab-record').click();
    await saved(page);
    const before = {
      audit: await page.getByTestId('review-audit-entry').allTextContents(),
      received: await text(page, 'review-record-received'),
    };
    expect(await auditActions(page)).toEqual(['received', 'detailsEdited', 'commented', 'decided']);
    expect(await wcagViolations(page), 'the record tab with a comment and the audit log').toEqual([]);
    await screenshot(page, 'review-record-before-crash');

    // Killed like a crashed tab: no beforeunload, no pagehide, nothing written after this point.
    const crashed = new Promise((resolve) => page.once('crash', resolve));
    const cdp = await context.newCDPSession(page);
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
    await page.close();

    const again = await context.newPage();
    again.setDefaultTimeout(ACTION_TIMEOUT_MS);
    const problems: string[] = [];
    const ifcRequests: string[] = [];
    again.on('pageerror', (error) => problems.push(error.stack ?? error.message));
    again.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    again.on('request', (request) => {
      if (request.url().endsWith('.ifc')) ifcRequests.push(request.url());
    });
    await openIdle(again, `${baseUrl}/tham-dinh-bim`);
    const item = again.getByTestId('review-saved-item');
    await expect.poll(() => item.count(), WAIT).toBe(1);
    expect(await item.getAttribute('data-submission-id')).toBe(submissionId);
    expect(await item.getAttribute('data-status')).toBe('returned');
    expect(await item.textContent()).toContain('AC20-FZK-Haus.vn2000.ifc');

    await item.getByTestId('review-saved-reopen').press('Enter');
    await modelReady(again);
    expect(ifcRequests, 'the model loads from the stored file, not the server').toEqual([]);
    const reopened = again.getByTestId('review');
    expect(await reopened.getAttribute('data-submission-id')).toBe(submissionId);
    expect(await reopened.getAttribute('data-status')).toBe('returned');
    expect(await text(again, 'review-record-sha256')).toBe(sha256);
    expect(await text(again, 'review-record-received')).toBe(before.received);
    expect(await again.getByTestId('review-detail-investor').inputValue()).toBe(INVESTOR);
    expect(await again.getByTestId('review-detail-project').inputValue()).toBe(demo.project.vi);
    expect(await again.getByTestId('review-reviewer').inputValue()).toBe(REVIEWER);
    expect(await again.getByTestId('review-comment').allTextContents()).toEqual([expect.stringContaining(COMMENT)]);
    expect(await again.getByTestId('review-audit-entry').allTextContents()).toEqual(before.audit);
    expect(await again.getByTestId('review-audit-entry').evaluateAll((items) => items.map((item) => item.getAttribute('data-seq')))).toEqual(['1', '2', '3', '4']);
    await again.getByTestId('review-tab-decision').click();
    expect(await again.getByTestId('review-decision').getAttribute('data-outcome')).toBe('returned');
    expect(await text(again, 'review-decision-reason')).toContain(REASON);
    expect(await text(again, 'review-decision-recorded')).toContain(REVIEWER);
    await screenshot(again, 'review-record-after-crash');
    expect(problems, 'the reopened page logs no errors').toEqual([]);
  });
});
