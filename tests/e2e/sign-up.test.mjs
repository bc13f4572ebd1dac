// The pages of a sign-up under way, which the page list (pages.mjs) cannot open on their own:
// check your email, two-factor set-up (the choice, codes by email, the authenticator app), the
// recovery codes (then "already shown"), and the terms interstitial when a new version of a
// policy takes effect. In English, French and Scottish Gaelic, on a phone (375 px) and a
// desktop (1280 px), each as it first appears and after a bad post: the page is in the right
// language, its screenshot is saved, and axe finds no WCAG 2.1 A/AA violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { useServer } from './support/server.mjs';
import { useBrowser, newContext, watchPage, LANGUAGES, VIEWPORTS } from './support/browser.mjs';
import { TotpDevice } from './support/totp.mjs';
import { expectAccessible } from './support/a11y.mjs';
import { saveScreenshot } from './support/screenshots.mjs';
import { expectErrors, expectPath, fillForm, goto, pageLanguage, pathOf, submit, submitForm } from './support/portal.mjs';
import { ROUTES } from './pages.mjs';

const server = useServer();
const browser = useBrowser();

// A new version of the privacy policy, in force from now, in every language. There is no
// administration page for the terms yet, so it goes straight into the server's SQLite file.
const NEW_PRIVACY_POLICY = {
  en: ['Privacy policy', 'We keep the time of each sign-in for a year.', 'Sign-in times are now kept for a year.'],
  fr: ['Politique de confidentialité', 'Nous conservons l’heure de chaque connexion pendant un an.',
    'Les heures de connexion sont désormais conservées un an.'],
  gd: ['Poileasaidh prìobhaideachd', 'Cumaidh sinn àm gach clàraidh a-steach fad bliadhna.',
    'Cumaidh sinn amannan clàraidh a-steach fad bliadhna a-nis.'],
};
let privacyVersion = 1;
function publishPrivacyPolicy() {
  privacyVersion += 1;
  const now = Math.floor(Date.now() / 1000) - 1;
  const quote = (text) => `'${text.replace(/'/g, "''")}'`;
  const rows = Object.entries(NEW_PRIVACY_POLICY).map(([lang, [title, body, summary]]) =>
    `INSERT INTO terms_documents (id, kind, language, version, title, body, summary_of_changes, effective_at, created_at) ` +
    `VALUES (${quote(crypto.randomUUID())}, 'privacy_policy', ${quote(lang)}, ${privacyVersion}, ${quote(title)}, ` +
    `${quote(body)}, ${quote(summary)}, ${now}, ${now});`);
  execFileSync('sqlite3', ['-cmd', '.timeout 5000', path.join(server.dataDir, 'tessera.db'), rows.join('\n')]);
  return NEW_PRIVACY_POLICY;
}

async function clickLink(page, hrefPrefix) {
  const link = page.locator(`main a[href^="${hrefPrefix}"]`).first();
  assert.ok((await link.count()) > 0, `no link to ${hrefPrefix} on ${page.url()}`);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
}

async function tickAll(page, field) {
  const boxes = page.locator('main form', { has: page.locator(`[name="${field}"]`) }).locator('input[type="checkbox"]');
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
}

