// The portal's OpenID Connect pages, in English, French and Scottish Gaelic, on a phone (375 px)
// and a desktop (1280 px), reached the way a citizen reaches them from the "Demo council"
// service: the authorize error page (unknown client_id, unregistered redirect_uri), the consent
// page, the step-up page (acr_values asks for LoA 2, the demo citizen has LoA 0), the "continue
// to the service" page after the consent form, and the logout pages (request refused for an
// unregistered post_logout_redirect_uri, the confirmation asked without id_token_hint, "signed
// out"). On each: axe-core finds no WCAG 2.1 A/AA violation, <html lang> is the language asked
// for (ui_locales as a service asks, else the language switch), there is one h1, no catalogue
// key or {placeholder} shows and no text element is empty (a key missing from the catalogues),
// the French and Gaelic h1 is not the English one, the browser saw no script, CSP or server
// error, and a full-page screenshot is saved to tests/e2e/screenshots/<lang>-<width>-oidc-<page>.png.
//
// One context per (language, width), signed in once (see citizenFor) and signed out at the end
// by the logout pages themselves.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useServer } from './support/server.mjs';
import { useBrowser, newContext, watchPage, LANGUAGES, VIEWPORTS } from './support/browser.mjs';
import { TotpDevice } from './support/totp.mjs';
import { expectAccessible } from './support/a11y.mjs';
import { saveScreenshot } from './support/screenshots.mjs';
import { resourcesDir } from './support/paths.mjs';
import { currentAccount, pageLanguage, pathOf, signIn, switchLanguage } from './support/portal.mjs';
import { authorizationRequest, client, demoService, discover, startCallbackServer } from './support/oidc.mjs';

const server = useServer();
const browser = useBrowser();

// Every key of the English catalogue ("consent.allow"): none may show as text on a page.
function catalogueKeys() {
  const keys = new Set();
  const walk = (node, prefix) => {
    for (const [k, v] of Object.entries(node)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (v && typeof v === 'object') walk(v, key);
      else keys.add(key);
    }
  };
  walk(JSON.parse(fs.readFileSync(path.join(resourcesDir, 'web', 'i18n', 'en.json'), 'utf8')), '');
  return keys;
}
const KEYS = catalogueKeys();

let rp; // the relying party's loopback server (the demo service registers loopback URIs)
let demo; // {clientId, clientSecret, ...} of "Demo council"
let config; // openid-client's configuration for it
let setUp;
async function relyingParty() {
  setUp ??= (async () => {
    rp = await startCallbackServer();
    demo = demoService(server);
    config = await discover(server, demo);
  })();
  await setUp;
}
after(async () => {
  await rp?.close();
});

// The h1 of each page in English, so a French or Gaelic page that fell back to English shows.
const englishHeadings = new Map();

// What the page says about its own text: h1s, catalogue keys or {placeholders} showing, and
// text elements left empty (a template naming a key no catalogue has renders nothing).
async function textProblems(page, lang, name) {
  const found = await page.evaluate(() => {
    const visible = document.body.innerText;
    const h1 = [...document.querySelectorAll('h1')].map((h) => h.textContent.trim());
    const empty = [
      ...document.querySelectorAll(
        'main h1, main h2, main p, main li, main a, main button, main label, main summary, main .govuk-caption-l, header a, footer a',
      ),
    ]
      .filter((el) => el.textContent.trim() === '' && !el.querySelector('img, svg'))
      .map((el) => el.outerHTML.slice(0, 160));
    return { visible, h1, empty, title: document.title };
  });
  const problems = [];
  if (found.h1.length !== 1) problems.push(`${found.h1.length} h1 elements: ${JSON.stringify(found.h1)}`);
  if (!found.h1[0]) problems.push('the h1 is empty');
  if (!found.title.trim()) problems.push('the <title> is empty');
  const words = new Set(found.visible.match(/[a-z0-9_]+(?:\.[a-z0-9_]+)+/g) ?? []);
  const shownKeys = [...words].filter((w) => KEYS.has(w));
  if (shownKeys.length) problems.push(`catalogue keys shown as text: ${shownKeys.join(', ')}`);
  const placeholders = found.visible.match(/\{[a-z_]+\}/gi);
  if (placeholders) problems.push(`placeholders left unfilled: ${placeholders.join(', ')}`);
  if (found.empty.length) problems.push(`empty text elements: ${found.empty.join(' | ')}`);
  if (lang === 'en') englishHeadings.set(name, found.h1[0]);
  else if (englishHeadings.has(name) && englishHeadings.get(name) === found.h1[0])
    problems.push(`the h1 "${found.h1[0]}" is the English one`);
  return problems;
}

