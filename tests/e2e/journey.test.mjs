// Issue 3, "Done means": a person's whole journey in the browser, on a phone —
// create an account, read the code from the outbox, set up an authenticator app (the code
// computed here), sign out, sign in, change the address, switch to French.
// Reported as TODO (with the missing routes) until every page it needs exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { useServer } from './support/server.mjs';
import { useBrowser, newContext, watchPage } from './support/browser.mjs';
import { TotpDevice } from './support/totp.mjs';
import { saveScreenshot } from './support/screenshots.mjs';
import { waitingFor } from './support/pending.mjs';
import {
  currentAccount, expectPath, fillForm, goto, pageLanguage, pathOf, signIn, signOut, submit, switchLanguage,
} from './support/portal.mjs';
import { ROUTES } from './pages.mjs';

const server = useServer();
const browser = useBrowser();

const NEEDS = [ROUTES.createAccount, ROUTES.checkEmail, ROUTES.setUpSecondFactor, ROUTES.profile];

// Ticks every checkbox of the form holding `field` (the terms, privacy and data-collection
// agreements and the consent: a person agreeing ticks them all).
async function tickAll(page, field) {
  const boxes = page.locator('main form', { has: page.locator(`[name="${field}"]`) }).locator('input[type="checkbox"]');
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
}

// The manual key shown beside the QR code: base32, maybe grouped in fours.
async function manualKey(page) {
  const text = await page.locator('main').innerText();
  const m = /\b([A-Z2-7]{4}(?:[ \u00a0-]?[A-Z2-7]{4}){5,})\b/.exec(text);
  assert.ok(m, `no authenticator key (base32) shown on ${page.url()}:\n${text}`);
  return m[1].replace(/[^A-Z2-7]/g, '');
}

test('a person creates an account, sets up an authenticator app, signs out and in, changes address, switches to French', async (t) => {
  if (await waitingFor(t, server, NEEDS)) return;
  const context = await newContext(browser.get(), { baseURL: server.url, viewport: 'phone' });
  const page = await context.newPage();
  const problems = watchPage(page);
  const shot = (name) => saveScreenshot(page, { lang: 'en', name: `journey-${name}` });
  const person = {
    name: 'Eilidh Nic a\u2019 Phearsain',
    email: `eilidh.${crypto.randomBytes(4).toString('hex')}@example.org`,
    password: 'heather on the hill at dawn',
  };
  try {
    // Start page -> create account.
    await goto(page, ROUTES.start);
    await shot('01-start');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator(`main a[href^="${ROUTES.createAccount}"]`).first().click()]);
    await expectPath(page, ROUTES.createAccount);
    for (const href of [ROUTES.termsOfService, ROUTES.privacyPolicy, ROUTES.dataCollectionPolicy]) {
      assert.ok((await page.locator(`main a[href^="${href}"]`).count()) > 0, `create account links to ${href}`);
    }
    await fillForm(page, { name: person.name, email: person.email, password: person.password });
    await tickAll(page, 'email');
    await shot('02-create-account');
    const mark = await server.outbox.mark();
    await submit(page, { field: 'email' });

    // Check your email: the code from the outbox.
    await expectPath(page, ROUTES.checkEmail);
    await shot('03-check-email');
    const code = await server.outbox.waitForCode(person.email, { after: mark });
    await fillForm(page, { code });
    await submit(page, { field: 'code' });

    // Set up two-factor authentication: the authenticator app, with the key shown on the page.
    assert.ok(pathOf(page).startsWith(ROUTES.setUpSecondFactor), `after the email code, expected 2FA set-up, am on ${page.url()}`);
    await shot('04-choose-second-factor');
    const appChoice = page.locator('main input[type="radio"][value*="totp" i], main input[type="radio"][value*="app" i]');
    if ((await appChoice.count()) > 0) {
      await appChoice.first().check();
      await submit(page);
    }
    assert.ok((await page.locator('main svg, main img').count()) > 0, 'a QR code is shown');
    const device = new TotpDevice(await manualKey(page));
    await shot('05-authenticator-app');
    await fillForm(page, { code: await device.nextCode() });
    await submit(page, { field: 'code' });

    // Recovery codes, shown once; then on to the dashboard.
    const shown = await page.locator('main').innerText();
    // Recovery codes are base32 in groups of four: ABCD-EFGH-IJKL.
    assert.match(shown, /\b[A-Z2-7]{4}(?:-[A-Z2-7]{4}){2,}\b/, `recovery codes are shown:\n${shown}`);
    await shot('06-recovery-codes');
    if (pathOf(page) !== ROUTES.account) {
      const next = page.locator(`main a[href^="${ROUTES.account}"], main form button`).first();
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), next.click()]);
    }
    await expectPath(page, ROUTES.account);
    assert.ok((await page.locator('main').innerText()).includes(person.name), 'the dashboard shows the new name');
    await shot('07-dashboard');

    // Sign out, sign in again with the app.
    await signOut(page);
    assert.equal(await currentAccount(page), null, 'signed out');
    await signIn(page, { ...person, secondFactor: 'totp' }, { device });
    await expectPath(page, ROUTES.account);

    // Change the address from the profile.
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator(`main a[href^="${ROUTES.profile}"]`).first().click()]);
    await shot('08-profile');
    const addressLink = page.locator(`main a[href^="${ROUTES.profile}/"][href*="address"]`).first();
    if ((await addressLink.count()) > 0) {
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), addressLink.click()]);
    }
    const address = { line1: '12 Kenneth Street', town: 'Stornoway', postcode: 'HS1 2DR' };
    const line2 = page.locator('main [name="line2"]');
    await fillForm(page, (await line2.count()) ? { ...address, line2: '' } : address);
    await shot('09-change-address');
    await submit(page, { field: 'line1' });
    const me = await currentAccount(page);
    assert.equal(me.address?.postcode, address.postcode, 'the new address is saved');
    assert.equal(me.address?.town, address.town);
    assert.ok((await page.locator('main').innerText()).includes(address.postcode), `the page shows the new address: ${page.url()}`);

    // Switch to French: this page and the next are in French.
    await switchLanguage(page, 'fr');
    await saveScreenshot(page, { lang: 'fr', name: 'journey-10-after-switch' });
    await goto(page, ROUTES.account);
    assert.equal(await pageLanguage(page), 'fr', 'the dashboard is in French after the switch');
    await saveScreenshot(page, { lang: 'fr', name: 'journey-11-dashboard' });
    assert.deepEqual(problems, [], 'no script, console (CSP) or server errors along the way');
  } catch (e) {
    await saveScreenshot(page, { lang: 'en', name: 'FAILED-journey' }).catch(() => {});
    e.message += `\n(on ${page.url()})`;
    throw server.explain(e);
  } finally {
    await context.close();
  }
});
