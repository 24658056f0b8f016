/**
 * Drives Debian's Chromium against a served build: launch flags, a page that records every console error, page
 * error and request that would leave the machine, screenshots, and pixel statistics of the Cesium canvas.
 * Free of vitest so that the start-up benchmark can use it too.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { chromium, type Browser, type BrowserContext, type Page, type Route } from 'playwright-core';
import { ROOT } from './server';

export const CHROMIUM = process.env.SAO_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Headless Chromium without a GPU: WebGL goes through ANGLE on SwiftShader (a CPU Vulkan), which must be
 * allowed explicitly since Chromium 137. The host resolver rule makes every name but the loopback fail to resolve,
 * so nothing can leave the machine even from places `context.route` does not see; the remaining flags stop the
 * browser's own background traffic (component updates, sync, QUIC probes).
 */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

/** Playwright gives every launch a fresh temporary profile (`--user-data-dir`), removed on close. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** The canvas Cesium draws into. */
export const CESIUM_CANVAS = '.cesium-widget canvas';

export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Requests the page may make without leaving the machine: loopback, and URLs that are not fetched at all. */
export function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return LOCAL_HOSTS.has(hostname);
}

/** Chromium's console line for a response with an error status or a failed fetch. */
const FAILED_RESOURCE = /^Failed to load resource: /;

/** A page with its own browser context whose problems are recorded rather than thrown. */
export class RecordedPage {
  readonly consoleErrors: string[] = [];
  readonly pageErrors: string[] = [];
  readonly foreignRequests: string[] = [];
  /** URLs whose failure a test caused on purpose (see `provoke`). */
  private readonly provoked: Array<(url: string) => boolean> = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async open(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<RecordedPage> {
    const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await context.newPage();
    const recorded = new RecordedPage(context, page);
    await recorded.listen();
    return recorded;
  }

  private async listen(): Promise<void> {
    this.context.on('request', (request) => {
      if (!isLocal(request.url())) this.foreignRequests.push(`${request.method()} ${request.url()}`);
    });
    await this.context.route(
      (url) => !isLocal(url.href),
      (route) => route.abort('blockedbyclient'),
    );
    this.page.on('pageerror', (error) => this.pageErrors.push(error.stack ?? error.message));
    this.page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const { url } = message.location();
      if (FAILED_RESOURCE.test(message.text()) && this.provoked.some((matches) => matches(url))) return;
      this.consoleErrors.push(`${message.text()} (at ${url})`);
    });
  }

  /**
   * Answers the requests `matches` selects with `handler` (e.g. a 404), and does not count the browser's
   * "Failed to load resource" console line for exactly those URLs as an error. Any other console error, including
   * the app's own report of the failure, still counts.
   */
  async provoke(matches: (url: string) => boolean, handler: (route: Route) => Promise<void>): Promise<void> {
    this.provoked.push(matches);
    await this.page.route((url) => matches(url.href), handler);
  }

  /** Everything that should fail the test, one line each; empty when the page behaved. */
  problems(): string[] {
    return [
      ...this.consoleErrors.map((text) => `console error: ${text}`),
      ...this.pageErrors.map((text) => `page error: ${text}`),
      ...this.foreignRequests.map((text) => `request leaving the machine: ${text}`),
    ];
  }

  /** Closes the page's context; what it recorded stays readable. Closing twice is harmless. */
  close(): Promise<void> {
    return this.context.close();
  }
}

export interface Screenshot {
  path: string;
  png: PNG;
}

/** Saves a PNG of the whole page under test-results/screenshots and prints its path. */
export async function screenshot(page: Page, name: string): Promise<Screenshot> {
  return save(name, await page.screenshot({ animations: 'disabled', timeout: 60_000 }));
}

/**
 * Saves a PNG of the Cesium canvas alone: everything else on the page (panels, widgets, credits drawn over the
 * map) is hidden for the capture, so that pixel statistics measure what WebGL drew and nothing else.
 */
export async function screenshotCanvas(page: Page, name: string): Promise<Screenshot> {
  const style = `body * { visibility: hidden !important; } ${CESIUM_CANVAS} { visibility: visible !important; }`;
  return save(name, await page.locator(CESIUM_CANVAS).screenshot({ animations: 'disabled', style, timeout: 60_000 }));
}

function save(name: string, buffer: Buffer): Screenshot {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  writeFileSync(path, buffer);
  console.log(`[sao e2e] screenshot ${path}`);
  return { path, png: PNG.sync.read(buffer) };
}

export interface PixelStats {
  /** Variance of the Rec. 601 luma (0–255 scale) over all pixels. */
  lumaVariance: number;
  /** Colours present after quantising each channel to 4 bits (4096 possible), so dithering noise does not count. */
  distinctColours: number;
}

export function pixelStats(png: PNG): PixelStats {
  const { data, width, height } = png;
  const pixels = width * height;
  const colours = new Set<number>();
  let sum = 0;
  let sumOfSquares = 0;
  for (let offset = 0; offset < pixels * 4; offset += 4) {
    const r = data[offset] ?? 0;
    const g = data[offset + 1] ?? 0;
    const b = data[offset + 2] ?? 0;
    const luma = 0.299 * r + 0.587 * g + 0.114 * b;
    sum += luma;
    sumOfSquares += luma * luma;
    colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
  }
  const mean = sum / pixels;
  return { lumaVariance: sumOfSquares / pixels - mean * mean, distinctColours: colours.size };
}
