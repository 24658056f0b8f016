/**
 * A planner raises review issues as BCF topics on the demo submission, in headless Chromium against the built app:
 * selects an element in the city, raises an issue from the view (listed with its snapshot), moves its status on and
 * comments, exports the .bcfzip and the file (XSD-valid BCF 3.0) holds all of it with the element's GlobalId, a camera
 * in the model's frame and a PNG; re-importing it updates the topic instead of adding a second; hostile files (path
 * traversal, zip bomb, DOCTYPE, not a zip) are refused with the reader's specific message and the topic stays; "show"
 * flies the camera back and selects the element again; a BCF 2.1 file's topics are added and exported again as 3.0.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { readBcfZip } from '../../src/bim/bcf';
import type { BcfVector } from '../../src/bim/bcf';
import { FIXTURE_21, readFolder, refusal, schema30, xmllint, zipFiles } from '../unit/bim/bcfFixtures';
import { wcagViolations } from './axe';
import { test } from './fixtures';
import { screenshot } from './harness';
import { camera, openIdle, whenIdle, type CameraPose } from './sao';

const LOAD = { timeout: 300_000, interval: 250 };
const WAIT = { timeout: 60_000 };
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const REVIEWER = 'Nguyễn Thị Thẩm Định';
const TITLE = 'Cửa đi thiếu thuộc tính chống cháy';

/** Largest difference between two poses: degrees of lon/lat scaled to metres, metres of height, degrees of angle. */
function poseDistance(a: CameraPose, b: CameraPose): { metres: number; degrees: number } {
  const angle = (x: number, y: number) => Math.abs(((x - y + 540) % 360) - 180);
  const metres = Math.max(Math.abs(a.lon - b.lon) * 104_000, Math.abs(a.lat - b.lat) * 110_700, Math.abs(a.height - b.height));
  return { metres, degrees: Math.max(angle(a.heading, b.heading), angle(a.pitch, b.pitch), angle(a.roll, b.roll)) };
}

async function notice(page: Page): Promise<{ kind: string | null; text: string }> {
  const element = page.getByTestId('review-issues-notice');
  return { kind: await element.getAttribute('data-kind'), text: (await element.textContent()) ?? '' };
}

async function topicTitles(page: Page): Promise<string[]> {
  return page.getByTestId('review-topic-name').allTextContents();
}

/** Picks a file in the import input; resolves once the notice says something new (each file's notice names it). */
async function importFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const before = (await notice(page)).text;
  await page.getByTestId('review-issues-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  await expect.poll(async () => (await notice(page)).text, WAIT).not.toBe(before);
}

