// A citizen signs in through the browser: email and password, then the second factor (the
// authenticator-app code computed here, or the code mailed to the outbox), sees their dashboard
// with their name, and signs out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer } from './support/server.mjs';
import { useBrowser, newContext, watchPage } from './support/browser.mjs';
import { TotpDevice } from './support/totp.mjs';
import { saveScreenshot } from './support/screenshots.mjs';
import { currentAccount, expectPath, fillForm, goto, pathOf, signIn, signOut, submit } from './support/portal.mjs';

const server = useServer();
const browser = useBrowser();

async function signInAndOut({ viewport, secondFactor }) {
  const account = server.demoAccount({ secondFactor });
  const device = account.totpSecret ? TotpDevice.for(account.totpSecret) : undefined;
  const context = await newContext(browser.get(), { baseURL: server.url, viewport });
  const page = await context.newPage();
  const problems = watchPage(page);
  try {
    await goto(page, '/');
    assert.ok((await page.locator('a[href^="/sign-in"]').count()) > 0, 'the start page links to sign-in');
    assert.equal(await currentAccount(page), null, 'nobody is signed in at first');

    await signIn(page, account, { device, outbox: server.outbox });
    await expectPath(page, '/account', `after signing in, expected the dashboard, am on ${page.url()}`);
    const me = await currentAccount(page);
    assert.ok(me, 'the browser holds a signed-in session');
    assert.equal(me.email, account.email);
    const main = await page.locator('main').innerText();
    assert.ok(main.includes(me.name), `the dashboard shows the citizen's name "${me.name}":\n${main}`);
    await saveScreenshot(page, { lang: 'en', name: `journey-signed-in-${secondFactor}` });

    await signOut(page);
    assert.equal(await currentAccount(page), null, 'signing out ends the session');
    await page.goto('/account');
    assert.match(pathOf(page), /^\/sign-in/, `a signed-out citizen is sent to sign in, not shown ${page.url()}`);
    assert.deepEqual(problems, [], 'no script errors, console errors (CSP) or server errors');
  } catch (e) {
    await saveScreenshot(page, { lang: 'en', name: `FAILED-sign-in-${secondFactor}` }).catch(() => {});
    throw server.explain(e);
  } finally {
    await context.close();
  }
}

test('the demo citizen signs in with an authenticator-app code on a desktop, sees their name, signs out', () =>
  signInAndOut({ viewport: 'desktop', secondFactor: 'totp' }));

test('the demo citizen signs in again on a phone (the next TOTP step), and signs out', () =>
  signInAndOut({ viewport: 'phone', secondFactor: 'totp' }));

test('the email-code citizen signs in with the code from the outbox on a phone, and signs out', () =>
  signInAndOut({ viewport: 'phone', secondFactor: 'email' }));

test('a signed-out citizen asking for the dashboard signs in and lands on it', async () => {
  const account = server.demoAccount({ secondFactor: 'totp' });
  const context = await newContext(browser.get(), { baseURL: server.url, viewport: 'desktop' });
  const page = await context.newPage();
  try {
    await page.goto('/account');
    await expectPath(page, '/sign-in', `the dashboard sends a signed-out citizen to sign in, not ${page.url()}`);
    // Sign in from that page (which keeps where the citizen was going), not from a fresh /sign-in.
    await fillForm(page, { email: account.email, password: account.password });
    await submit(page, { field: 'email' });
    await expectPath(page, '/sign-in/code');
    await fillForm(page, { code: await TotpDevice.for(account.totpSecret).nextCode() });
    await submit(page, { field: 'code' });
    await expectPath(page, '/account', 'back to where the citizen was going');
  } finally {
    await context.close();
  }
});

// A sign-in code is sent at most once a minute while one is waiting, but a code already
// spent by the first sign-in must not hold back the next one.
test('an email-code citizen who signs out and back in within a minute gets a new code', async () => {
  const account = server.demoAccount({ secondFactor: 'email' });
  const context = await newContext(browser.get(), { baseURL: server.url, viewport: 'desktop' });
  const page = await context.newPage();
  try {
    for (let round = 1; round <= 2; round++) {
      await signIn(page, account, { outbox: server.outbox });
      await expectPath(page, '/account', `round ${round}`);
      await signOut(page);
    }
  } finally {
    await context.close();
  }
});
