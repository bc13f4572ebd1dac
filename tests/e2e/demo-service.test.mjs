// The demo council service (examples/demo-service) signs a citizen in through Tessera with
// OpenID Connect, in Chromium, beside a real tessera-server: the sign-in button, Tessera's
// sign-in (TOTP) and consent, the claims back at the service; single sign-on on the next visit;
// the secure page asking for level 2 and Tessera explaining how to get there; signing out at the
// service ending the Tessera session (RP-initiated logout); and signing out at Tessera ending
// the service's session (back-channel logout). One citizen's browser goes through the tests in order.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { useBrowser, newContext, watchPage } from './support/browser.mjs';
import { TotpDevice } from './support/totp.mjs';
import { saveScreenshot } from './support/screenshots.mjs';
import { pathOf } from './support/portal.mjs';
import { waitingFor } from './support/pending.mjs';
import { expectAccessible } from './support/a11y.mjs';
import {
  continueAtTessera,
  signedInAtTessera,
  signOutAtTessera,
  useServerWithDemoService,
} from './support/demo-service.mjs';

const { server, demo } = useServerWithDemoService();
const browser = useBrowser();

// The citizen's browser, shared by the tests below (created by the first).
let context;
let page;
let problems = [];
after(async () => {
  await context?.close().catch(() => {});
});

const citizen = () => server.demoAccount({ secondFactor: 'totp' });
const device = () => TotpDevice.for(citizen().totpSecret);

async function me() {
  const res = await page.request.get(`${server.url}/api/v1/accounts/me`);
  assert.equal(res.status(), 200, 'the citizen is signed in at Tessera');
  return res.json();
}

async function mainText(p = page) {
  return p.locator('main').innerText();
}

// Runs one step of the journey: skipped as TODO while Tessera lacks the endpoints it needs,
// with a screenshot and both programs' output when it fails.
function step(name, routes, fn) {
  test(name, async (t) => {
    if (await waitingFor(t, server, routes)) return;
    if (!context) {
      context = await newContext(browser.get(), { baseURL: demo.url, viewport: 'desktop' });
      page = await context.newPage();
      problems = watchPage(page);
    }
    try {
      await fn(t);
      assert.deepEqual(problems, [], 'no script errors, console errors (CSP) or server errors');
    } catch (e) {
      await saveScreenshot(page, { lang: 'en', name: `FAILED-demo-service-${name.slice(0, 40)}` }).catch(() => {});
      throw demo.explain(server.explain(e));
    } finally {
      problems.length = 0;
    }
  });
}

const SIGN_IN = ['/oauth2/authorize', '/oauth2/token', '/oauth2/userinfo'];

step('a citizen signs in to Demo council through Tessera (TOTP, consent) and sees their name and email', SIGN_IN, async () => {
  await page.goto('/');
  assert.match(await page.locator('h1').innerText(), /Demo council/);
  assert.match(await page.locator('body').innerText(), /demonstration service, not a real council/);
  await expectAccessible(page, "the service's home page");
  const button = page.getByRole('button', { name: 'Sign in with Tessera' });
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), button.click()]);
  assert.equal(new URL(page.url()).origin, server.url, `the service sent the browser to Tessera, not ${page.url()}`);

  const seen = await continueAtTessera(page, { server, serviceUrl: demo.url, account: citizen(), device: device() });
  assert.ok(seen.signInForm, `Tessera asked the citizen to sign in (saw ${seen.pages.join(', ')})`);
  assert.ok(seen.consentPage, 'Tessera asked the citizen to share their details with the service');
  assert.match(seen.consentText, /Demo council/, 'the consent page names the service');

  assert.equal(pathOf(page), '/', `back on the service's home page, not ${page.url()}`);
  const account = await me();
  const text = await mainText();
  assert.ok(text.includes(`Welcome, ${account.name}`), `the service greets the citizen by name "${account.name}":\n${text}`);
  assert.ok(text.toLowerCase().includes(account.email.toLowerCase()), `the service shows the email ${account.email}`);
  assert.match(text, /urn:tessera:loa:0/, 'the service shows the level Tessera vouched for');
  await expectAccessible(page, "the service's page for a signed-in citizen");
  await saveScreenshot(page, { lang: 'en', name: 'demo-service-signed-in' });
});

