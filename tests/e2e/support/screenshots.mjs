// Full-page screenshots a reviewer can open: tests/e2e/screenshots/<lang>-<width>-<page>.png
// (git-ignored; TESSERA_E2E_SCREENSHOT_DIR moves it).
import fs from 'node:fs/promises';
import path from 'node:path';
import { screenshotDir } from './paths.mjs';

export function screenshotPath({ lang, width, name }) {
  const safe = String(name).replace(/[^a-z0-9._-]+/gi, '-');
  return path.join(screenshotDir, `${lang}-${width}-${safe}.png`);
}

export async function saveScreenshot(page, { lang, width = page.viewportSize()?.width, name }) {
  const file = screenshotPath({ lang, width, name });
  await fs.mkdir(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}
