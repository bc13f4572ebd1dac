// Issue 3, "Done means": every form, submitted with bad input, answers with the GOV.UK error
// summary (.govuk-error-summary) linking to each wrong field, the message beside the field,
// the values kept (never a password), nothing changed, and no WCAG 2.1 A/AA violation in that
// state. A form whose page does not exist yet is reported as TODO with the missing route.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { useServer } from './support/server.mjs';
import { useBrowser, newContext, watchPage } from './support/browser.mjs';
import { saveScreenshot } from './support/screenshots.mjs';
import { expectAccessible } from './support/a11y.mjs';
import { waitingFor } from './support/pending.mjs';
import { currentAccount, expectErrors, expectPath, fillForm, goto, signIn, submit, submitForm } from './support/portal.mjs';
import { ROUTES } from './pages.mjs';

const server = useServer();
const browser = useBrowser();

// Runs `body(page)` in a fresh desktop context; saves a screenshot of the page it ends on.
async function withPage(name, body) {
  const context = await newContext(browser.get(), { baseURL: server.url, viewport: 'desktop' });
  const page = await context.newPage();
  const problems = watchPage(page);
  try {
    await body(page);
    await saveScreenshot(page, { lang: 'en', name: `bad-input-${name}` });
    // The page as it is now, errors shown, must be as accessible as the empty form.
    await expectAccessible(page, `${name} with errors`);
    assert.deepEqual(problems.filter((p) => !p.startsWith('console error: Failed to load resource')), [],
      'no script, CSP or server errors');
  } catch (e) {
    await saveScreenshot(page, { lang: 'en', name: `FAILED-bad-input-${name}` }).catch(() => {});
    e.message += `\n(on ${page.url()})`;
    throw server.explain(e);
  } finally {
    await context.close();
  }
}

async function valueOf(page, name) {
  return page.locator(`main [name="${name}"]`).first().inputValue();
}

async function toPasswordStep(page, secondFactor) {
  const account = server.demoAccount({ secondFactor });
  await goto(page, ROUTES.signIn);
  await submitForm(page, { email: account.email, password: account.password });
  await expectPath(page, ROUTES.signInCode);
  return account;
}

test('sign in: empty email and password', async () => {
  await withPage('sign-in-empty', async (page) => {
    await goto(page, ROUTES.signIn);
    await submitForm(page, { email: '', password: '' });
    await expectPath(page, ROUTES.signIn);
    await expectErrors(page, ['email', 'password']);
  });
});

test('sign in: a wrong password keeps the email, never the password, and signs nobody in', async () => {
  const account = server.demoAccount({ secondFactor: 'email' });
  await withPage('sign-in-wrong-password', async (page) => {
    await goto(page, ROUTES.signIn);
    await submitForm(page, { email: account.email, password: 'not the right passphrase' });
    await expectPath(page, ROUTES.signIn);
    const summary = await expectErrors(page, []);
    assert.ok(summary.links.length >= 1);
    assert.equal(await valueOf(page, 'email'), account.email, 'the email is kept');
    assert.equal(await valueOf(page, 'password'), '', 'the password is never shown again');
    assert.equal(await currentAccount(page), null);
  });
});

test('sign-in code: empty, then wrong', async () => {
  await withPage('sign-in-code', async (page) => {
    await toPasswordStep(page, 'totp');
    await submitForm(page, { code: '' });
    await expectPath(page, ROUTES.signInCode);
    await expectErrors(page, ['code']);
    await submitForm(page, { code: '12345x' });
    await expectPath(page, ROUTES.signInCode);
    await expectErrors(page, ['code']);
    assert.equal(await currentAccount(page), null, 'a wrong code signs nobody in');
  });
});

test('sign-in recovery code: empty, then wrong', async () => {
  await withPage('sign-in-recovery-code', async (page) => {
    await toPasswordStep(page, 'totp');
    await goto(page, ROUTES.signInRecoveryCode);
    await submitForm(page, { recoveryCode: '' });
    await expectPath(page, ROUTES.signInRecoveryCode);
    await expectErrors(page, ['recoveryCode']);
    await submitForm(page, { recoveryCode: 'abcd-efgh-ijkl' });
    await expectErrors(page, ['recoveryCode']);
    assert.equal(await currentAccount(page), null);
  });
});