for (const lang of LANGUAGES) {
  for (const [viewportName, size] of Object.entries(VIEWPORTS)) {
    test(`${lang} at ${size.width}px: the sign-up journey's pages pass axe (WCAG 2.1 A/AA)`, async () => {
      const context = await newContext(browser.get(), { baseURL: server.url, viewport: viewportName, locale: lang });
      const page = await context.newPage();
      const problems = watchPage(page);
      // The page as it is now: in `lang`, screenshot, no axe violation.
      const check = async (name) => {
        assert.equal(await pageLanguage(page), lang, `${page.url()} is not in ${lang}`);
        await saveScreenshot(page, { lang, width: size.width, name });
        await expectAccessible(page, `${name} (${pathOf(page)}) in ${lang} at ${size.width}px`);
      };
      const person = {
        name: 'Morag NicLeòid',
        email: `morag.${lang}.${size.width}.${crypto.randomBytes(3).toString('hex')}@example.org`,
        password: 'heather on the hill at dawn',
      };
      try {
        server.checkAlive();
        // Create an account: first with nothing filled in.
        await goto(page, ROUTES.createAccount);
        await check('create-account');
        await submit(page, { field: 'email' });
        await expectPath(page, ROUTES.createAccount);
        await expectErrors(page, ['name', 'email', 'password', 'acceptTerms', 'consent']);
        await check('create-account-errors');
        await fillForm(page, { name: person.name, email: person.email, password: person.password });
        await tickAll(page, 'email');
        let mark = await server.outbox.mark();
        await submit(page, { field: 'email' });

        // Check your email: a wrong code, then the one from the outbox.
        await expectPath(page, ROUTES.checkEmail);
        await check('check-email');
        await submitForm(page, { code: '12' });
        await expectErrors(page, ['code']);
        await check('check-email-errors');
        const code = await server.outbox.waitForCode(person.email, { after: mark });
        await submitForm(page, { code });

        // Two-factor set-up: no choice, then codes by email, then changing to the app.
        await expectPath(page, ROUTES.setUpSecondFactor);
        await check('set-up-two-factor');
        await submit(page, { field: 'method' });
        await expectErrors(page, ['method']);
        await check('set-up-two-factor-errors');
        mark = await server.outbox.mark();
        await submitForm(page, { method: 'email' });
        await expectPath(page, ROUTES.setUpEmail);
        await server.outbox.waitFor(person.email, { after: mark });
        assert.ok((await page.locator('main').innerText()).includes(person.email), 'the email page says where the code went');
        await check('set-up-two-factor-email');
        await submitForm(page, { code: '12' });
        await expectErrors(page, ['code']);
        await clickLink(page, ROUTES.setUpSecondFactor);
        await submitForm(page, { method: 'app' });
        await expectPath(page, ROUTES.setUpApp);
        const key = (await page.locator('main code').first().innerText()).replace(/\s+/g, '');
        assert.match(key, /^[A-Z2-7]{32}$/, 'the key to type into the app');
        assert.ok(await page.locator('main img[src^="data:image/svg+xml;base64,"][alt]').count(), 'the QR code, with alt text');
        await check('set-up-two-factor-app');
        await submitForm(page, { code: '' });
        await expectErrors(page, ['code']);
        await check('set-up-two-factor-app-errors');
        const device = new TotpDevice(key);
        await submitForm(page, { code: await device.nextCode() });

        // The recovery codes, once.
        await expectPath(page, ROUTES.recoveryCodes);
        const codes = await page.locator('main ol code').allInnerTexts();
        assert.equal(codes.length, 10, 'ten recovery codes');
        await check('recovery-codes');
        await goto(page, ROUTES.recoveryCodes);
        const again = await page.locator('main').innerText();
        for (const c of codes) assert.ok(!again.includes(c), 'a reload never shows the recovery codes again');
        await check('recovery-codes-shown');

        // A new privacy policy takes effect: the next page is the terms interstitial.
        const policy = publishPrivacyPolicy();
        await goto(page, ROUTES.account);
        await expectPath(page, ROUTES.acceptTerms);
        assert.ok((await page.locator('main').innerText()).includes(policy[lang][2]), 'the interstitial says what changed');
        await check('accept-terms');
        await submit(page, { field: 'accept' });
        await expectErrors(page, ['accept']);
        await check('accept-terms-errors');
        await tickAll(page, 'accept');
        await submit(page, { field: 'accept' });
        await expectPath(page, ROUTES.account);

        assert.deepEqual(problems.filter((p) => !p.startsWith('console error: Failed to load resource')), [],
          'no script, CSP or server errors');
      } catch (e) {
        await saveScreenshot(page, { lang, width: size.width, name: 'FAILED-sign-up' }).catch(() => {});
        e.message += `\n(on ${page.url()})`;
        throw server.explain(e);
      } finally {
        await context.close();
      }
    });
  }
}
