// Issue 5, the citizen's journey in a real browser: the demo citizen Hamish Iain Stewart (level 0,
// nothing verified) proves who he is through the portal's forms: name, date of birth and sex
// (level 0), address (level 1), council tax reference (level 2); then starts a document
// application, enters his passport, uploads two photos (JPEGs drawn on a canvas here), records the
// selfie video with Chromium's fake camera (a real MediaRecorder WebM, which the server's video
// inspector must accept), checks and sends it, and sees "Submitted" on /account/verify and the
// dashboard. On the way, the pages of an application in progress are checked with axe in every
// language and width (pages.mjs DRAFT_PAGES).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer } from './support/server.mjs';
import { useBrowser, newContext, watchPage, LANGUAGES, VIEWPORTS } from './support/browser.mjs';
import { TotpDevice } from './support/totp.mjs';
import { expectAccessible } from './support/a11y.mjs';
import { saveScreenshot } from './support/screenshots.mjs';
import { waitingFor } from './support/pending.mjs';
import {
  expectErrors, expectPath, fillForm, goto, pageLanguage, pathOf, signIn, submit, submitForm, switchLanguage,
} from './support/portal.mjs';
import { DRAFT_PAGES, ROUTES } from './pages.mjs';

const server = useServer();
const browser = useBrowser({ fakeCamera: true });

const HAMISH = 'hamish@demo.tessera.localhost';
const NEEDS = [ROUTES.verify, ROUTES.verifyIdentity, ROUTES.verifyVideo, ROUTES.verifyCheck];

function demoAccountByEmail(email) {
  const account = server.credentials?.accounts?.find((a) => a.email === email);
  assert.ok(account, `the demo data has no ${email} (demo-credentials.json): ${JSON.stringify(server.credentials)}`);
  return account;
}

// Follows the link in <main> whose href starts with `href`, and waits for the page.
async function follow(page, href) {
  const link = page.locator(`main a[href^="${href}"]`).first();
  assert.ok((await link.count()) > 0, `no link to ${href} on ${page.url()}`);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
  await expectPath(page, href.split('?')[0]);
}

// A refused form answers 400, which Chromium logs as a failed load: that is the point, not a problem.
function withoutFormAnswers(problems) {
  return problems.filter((p) => !p.startsWith('console error: Failed to load resource'));
}

async function text(page, selector) {
  return (await page.locator(selector).first().innerText()).trim();
}

async function currentLevel(page) {
  await goto(page, ROUTES.verify);
  return text(page, '#current-level');
}