step('the next visit to the service is single sign-on: no sign-in form, no consent page', SIGN_IN, async () => {
  // A new visit to the service (its own session gone) while the citizen is still signed in at Tessera.
  await context.clearCookies({ name: 'demo_council_session' });
  await page.goto('/');
  const tesseraPages = [];
  const record = (frame) => {
    if (frame === page.mainFrame() && new URL(frame.url()).origin === server.url) tesseraPages.push(new URL(frame.url()).pathname);
  };
  page.on('framenavigated', record);
  try {
    // One navigation: the service, Tessera's authorization endpoint and the callback redirect in
    // turn, and only the service's page at the end is shown.
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.getByRole('button', { name: 'Sign in with Tessera' }).click(),
    ]);
  } finally {
    page.off('framenavigated', record);
  }
  assert.deepEqual(tesseraPages, [], 'Tessera showed no page: the citizen was signed in and had consented');
  assert.equal(new URL(page.url()).origin, demo.url, `back at the service, not ${page.url()}`);
  assert.ok((await mainText()).includes(`Welcome, ${(await me()).name}`), 'signed in to the service again');
});

step("the secure page asks for level 2, and Tessera explains to a level-0 citizen how to reach it", SIGN_IN, async () => {
  await page.goto('/secure');
  assert.equal(new URL(page.url()).origin, server.url, `Tessera, not the service, answers a level it cannot give (${page.url()})`);
  const explanation = await mainText();
  assert.match(explanation, /level 2/i, `Tessera names the level the service needs:\n${explanation}`);
  assert.match(explanation, /level 0/i, `Tessera names the citizen's level:\n${explanation}`);
  await saveScreenshot(page, { lang: 'en', name: 'demo-service-step-up' });

  // Back to the service without the higher level: the service says the page stays closed.
  const back = page.locator('main a', { hasText: /Demo council/ }).last();
  assert.ok((await back.count()) > 0, 'Tessera offers the way back to the service');
  await Promise.all([page.waitForURL((u) => u.origin === demo.url, { waitUntil: 'load' }), back.click()]);
  const text = await mainText();
  assert.match(text, /not been confirmed to level 2/, `the service explains the page is closed:\n${text}`);
  await expectAccessible(page, "the service's level-not-reached page");
  await page.goto('/');
  assert.match(await mainText(), /Welcome, /, 'still signed in to the rest of the service');
});

step('signing out of the service ends the Tessera session too (RP-initiated logout)', [...SIGN_IN, '/oauth2/logout'], async () => {
  await page.goto('/');
  assert.ok(await signedInAtTessera(page, server), 'signed in at Tessera before');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: 'Sign out' }).click()]);
  // Tessera may ask the citizen to confirm; a citizen who started at the service would.
  if (new URL(page.url()).origin === server.url) {
    const confirm = page.locator('main form button');
    assert.ok((await confirm.count()) > 0, `Tessera's logout page has no button: ${page.url()}\n${await mainText()}`);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), confirm.first().click()]);
  }
  assert.equal(new URL(page.url()).origin, demo.url, `back at the service after logout, not ${page.url()}`);
  assert.equal(pathOf(page), '/signed-out');
  assert.match(await mainText(), /signed out of Demo council and of Tessera/);
  assert.equal(await signedInAtTessera(page, server), false, 'the Tessera session has ended');
  await page.goto('/');
  assert.ok(await page.getByRole('button', { name: 'Sign in with Tessera' }).isVisible(), 'signed out of the service');
});

step('signing out at Tessera ends the service session (back-channel logout)', [...SIGN_IN, '/oauth2/logout'], async () => {
  await page.goto('/');
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.getByRole('button', { name: 'Sign in with Tessera' }).click(),
  ]);
  const seen = await continueAtTessera(page, { server, serviceUrl: demo.url, account: citizen(), device: device() });
  assert.ok(seen.signInForm, 'signed out before, so Tessera asks the citizen to sign in');
  assert.match(await mainText(), /Welcome, /, 'signed in to the service');

  await signOutAtTessera(page, server);
  assert.equal(await signedInAtTessera(page, server), false, 'signed out at Tessera');

  // Tessera tells the service in the background; the service's next page shows it.
  const deadline = Date.now() + 15_000;
  let text = '';
  for (;;) {
    await page.goto(`${demo.url}/`);
    text = await mainText();
    if (!/Welcome, /.test(text) || Date.now() > deadline) break;
    await sleep(250);
  }
  assert.doesNotMatch(text, /Welcome, /, `the service's session ended with Tessera's:\n${text}`);
  assert.match(demo.logs(), /back-channel logout ended 1 session/, 'the service received a valid logout token');
});

test('the demo service stops cleanly on SIGTERM', async () => {
  const stopped = await demo.stop();
  assert.deepEqual(stopped, { code: 0, signal: null }, 'exit code 0 after SIGTERM');
});
