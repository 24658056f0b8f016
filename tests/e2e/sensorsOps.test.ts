/**
 * An operator in Vận hành with the embedded replay (issue 5 §3, §4): the simulated storm raises the sample flood
 * alert at once (live region), its playbook shows, the gauges turn to the alert's colour on the map; acknowledge,
 * assign, a checklist tick, "open a flood scenario with the observed rain" and resolve land in the audit log under
 * the operator's name; rules round-trip through export and import, a bad file is refused naming the field; after a
 * reload the rules, alerts, audit log and the operator's name are all still there. The panel passes axe.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { test } from './fixtures';
import { screenshot, screenshotCanvas } from './harness';
import { ROOT } from './server';
import { openIdle, toWindow, whenIdle } from './sao';

const WAIT = { timeout: 120_000 };
/** The storm replay runs a simulated minute per second and crosses 0.3 m ≈ 45 s in; it loops every 150 s. */
const STORM_WAIT = { timeout: 240_000, interval: 1000 };
const OPERATOR = 'Nguyễn Thị Lan';
const AGENCY = 'Công ty TNHH MTV Thoát nước Hà Nội';

const sample = JSON.parse(readFileSync(join(ROOT, 'assets/demo/sensors/rules.json'), 'utf8')) as { rules: { id: string; name: { vi: string }; condition: { threshold: number } }[]; playbooks: unknown[] };
const floodRule = sample.rules.find((r) => r.id === 'sample-water-level-ward')!;
const gauges = (JSON.parse(readFileSync(join(ROOT, 'assets/demo/sensors/gauges.json'), 'utf8')) as { gauges: { id: string; kind: string; location: [number, number] }[] }).gauges;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const floodAlertRow = (page: Page): Locator => page.locator(`[data-testid="alert-list"] [data-alert-id^="rule:${floodRule.id}@"]`).first();

async function auditActions(page: Page): Promise<{ action: string | null; text: string }[]> {
  return page.getByTestId('audit-log').locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({ action: row.getAttribute('data-action'), text: row.textContent ?? '' })));
}

async function exportedRuleSet(page: Page): Promise<{ rules: { id: string; condition: { threshold: number } }[]; playbooks: unknown[] }> {
  const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.getByTestId('rules-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^sao-quy-tac-\d{4}-\d{2}-\d{2}\.json$/);
  return JSON.parse(readFileSync((await download.path())!, 'utf8'));
}

async function importRuleSet(page: Page, name: string, text: string): Promise<string> {
  await page.getByTestId('rules-import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  const outcome = page.getByTestId('rules-outcome');
  await expect.poll(() => outcome.textContent(), WAIT).toContain(name.endsWith('bad.json') ? 'rules[' : name);
  return (await outcome.textContent()) ?? '';
}

/** The canvas colours at places on the map (one capture): the median of a 3×3 patch each, so an edge pixel does not decide. */
async function coloursAt(page: Page, places: readonly [number, number][]): Promise<[number, number, number][]> {
  const box = await page.locator('.cesium-widget canvas').boundingBox();
  const { png } = await screenshotCanvas(page, 'sensors-map');
  const colours: [number, number, number][] = [];
  for (const [lon, lat] of places) {
    const at = await toWindow(page, lon, lat, 2);
    if (!at || !box) continue;
    const x0 = Math.round(at[0] - box.x), y0 = Math.round(at[1] - box.y);
    const patch: [number, number, number][] = [];
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const o = ((y0 + dy) * png.width + (x0 + dx)) * 4;
        patch.push([png.data[o]!, png.data[o + 1]!, png.data[o + 2]!]);
      }
    }
    patch.sort((a, b) => a[0] + a[1] + a[2] - (b[0] + b[1] + b[2]));
    colours.push(patch[4]!);
  }
  return colours;
}

/** The *special* level's colour (#ffc845) on the map, within what SwiftShader's blending leaves. */
const isSpecialColour = ([r, g, b]: [number, number, number]) => r > 220 && g > 170 && g < 230 && b < 120;
/** The *ok* colour (#7ee2a8). */
const isOkColour = ([r, g, b]: [number, number, number]) => r < 160 && g > 200 && b > 130 && b < 200;

