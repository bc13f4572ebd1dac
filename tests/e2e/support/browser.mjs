// Debian's Chromium driven by playwright-core (no downloaded browser). One browser per test file;
// a context per (viewport, language) so cookies and sessions never leak between cases.
import { existsSync } from 'node:fs';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const chromiumPath = process.env.TESSERA_E2E_CHROMIUM || '/usr/bin/chromium';

export const VIEWPORTS = {
  phone: { width: 375, height: 812 },
  desktop: { width: 1280, height: 900 },
};

export const LANGUAGES = ['en', 'fr', 'gd'];

// fakeCamera: Chromium's fake camera and microphone (a test pattern and a tone), granted without
// asking, for pages that record video (MediaRecorder). Off by default.
export async function launchBrowser({ fakeCamera = false } = {}) {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium (or set TESSERA_E2E_CHROMIUM)`);
  }
  const media = fakeCamera ? ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] : [];
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    timeout: 60_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-dev-shm-usage',
      ...media,
    ],
  });
}

// viewport: 'phone' | 'desktop' | {width, height}. locale sets Accept-Language (the portal's last
// choice of language, after the switch and the account's preference).
export async function newContext(browser, { baseURL, viewport = 'desktop', locale = 'en', storageState } = {}) {
  const size = typeof viewport === 'string' ? VIEWPORTS[viewport] : viewport;
  if (!size) throw new Error(`unknown viewport ${viewport}`);
  const phone = size.width < 600;
  const context = await browser.newContext({
    baseURL,
    viewport: size,
    locale,
    extraHTTPHeaders: { 'Accept-Language': locale },
    isMobile: phone,
    hasTouch: phone,
    deviceScaleFactor: 1,
    storageState,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  return context;
}

// Fails a page whose response is an HTTP error or whose scripts throw; returns the collected
// problems so a test can assert there were none.
export function watchPage(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('response', (r) => {
    // A page's own 4xx is often the point of a test; a stylesheet, script, image or font that
    // is missing never is. Name the URL so a failure says what went missing.
    const subresource = r.request().resourceType() !== 'document';
    if (r.status() >= 500 || (subresource && r.status() >= 400))
      problems.push(`HTTP ${r.status()} for ${r.request().resourceType()} ${r.url()}`);
  });
  return problems;
}

// For a test file: `const browser = useBrowser();` then `browser.get()` inside tests.
// options: as launchBrowser's ({fakeCamera}).
export function useBrowser(options = {}) {
  let instance;
  before(async () => {
    instance = await launchBrowser(options);
  });
  after(async () => {
    // A wedged browser must not hold the test file open: close() gets 20 s (playwright kills
    // the browser it launched when this process exits).
    if (!instance) return;
    const closed = instance.close().catch(() => {});
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 20_000).unref())]);
  });
  return {
    get() {
      if (!instance) throw new Error('the browser is not started yet (use it inside a test)');
      return instance;
    },
  };
}