// A JPEG drawn on a canvas in the page: a photo a phone could have taken of one side of a card.
async function jpegOf(page, label) {
  const base64 = await page.evaluate(async (label) => {
    const canvas = document.createElement('canvas');
    canvas.width = 1200;
    canvas.height = 800;
    const g = canvas.getContext('2d');
    const gradient = g.createLinearGradient(0, 0, 1200, 800);
    gradient.addColorStop(0, '#dde7ee');
    gradient.addColorStop(1, '#7a96a8');
    g.fillStyle = gradient;
    g.fillRect(0, 0, 1200, 800);
    g.fillStyle = '#123';
    g.font = 'bold 64px sans-serif';
    g.fillText(label, 80, 400);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return btoa(binary);
  }, label);
  return { name: `${label}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from(base64, 'base64') };
}

// Every page of DRAFT_PAGES in every language and width: right language, screenshot, no axe
// violation, no script or CSP error. Uses the signed-in citizen's cookies.
async function checkDraftPages(t, cookies) {
  for (const lang of LANGUAGES) {
    for (const [viewport, size] of Object.entries(VIEWPORTS)) {
      const context = await newContext(browser.get(), { baseURL: server.url, viewport, locale: lang });
      await context.addCookies(cookies.filter((c) => c.name !== 'lang'));
      const page = await context.newPage();
      const problems = watchPage(page);
      try {
        for (const entry of DRAFT_PAGES) {
          await t.test(`${entry.name} in ${lang} at ${size.width}px`, async () => {
            problems.length = 0;
            await goto(page, entry.path);
            if ((await pageLanguage(page)) !== lang) {
              await switchLanguage(page, lang);
              if (pathOf(page) !== entry.path) await goto(page, entry.path);
            }
            await expectPath(page, entry.path);
            assert.equal(await pageLanguage(page), lang);
            await saveScreenshot(page, { lang, width: size.width, name: entry.name });
            await expectAccessible(page, `${entry.name} in ${lang} at ${size.width}px`);
            assert.deepEqual(problems, [], `${entry.path}: no script, console (CSP) or server errors`);
          });
        }
      } finally {
        await context.close();
      }
    }
  }
}

test('Hamish proves who he is: level 0 to 2 through the forms, then documents, photos and a recorded video, submitted', async (t) => {
  if (await waitingFor(t, server, NEEDS)) return;
  const hamish = demoAccountByEmail(HAMISH);
  const context = await newContext(browser.get(), { baseURL: server.url, viewport: 'desktop' });
  await context.grantPermissions(['camera', 'microphone'], { origin: server.url });
  const page = await context.newPage();
  const problems = watchPage(page);
  const shot = (name) => saveScreenshot(page, { lang: 'en', name: `verify-${name}` });
  try {
    await signIn(page, hamish, { device: TotpDevice.for(hamish.totpSecret) });
    await expectPath(page, ROUTES.account);
    await follow(page, ROUTES.verify);
    assert.equal(await text(page, '#current-level'), 'Level 0');
    await shot('01-overview');

    // Level 1: name, date of birth and sex (filled in from his profile), then the address.
    await follow(page, ROUTES.verifyIdentity);
    assert.equal(await page.locator('#givenNames').inputValue(), 'Hamish Iain');
    assert.equal(await page.locator('#familyName').inputValue(), 'Stewart');
    assert.equal(await page.locator('#dateOfBirth-year').inputValue(), '1972');
    assert.ok(await page.locator('input[name="sex"][value="male"]').isChecked());
    // A wrong date first: the form says so, with the tries left, and nothing changes.
    await submitForm(page, { 'dateOfBirth-day': '31' });
    await expectPath(page, ROUTES.verifyIdentity);
    await expectErrors(page, ['givenNames']);
    assert.match(await text(page, '.govuk-error-summary'), /tries left today: 2/);
    await shot('02-identity-no-match');
    await submitForm(page, { 'dateOfBirth-day': '30' });
    await expectPath(page, ROUTES.verify);
    assert.match(await text(page, '.govuk-notification-banner'), /match the birth register/);

    await follow(page, ROUTES.verifyAddress);
    assert.equal(await page.locator('#line1').inputValue(), '3 Tay Street');
    assert.equal(await page.locator('#postcode').inputValue(), 'PH1 5LQ');
    await submit(page);
    await expectPath(page, ROUTES.verify);
    assert.equal(await text(page, '#current-level'), 'Level 1');

    // Level 2: his council tax reference.
    await follow(page, ROUTES.verifyKnownFact);
    await submitForm(page, { factType: 'council_tax_reference', reference: 'CT-PER-4000-0401' });
    await expectPath(page, ROUTES.verify);
    assert.equal(await text(page, '#current-level'), 'Level 2');
    await shot('03-level-2');

    // Level 3: the application. What is needed, then Start.
    await follow(page, ROUTES.verifyDocuments);
    await shot('04-documents');
    await submit(page);
    await expectPath(page, ROUTES.verifyDocument);
    // A check digit that does not match: said beside the number.
    await fillForm(page, {
      documentType: 'passport', documentNumber: '507316642', checkDigit: '3', issuingCountry: 'GBR',
      'expiryDate-day': '15', 'expiryDate-month': '7', 'expiryDate-year': '2028',
    });
    await submit(page);
    await expectPath(page, ROUTES.verifyDocument);
    await expectErrors(page, ['documentNumber']);
    await shot('05-document-check-digit');
    await submitForm(page, { checkDigit: '8' });
    await expectPath(page, ROUTES.verifyPhotos);

    // The photos: both sides in one form (multipart, no JavaScript needed).
    await page.locator('#front').setInputFiles(await jpegOf(page, 'PASSPORT FRONT'));
    await page.locator('#back').setInputFiles(await jpegOf(page, 'PASSPORT BACK'));
    await submit(page);
    await expectPath(page, ROUTES.verifyVideo);
    assert.match(await text(page, '.govuk-notification-banner'), /photos have been received/);

    // An application in progress: its pages in every language and width.
    await checkDraftPages(t, await context.cookies());

    // The selfie video, recorded with the fake camera through the page's own controls.
    await goto(page, ROUTES.verifyVideo);
    assert.equal(await page.locator('#recorder').isVisible(), true, 'the recorder shows when the browser can record');
    await page.locator('#recorder-camera').click();
    await page.locator('#recorder-record').waitFor({ state: 'visible' });
    await shot('06-camera-on');
    await page.locator('#recorder-record').click();
    await page.locator('#recorder-countdown').waitFor({ state: 'visible' });
    await page.waitForTimeout(4500);
    await page.locator('#recorder-stop').click();
    await page.locator('#recorder-use').waitFor({ state: 'visible' });
    // It plays back (a blob: URL, which this page alone may play).
    const played = await page.evaluate(async () => {
      const v = document.getElementById('recorder-preview');
      v.muted = true;
      await v.play();
      await new Promise((resolve) => setTimeout(resolve, 500));
      return { src: v.src, time: v.currentTime };
    });
    assert.match(played.src, /^blob:/);
    assert.ok(played.time > 0, `the recording plays back (currentTime ${played.time})`);
    await shot('07-recorded');
    await page.locator('#recorder-use').click();
    await Promise.race([
      page.waitForURL(/\/account\/verify\/check/, { timeout: 20_000 }),
      page.locator('#recorder-error').waitFor({ state: 'visible', timeout: 20_000 }),
    ]);
    if (pathOf(page) !== ROUTES.verifyCheck) {
      assert.fail(`the recorded video was refused: ${await text(page, '#recorder-error')}`);
    }
    assert.match(await text(page, '.govuk-notification-banner'), /video has been received/);

    // Check and send.
    const summary = await text(page, '.govuk-summary-list');
    assert.match(summary, /Passport/);
    assert.match(summary, /Number ending 6642/);
    assert.match(summary, /WebM video/);
    await shot('08-check');
    await submit(page);
    await expectPath(page, ROUTES.verifySubmitted);
    await shot('09-submitted');

    await goto(page, ROUTES.verify);
    assert.equal(await text(page, '#application-status'), 'Submitted');
    await goto(page, ROUTES.account);
    assert.match(await text(page, '#verification'), /Submitted/);
    assert.match(await text(page, '#verification'), /Level 2/);
    await shot('10-dashboard');
    assert.deepEqual(withoutFormAnswers(problems), [], 'no script, console (CSP) or server errors');
  } catch (e) {
    await saveScreenshot(page, { lang: 'en', name: `verify-FAILED-${pathOf(page).replace(/\//g, '-')}` }).catch(() => {});
    throw server.explain(e);
  } finally {
    await context.close();
  }
});

test('a refused camera says so, and the upload form takes a file instead (and refuses one that is not a video)', async (t) => {
  if (await waitingFor(t, server, NEEDS)) return;
  // Catriona (level 2 in the demo data) starts an application for level 3.
  const catriona = demoAccountByEmail('catriona@demo.tessera.localhost');
  const context = await newContext(browser.get(), { baseURL: server.url, viewport: 'phone' });
  const page = await context.newPage();
  // The person says no when the browser asks for the camera.
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
  });
  const problems = watchPage(page);
  try {
    await signIn(page, catriona, { device: TotpDevice.for(catriona.totpSecret) });
    await goto(page, ROUTES.verifyDocuments);
    await submit(page);
    await expectPath(page, ROUTES.verifyDocument);
    await goto(page, ROUTES.verifyVideo);
    await page.locator('#recorder-camera').click();
    await page.locator('#recorder-error').waitFor({ state: 'visible' });
    assert.match(await text(page, '#recorder-error'), /did not allow this page to use your camera/);
    assert.ok(await page.locator('#video').isVisible(), 'the upload form is still there');
    await saveScreenshot(page, { lang: 'en', name: 'verify-video-camera-refused' });

    // A photo is not a video: refused beside the file input, with the error summary.
    await page.locator('#video').setInputFiles(await jpegOf(page, 'NOT A VIDEO'));
    await submit(page, { field: 'video' });
    await expectPath(page, ROUTES.verifyVideo);
    await expectErrors(page, ['video']);
    assert.match(await text(page, '.govuk-error-summary'), /must be a WebM or MP4 file/);
    await expectAccessible(page, 'the video page with an upload error');
    assert.deepEqual(withoutFormAnswers(problems), [], 'no script, console (CSP) or server errors');
  } catch (e) {
    throw server.explain(e);
  } finally {
    await context.close();
  }
});