async function wcagViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const { violations } = await axe.run({ include: [['[data-testid="sensors-panel"]']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('Sensors, alerts and playbooks in Vận hành', () => {
  test('the storm raises the flood alert with its playbook; actions are audited; rules round-trip; a reload keeps everything', { timeout: 900_000 }, async ({ app, baseUrl }) => {
    const { page } = app;
    await openIdle(page, `${baseUrl}/van-hanh`);
    const panel = page.getByTestId('sensors-panel');
    await panel.waitFor({ state: 'visible', ...WAIT });
    await page.getByTestId('sensors-simulated').waitFor({ state: 'visible', ...WAIT });

    // The profile names the operator; actions are refused until it does.
    await page.getByLabel('Họ tên người vận hành').fill(OPERATOR);
    await page.getByRole('button', { name: 'Lưu tên' }).click();
    await expect.poll(() => page.getByTestId('operator-status').textContent()).toContain(OPERATOR);

    // The storm: water above 0.3 m for 5 simulated minutes raises the sample flood alert, announced at once.
    await floodAlertRow(page).waitFor({ state: 'visible', ...STORM_WAIT });
    expect(await floodAlertRow(page).textContent()).toContain('Đặc biệt');
    const banner = page.getByRole('alert').filter({ hasText: 'Cảnh báo' }).first();
    await expect.poll(() => banner.textContent()).toMatch(/Cảnh báo (Thường xuyên|Đặc biệt|Khẩn cấp):/);

    // Open it from the keyboard: the playbook shows, step by step, with the lead agency.
    await floodAlertRow(page).focus();
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('alert-detail');
    await detail.waitFor({ state: 'visible', ...WAIT });
    const playbook = detail.getByTestId('playbook');
    expect(await playbook.textContent()).toContain('Bước 1: Xác minh và thông báo');
    expect(await playbook.textContent()).toContain('Cơ quan chủ trì: Trung tâm Điều hành đô thị thông minh (IOC) quận Cầu Giấy');
    const alertId = await detail.getAttribute('data-alert-id');
    await screenshot(page, 'sensors-alert');

    // On the map, gauges over a threshold take their alert's level colour while the condition holds (the storm's
    // rain and water alerts are *special*); the others stay the colour of *ok*.
    const places = gauges.map((g) => g.location);
    await expect.poll(async () => {
      const colours = await coloursAt(page, places);
      return colours.some(isSpecialColour) && colours.some(isOkColour);
    }, STORM_WAIT).toBe(true);

    // Acknowledge, assign to an agency, tick a checklist item, pre-fill a flood scenario, resolve.
    await detail.getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => detail.getByTestId('alert-status').textContent()).toContain('Đã xác nhận');
    await detail.getByLabel('Người hoặc cơ quan được giao').fill(AGENCY);
    await detail.getByRole('button', { name: 'Giao việc' }).click();
    await expect.poll(() => detail.getByTestId('alert-assignee').textContent()).toBe(AGENCY);
    await playbook.getByRole('checkbox').first().check();
    await detail.getByRole('button', { name: 'Mở kịch bản ngập với lượng mưa đã đo' }).click();
    await expect.poll(() => detail.getByTestId('flood-action-result').textContent()).toMatch(/Đã đặt lượng mưa đo được \(\d+ phút, đỉnh \d+ mm\/giờ\)/);
    const flood = page.getByTestId('flood-panel');
    await expect.poll(() => flood.textContent(), WAIT).toMatch(/mua-quan-trac-[\d-]+\.csv/);
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="flood-panel"]') !== null)).toBe(true);
    await detail.getByLabel('Ghi chú xử lý').fill('Đã bơm cạn');
    await detail.getByRole('button', { name: 'Đã xử lý xong' }).click();
    await expect.poll(() => detail.getByTestId('alert-status').textContent()).toContain('Đã xử lý');

    const actions = await auditActions(page);
    const mine = actions.filter((a) => a.text.includes(OPERATOR)).map((a) => a.action);
    expect(mine.slice(0, 5)).toEqual(['resolved', 'floodScenarioOpened', 'checked', 'assigned', 'acknowledged']);
    expect(actions.find((a) => a.action === 'assigned')!.text).toContain(AGENCY);
    expect(actions.some((a) => a.action === 'raised' && a.text.includes('Hệ thống') && a.text.includes(floodRule.name.vi))).toBe(true);
    expect(await wcagViolations(page)).toEqual([]);

    // Rules: the export is the sample set; a threshold edited in the form is saved and exported.
    const exported = await exportedRuleSet(page);
    expect(exported.rules).toEqual(sample.rules);
    expect(exported.playbooks).toEqual(sample.playbooks);
    const threshold = page.getByTestId(`rule-threshold-${floodRule.id}`);
    await threshold.fill('0,35');
    await page.getByRole('button', { name: 'Lưu quy tắc' }).click();
    await expect.poll(() => page.getByTestId('rules-outcome').textContent()).toBe('Đã lưu bộ quy tắc.');
    const edited = await exportedRuleSet(page);
    expect(edited.rules.find((r) => r.id === floodRule.id)!.condition.threshold).toBe(0.35);

    // Import: what was exported comes back as it was; a bad file is refused, naming the field.
    const changed = structuredClone(edited);
    changed.rules.find((r) => r.id === floodRule.id)!.condition.threshold = 0.4;
    expect(await importRuleSet(page, 'quy-tac-phuong.json', JSON.stringify(changed))).toContain('Đã nhập quy-tac-phuong.json');
    expect(await exportedRuleSet(page)).toEqual(changed);
    expect(await threshold.inputValue()).toBe('0.4');
    const bad = structuredClone(changed) as unknown as { rules: { condition: { op: string } }[] };
    bad.rules[1]!.condition.op = '=>';
    expect(await importRuleSet(page, 'quy-tac-bad.json', JSON.stringify(bad))).toContain('rules[1].condition.op: phải là một trong ">", ">=", "<", "<="');
    expect(await exportedRuleSet(page)).toEqual(changed);

    // A reload loses nothing: operator, rules, the resolved alert, the audit log.
    const auditBefore = (await auditActions(page)).length;
    await page.reload({ waitUntil: 'load' });
    await whenIdle(page);
    await panel.waitFor({ state: 'visible', ...WAIT });
    await expect.poll(() => page.getByTestId('operator-status').textContent(), WAIT).toContain(OPERATOR);
    await expect.poll(() => threshold.inputValue(), WAIT).toBe('0.4');
    await page.getByLabel('Hiện cả cảnh báo đã xử lý').check();
    const resolvedRow = page.locator(`[data-testid="alert-list"] [data-alert-id="${alertId}"]`);
    await expect.poll(() => resolvedRow.textContent(), WAIT).toContain('Đã xử lý');
    const after = await auditActions(page);
    expect(after.length).toBeGreaterThanOrEqual(Math.min(auditBefore, 50));
    expect(after.some((a) => a.action === 'rulesImported' && a.text.includes(OPERATOR))).toBe(true);
    expect(after.some((a) => a.action === 'assigned' && a.text.includes(AGENCY))).toBe(true);
    await screenshot(page, 'sensors-after-reload');
  });
});