test('create account: empty, then a bad email and a common password', async (t) => {
  if (await waitingFor(t, server, [ROUTES.createAccount])) return;
  await withPage('create-account', async (page) => {
    await goto(page, ROUTES.createAccount);
    await submit(page, { field: 'email' });
    await expectPath(page, ROUTES.createAccount);
    await expectErrors(page, ['name', 'email', 'password']);
    await fillForm(page, { name: 'Test Person', email: 'not-an-email', password: 'password' });
    await submit(page, { field: 'email' });
    await expectErrors(page, ['email', 'password']);
    assert.equal(await valueOf(page, 'name'), 'Test Person', 'the name is kept');
    assert.equal(await valueOf(page, 'password'), '', 'the password is never shown again');
  });
});

test('check your email: a wrong code', async (t) => {
  if (await waitingFor(t, server, [ROUTES.createAccount, ROUTES.checkEmail])) return;
  await withPage('check-email', async (page) => {
    await goto(page, ROUTES.createAccount);
    await fillForm(page, {
      name: 'Test Person', email: `bad.${crypto.randomBytes(4).toString('hex')}@example.org`, password: 'a long enough passphrase',
    });
    const boxes = page.locator('main form input[type="checkbox"]');
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
    await submit(page, { field: 'email' });
    await expectPath(page, ROUTES.checkEmail);
    await submitForm(page, { code: '' });
    await expectErrors(page, ['code']);
    await submitForm(page, { code: '000000' });
    await expectErrors(page, ['code']);
  });
});

test('change address: a postcode that is not one, and an empty town', async (t) => {
  if (await waitingFor(t, server, [ROUTES.profile])) return;
  const account = server.demoAccount({ secondFactor: 'email' });
  await withPage('change-address', async (page) => {
    await signIn(page, account, { outbox: server.outbox });
    const before = await currentAccount(page);
    await goto(page, ROUTES.profile);
    const addressLink = page.locator(`main a[href^="${ROUTES.profile}/"][href*="address"]`).first();
    if ((await addressLink.count()) > 0) {
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), addressLink.click()]);
    }
    await fillForm(page, { line1: '1 High Street', town: '', postcode: 'NOT A POSTCODE' });
    await submit(page, { field: 'line1' });
    await expectErrors(page, ['town', 'postcode']);
    assert.equal(await valueOf(page, 'postcode'), 'NOT A POSTCODE', 'the postcode is kept');
    assert.deepEqual((await currentAccount(page)).address, before.address, 'nothing changed');
  });
});

test('forgotten password: an email that is not one', async (t) => {
  if (await waitingFor(t, server, [ROUTES.forgottenPassword])) return;
  await withPage('forgotten-password', async (page) => {
    await goto(page, ROUTES.forgottenPassword);
    await submitForm(page, { email: 'not-an-email' });
    await expectErrors(page, ['email']);
    assert.equal(await valueOf(page, 'email'), 'not-an-email');
  });
});

test('reset password: empty code, then passwords that do not match, then a wrong code', async (t) => {
  if (await waitingFor(t, server, [ROUTES.resetPassword])) return;
  await withPage('reset-password', async (page) => {
    await goto(page, `${ROUTES.resetPassword}?email=someone%40example.org`);
    await submitForm(page, { code: '', password: 'a long new passphrase', confirmPassword: 'something else entirely' });
    await expectErrors(page, ['code', 'confirmPassword']);
    assert.equal(await valueOf(page, 'email'), 'someone@example.org', 'the email is kept');
    assert.equal(await valueOf(page, 'password'), '', 'a password is never shown again');

    await fillForm(page, { code: '123456', password: 'a long new passphrase', confirmPassword: 'a long new passphrase' });
    await submit(page, { field: 'code' });
    await expectErrors(page, ['code']);
  });
});