// The checks every page gets, where the browser is now.
async function check(page, { name, lang, size, path: expectedPath, problems }) {
  assert.equal(pathOf(page), expectedPath, `${name}: expected ${expectedPath}, the browser is on ${page.url()}`);
  assert.equal(await pageLanguage(page), lang, `${name} (${page.url()}) is not in ${lang}`);
  assert.deepEqual(await textProblems(page, lang, name), [], `${name} in ${lang}: the text is incomplete`);
  await saveScreenshot(page, { lang, width: size.width, name: `oidc-${name}` });
  await expectAccessible(page, `${name} (${pathOf(page)}) in ${lang} at ${size.width}px`);
  assert.deepEqual(problems, [], `${name}: no script, console (CSP) or server errors`);
}

async function open(page, url, expectedStatus) {
  const response = await page.goto(String(url), { waitUntil: 'load' });
  assert.ok(response, `no response for ${url}`);
  if (expectedStatus) assert.equal(response.status(), expectedStatus, `GET ${url} answered HTTP ${response.status()}`);
  return response;
}

// Chromium logs a page's own error status as a console error; that status is the point of the
// error pages (and checked by open()). A subresource's is still reported by watchPage, by URL.
function forgetOwnStatus(problems, status) {
  const own = `console error: Failed to load resource: the server responded with a status of ${status} `;
  const others = problems.filter((p) => !p.startsWith(own));
  problems.splice(0, problems.length, ...others);
}

// Which demo citizen signs in: the portal mails at most 5 sign-in codes an hour, and an
// authenticator app gives two codes at once (the current step and the next) with no wait.
const citizenFor = (lang, viewportName) => (viewportName === 'desktop' && lang !== 'en' ? 'totp' : 'email');

