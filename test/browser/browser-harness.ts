// Drives the real web app (served by the real API on a fresh database) in Debian's headless
// Chromium through playwright-core. Tests skip, saying so, where /usr/bin/chromium is missing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);
/**
 * Screenshots go to a scratch folder on every run, and to the README's docs/screenshots only when
 * asked (`npm run screenshots`), so a test run leaves the committed images alone.
 */
export const SCREENSHOTS = join(process.cwd(), process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : '.data/screenshots');

/** `describe`, or `describe.skip` with a clear message when Chromium is not installed. */
export function describeInBrowser(name: string, body: () => void): void {
  if (chromiumAvailable) return describe(name, body);
  process.stderr.write(`\n${name}: skipped: chromium not installed (apt-get install -y chromium)\n`);
  describe.skip(name, body);
}

/** Builds apps/web when its dist is missing or stale (npm test already did; a filtered run may not). */
export function ensureWebBuilt(): void {
  execFileSync(process.execPath, [join(process.cwd(), 'scripts/build-web.mjs')], { stdio: 'inherit' });
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const PHONE = { width: 375, height: 740 };
export const DESKTOP = { width: 1280, height: 860 };

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and CSP refusals seen so far (a healthy page has none). */
  problems: string[];
}

/** `locale` is the browser's language (navigator.languages), which picks the app's language. */
export async function openPage(browser: Browser, baseURL: string, viewport: { width: number; height: number }, locale = 'en-GB'): Promise<WatchedPage> {
  const context = await browser.newContext({
    baseURL,
    viewport,
    // The viewer is in Brussels, the demo-like events in Helsinki: both times must show.
    timezoneId: 'Europe/Brussels',
    locale,
    isMobile: viewport.width < 500,
    hasTouch: viewport.width < 500,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/status of 4\d\d/.test(msg.text())) problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { page, context, problems };
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core on the current page; returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<AxeFinding[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol, so the page's CSP (no inline scripts) does not apply.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const page = globalThis as unknown as { document: unknown; axe: { run: (ctx: unknown, options: unknown) => Promise<{ violations: any[] }> } };
    const result = await page.axe.run(page.document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n: any) => n.html) }));
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * What every browser spec needs: one Chromium, the pages it opened (closed at the end), an axe
 * scan per page state and the checks that fail a spec on a violation, a console error or a page
 * wider than the phone.
 */
export class BrowserSuite {
  browser!: Browser;
  readonly scanned: Record<string, AxeFinding[]> = {};
  readonly pages: WatchedPage[] = [];

  async start(): Promise<void> {
    ensureWebBuilt();
    this.browser = await launchChromium();
  }

  async stop(): Promise<void> {
    for (const p of this.pages) await p.context.close().catch(() => undefined);
    await this.browser?.close();
  }

  /**
   * A tab already signed in with this token (the sign-in page itself is tested elsewhere). The
   * token is set once per tab, so signing out, or being signed out, sticks across reloads.
   */
  async signedIn(baseUrl: string, token: string, viewport: { width: number; height: number }, locale?: string): Promise<WatchedPage> {
    const watched = await openPage(this.browser, baseUrl, viewport, locale);
    // The machine is shared with other suites; a slow moment should not fail a journey.
    watched.page.setDefaultTimeout(20_000);
    await watched.context.addInitScript((value: string) => {
      type Store = { getItem(key: string): string | null; setItem(key: string, value: string): void };
      const w = globalThis as unknown as { sessionStorage: Store; localStorage: Store };
      if (!w.sessionStorage.getItem('test.signed-in')) {
        w.sessionStorage.setItem('test.signed-in', '1');
        w.localStorage.setItem('clustermeet.token', value);
      }
    }, token);
    this.pages.push(watched);
    return watched;
  }

  /** A tab nobody is signed in to. */
  async anonymous(baseUrl: string, viewport: { width: number; height: number }, locale?: string): Promise<WatchedPage> {
    const watched = await openPage(this.browser, baseUrl, viewport, locale);
    watched.page.setDefaultTimeout(20_000);
    this.pages.push(watched);
    return watched;
  }

  // Arrow properties, so a spec can destructure them: const { heading, scan, noOverflow } = suite.
  readonly heading = async (page: Page, name: string | RegExp): Promise<void> => {
    await page.getByRole('heading', { level: 1, name }).waitFor();
  };

  readonly scan = async (page: Page, label: string): Promise<void> => {
    this.scanned[label] = await seriousA11yViolations(page);
  };

  readonly noOverflow = async (page: Page): Promise<void> => {
    const overflow = await page.evaluate(() => {
      const w = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
      return w.document.documentElement.scrollWidth - w.innerWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
  };

  /** At least `scans` page states scanned, none with a serious or critical violation, no console error on any page. */
  expectClean(scans: number): void {
    expect(Object.keys(this.scanned).length).toBeGreaterThanOrEqual(scans);
    expect(Object.fromEntries(Object.entries(this.scanned).filter(([, v]) => v.length))).toEqual({});
    for (const p of this.pages) expect(p.problems.filter((x) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::/.test(x))).toEqual([]);
  }
}