describe('review issues as BCF', () => {
  test('a topic from the view with a snapshot, exported and re-imported as .bcfzip; hostile files refused; show restores the view', { timeout: 900_000 }, async ({ app, baseUrl }) => {
    const { page } = app;
    await openIdle(page, `${baseUrl}/tham-dinh-bim`);
    await page.getByTestId('bim-open-demo').click();
    await expect.poll(() => page.getByTestId('bim-model').filter({ hasText: 'AC20-FZK-Haus' }).getAttribute('data-status'), LOAD).toBe('ready');
    await expect.poll(() => page.getByTestId('review').count(), WAIT).toBe(1);
    await page.getByTestId('review-reviewer').fill(REVIEWER);
    await page.getByTestId('review-reviewer').press('Enter');

    // The flight to the model is over when the camera stops; then an element of it is clicked.
    const modelId = (await page.getByTestId('bim-active').getAttribute('data-model-id'))!;
    await expect.poll(() => page.evaluate((id) => window.__sao!.bimDrawnAt(id) !== null, modelId), LOAD).toBe(true);
    await whenIdle(page);
    await expect.poll(() => page.evaluate((id) => window.__sao!.bimElementOnScreen(id) !== null, modelId), WAIT).toBe(true);
    const target = (await page.evaluate((id) => window.__sao!.bimElementOnScreen(id), modelId))!;
    await page.mouse.click(target.x, target.y);
    await expect.poll(() => page.getByTestId('bim-element').getAttribute('data-express-id'), WAIT).toBe(String(target.expressId));
    const globalId = (await page.getByTestId('bim-element-globalid').textContent())!;
    await whenIdle(page);
    const raisedFrom = await camera(page);

    // A new topic from this view.
    await page.getByTestId('review-tab-issues').click();
    await page.getByTestId('review-topic-new').click();
    await page.getByTestId('review-topic-create').click();
    await expect.poll(() => page.getByTestId('review-topic-problem').textContent(), WAIT).toContain('tiêu đề');
    expect(await wcagViolations(page, '[data-testid=review-issues]'), 'the new-topic form with its error').toEqual([]);
    await page.getByTestId('review-topic-title').fill(TITLE);
    await page.getByTestId('review-topic-description').fill('Cửa chính không có Pset_DoorCommon.FireRating.');
    await page.getByTestId('review-topic-priority').selectOption('High');
    await page.getByTestId('review-topic-assigned').fill('Chủ đầu tư');
    await page.getByTestId('review-topic-create').click();
    await expect.poll(() => topicTitles(page), WAIT).toEqual([TITLE]);
    const thumbnail = page.getByTestId('review-topic-snapshot');
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), WAIT).toBe(true);
    const size = await thumbnail.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
    console.log(`[sao e2e] topic snapshot ${size[0]}×${size[1]} px`);
    await screenshot(page, 'review-bcf-topic');

    // Worked on: status moved on and a comment, each listed at once.
    await page.getByTestId('review-topic-details').click();
    await page.getByTestId('review-topic-edit-status').selectOption('In Progress');
    await page.getByTestId('review-topic-comment').fill('Đề nghị bổ sung FireRating EI30 cho cửa chính.');
    await page.getByTestId('review-topic-add-comment').click();
    await expect.poll(() => page.getByTestId('review-topic-status').textContent(), WAIT).toBe('In Progress');
    await expect.poll(() => page.getByTestId('review-topic-comments').textContent(), WAIT).toBe('1 bình luận');
    expect(await wcagViolations(page, '[data-testid=review-issues]'), 'the topic list with its details open').toEqual([]);

    // Export: the file is BCF 3.0 (XSD-valid) with the topic, the element, a camera in the project frame and a PNG.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('review-issues-export').click()]);
    const exported = new Uint8Array(readFileSync((await download.path())!));
    expect(download.suggestedFilename()).toMatch(/^HS-[0-9A-F]{8}-van-de\.bcfzip$/);
    const entries = unzipSync(exported);
    expect(xmllint(Object.entries(entries).flatMap(([name, text]) => (schema30(name) ? [{ name, text, xsd: schema30(name)! }] : [])))).toEqual([]);
    const [topic] = readBcfZip(exported).topics;
    expect(topic).toMatchObject({ title: TITLE, priority: 'High', assignedTo: 'Chủ đầu tư', creationAuthor: REVIEWER, topicStatus: 'In Progress', modifiedAuthor: REVIEWER });
    expect(topic!.comments).toMatchObject([{ author: REVIEWER, comment: 'Đề nghị bổ sung FireRating EI30 cho cửa chính.' }]);
    const viewpoint = topic!.viewpoints[0]!;
    expect(viewpoint.components.selection.map((component) => component.ifcGuid)).toEqual([globalId]);
    const { position, direction } = viewpoint.camera!;
    // The project frame: the eye a few tens of metres from the house's origin (ECEF would be 6 400 km), looking at it.
    const distance = Math.hypot(...position);
    expect(distance).toBeGreaterThan(5);
    expect(distance).toBeLessThan(1_000);
    const towardOrigin = position.map((value) => -value / distance) as BcfVector;
    expect(direction.reduce((sum, value, i) => sum + value * towardOrigin[i]!, 0), 'the camera looks toward the model').toBeGreaterThan(0.5);
    const png = viewpoint.snapshot!.bytes;
    expect(viewpoint.snapshot!.format).toBe('png');
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(png.length).toBeGreaterThan(0);
    // IHDR: width and height, big-endian, at bytes 16 and 20; the camera's aspect is the snapshot's.
    const header = new DataView(png.buffer, png.byteOffset + 16, 8);
    expect(viewpoint.camera!.aspectRatio).toBeCloseTo(header.getUint32(0) / header.getUint32(4), 1);
    console.log(`[sao e2e] exported .bcfzip ${exported.length} bytes, snapshot PNG ${png.length} bytes, camera ${distance.toFixed(1)} m from the project origin`);

    // Re-import: the same topic, updated in place, not a second copy.
    await importFile(page, download.suggestedFilename(), exported);
    expect(await notice(page)).toMatchObject({ kind: 'ok' });
    expect((await notice(page)).text).toMatch(/0 vấn đề mới, 1 vấn đề cập nhật/);
    expect(await topicTitles(page)).toEqual([TITLE]);

    // Hostile files: each refused with the reader's own message; the topic stays.
    const markup = Object.keys(entries).find((name) => name.endsWith('/markup.bcf'))!;
    const hostile: [string, Uint8Array, string][] = [
      ['traversal.bcfzip', zipFiles({ ...entries, '../../evil.sh': '#!/bin/sh\n' }), 'UNSAFE_PATH'],
      ['bomb.bcfzip', zipFiles({ ...entries, 'Documents/zeros.bin': new Uint8Array(20 * 1024 * 1024) }), 'TOO_LARGE'],
      ['doctype.bcfzip', zipFiles({ ...entries, [markup]: '<?xml version="1.0"?>\n<!DOCTYPE Markup [<!ENTITY a "aaaaaaaa">]>\n<Markup>&a;</Markup>' }), 'XML_DOCTYPE'],
      ['not-a-zip.bcfzip', new TextEncoder().encode('This is a plain text file, not a BCF archive.\n'), 'NOT_ZIP'],
    ];
    for (const [name, bytes, code] of hostile) {
      const error = refusal(() => readBcfZip(bytes));
      expect(error.code, name).toBe(code);
      await importFile(page, name, bytes);
      const shown = await notice(page);
      expect(shown.kind, name).toBe('error');
      expect(shown.text, name).toContain(error.userMessage.vi);
      expect(shown.text, name).toContain(name);
      expect(await topicTitles(page), `${name} leaves the topics`).toEqual([TITLE]);
      console.log(`[sao e2e] ${name}: ${shown.text}`);
    }

    // Move away and deselect; "show" brings back the camera and the selection.
    await page.locator('#map').focus();
    for (const key of ['q', 'q', 'q', 'ArrowDown', 'ArrowDown', 's']) await page.keyboard.press(key);
    const canvas = (await page.locator('#map canvas').first().boundingBox())!;
    await page.mouse.click(canvas.x + 8, canvas.y + 8);
    await expect.poll(() => page.getByTestId('bim-element').getAttribute('data-express-id'), WAIT).toBeNull();
    const away = poseDistance(await camera(page), raisedFrom);
    expect(away.metres + away.degrees, 'the camera moved away').toBeGreaterThan(5);
    await page.getByTestId('review-topic-show').click();
    await expect.poll(async () => {
      const { metres, degrees } = poseDistance(await camera(page), raisedFrom);
      return metres < 0.5 && degrees < 0.5;
    }, WAIT).toBe(true);
    await expect.poll(() => page.getByTestId('bim-element').getAttribute('data-express-id'), WAIT).toBe(String(target.expressId));

    // A BCF 2.1 file from another tool: its topics are added (their elements are not in this model, and say so), and the
    // review exports all of them as BCF 3.0.
    const bcf21 = zipFiles(readFolder(FIXTURE_21));
    const foreign = readBcfZip(bcf21).topics;
    await importFile(page, 'review-2.1.bcfzip', bcf21);
    expect((await notice(page)).text).toContain(`${foreign.length} vấn đề mới, 0 vấn đề cập nhật`);
    expect(await topicTitles(page)).toEqual([TITLE, ...foreign.map((entry) => entry.title)]);
    const withSnapshots = 1 + foreign.filter((entry) => entry.viewpoints[0]?.snapshot).length;
    await expect.poll(() => page.getByTestId('review-topic-snapshot').count(), WAIT).toBe(withSnapshots);
    const foreignItem = page.getByTestId('review-topic').filter({ hasText: foreign[0]!.title });
    await foreignItem.getByTestId('review-topic-show').click();
    await expect.poll(async () => (await notice(page)).text, WAIT).toMatch(/cấu kiện trong góc nhìn không có trong mô hình này/);
    const [again] = await Promise.all([page.waitForEvent('download'), page.getByTestId('review-issues-export').click()]);
    expect(readBcfZip(new Uint8Array(readFileSync((await again.path())!))).topics.map((entry) => entry.title)).toEqual([TITLE, ...foreign.map((entry) => entry.title)]);

    // Every change is in the audit log.
    await page.getByTestId('review-tab-record').click();
    const actions = await page.getByTestId('review-audit-entry').evaluateAll((items) => items.map((item) => item.getAttribute('data-action')));
    expect(actions).toEqual(expect.arrayContaining(['issuesChanged', 'issuesExported', 'issuesImported']));
    expect(actions.filter((action) => action === 'issuesImported')).toHaveLength(2);
    expect(actions.filter((action) => action === 'issuesExported')).toHaveLength(2);
  });
});