for (const lang of LANGUAGES) {
  for (const [viewportName, size] of Object.entries(VIEWPORTS)) {
    test(`${lang} at ${size.width}px: the OpenID Connect pages pass axe (WCAG 2.1 A/AA)`, { timeout: 60_000 }, async (t) => {
      await relyingParty();
      const context = await newContext(browser.get(), { baseURL: server.url, viewport: viewportName, locale: lang });
      const page = await context.newPage();
      const problems = watchPage(page);
      const step = (name, fn) =>
        t.test(name, async () => {
          problems.length = 0;
          server.checkAlive();
          try {
            await fn();
          } catch (e) {
            throw server.explain(e);
          }
        });
      const at = (name, expectedPath) => check(page, { name, lang, size, path: expectedPath, problems });
      // The logout pages take ui_locales as the browser's Accept-Language, after the signed-in
      // account's own language (English for the demo citizens): there the citizen uses the
      // language switch, as on any portal page (it sets the lang cookie and comes back).
      const inLanguage = async (url, status) => {
        if ((await pageLanguage(page)) === lang) return;
        t.diagnostic(`${pathOf(page)}: ui_locales=${lang} not applied for a signed-in citizen; using the language switch`);
        await switchLanguage(page, lang);
        if (page.url() !== String(url)) await open(page, url, status);
        forgetOwnStatus(problems, status);
      };
      const ask = (params = {}) => authorizationRequest(config, rp.redirectUri, { ui_locales: lang, ...params });
      try {
        // ---- before signing in: requests that name no service, or a URI it did not register
        await step('authorize error: unknown client_id', async () => {
          const request = await ask();
          const url = new URL(request.url);
          url.searchParams.set('client_id', 'no-such-service');
          await open(page, url, 400);
          forgetOwnStatus(problems, 400);
          await at('authorize-error-unknown-client', '/oauth2/authorize');
        });
        await step('authorize error: unregistered redirect_uri', async () => {
          const request = await ask();
          const url = new URL(request.url);
          url.searchParams.set('redirect_uri', 'https://evil.example/callback');
          await open(page, url, 400);
          forgetOwnStatus(problems, 400);
          await at('authorize-error-redirect-uri', '/oauth2/authorize');
        });

        // ---- signed in: consent, step-up, continue to the service
        const account = server.demoAccount({ secondFactor: citizenFor(lang, viewportName) });
        await signIn(page, account, { outbox: server.outbox, device: account.totpSecret && TotpDevice.for(account.totpSecret) });
        assert.equal(pathOf(page), '/account', `signing in ended on ${page.url()}`);

        await step('step-up', async () => {
          const request = await ask({ acr_values: 'urn:tessera:loa:2', prompt: 'consent' });
          await open(page, request.url, 200);
          await at('authorize-step-up', '/oauth2/authorize');
        });

        await step('consent, then continue to the service', async () => {
          const request = await ask({ prompt: 'consent' });
          await open(page, request.url);
          await at('authorize-consent', '/oauth2/authorize');

          // Stop the page's own way on to the service (its Refresh) so the page can be looked
          // at; then the citizen presses its button, which must reach the service.
          const stopped = [];
          const stop = (route) => {
            stopped.push(route.request().url());
            return route.abort('aborted');
          };
          await page.route(`${rp.origin}/**`, stop);
          try {
            const allow = page.locator('main form[method="post" i] button[name="decision"][value="allow"]');
            await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), allow.click()]);
            await page.waitForTimeout(50); // the aborted refresh happens at once
            await at('authorize-continue', '/oauth2/authorize/consent');
            assert.ok(stopped.length > 0, 'the continue page sends the browser on by itself');
          } finally {
            await page.unroute(`${rp.origin}/**`, stop);
          }
          const go = page.locator('main a.govuk-button');
          assert.equal(await go.count(), 1, 'the continue page has one button to the service');
          await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), go.click()]);
          const back = new URL(page.url());
          assert.equal(`${back.origin}${back.pathname}`, rp.redirectUri, `the button goes on to the service, not ${page.url()}`);
          assert.ok(back.searchParams.get('code'), 'with a code');
        });

        // ---- logout
        await step('logout refused: unregistered post_logout_redirect_uri', async () => {
          const url = client.buildEndSessionUrl(config, {
            post_logout_redirect_uri: 'https://evil.example/',
            ui_locales: lang,
          });
          await open(page, url, 400);
          forgetOwnStatus(problems, 400);
          await inLanguage(url, 400);
          await at('sign-out-request-refused', '/oauth2/logout');
          assert.ok(await currentAccount(page), 'a refused logout request signs nobody out');
        });
        await step('logout confirmation, then signed out', async () => {
          const url = client.buildEndSessionUrl(config, { ui_locales: lang });
          await open(page, url, 200);
          await inLanguage(url, 200);
          await at('sign-out-of-services', '/oauth2/logout');
          const confirm = page.locator('main form[method="post" i] button[name="decision"][value="sign-out"]');
          await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), confirm.click()]);
          await at('signed-out-of-services', '/oauth2/logout/done');
          assert.equal(await currentAccount(page), null, 'signed out of the portal');
        });
      } finally {
        await context.close();
      }
    });
  }
}
