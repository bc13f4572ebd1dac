// The signed-in citizen's own pages ("Your details", "Sign-in and security") in a real browser,
// on a phone: every form with bad input answers with the error summary linking to each field,
// the message beside it, the values kept (never a password), nothing changed and no WCAG 2.1
// A/AA violation; a saved change shows its banner; a change made in another tab meanwhile is
// refused with a clear message; new recovery codes are shown once; another device is signed out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer } from './support/server.mjs';
import { useBrowser, newContext, watchPage } from './support/browser.mjs';
import { TotpDevice } from './support/totp.mjs';
import { saveScreenshot } from './support/screenshots.mjs';
import { expectAccessible } from './support/a11y.mjs';
import { currentAccount, expectErrors, expectPath, fillForm, goto, pathOf, signIn, submit, submitForm } from './support/portal.mjs';
import { ROUTES } from './pages.mjs';

const server = useServer();
const browser = useBrowser();

// One sign-in for the whole file (each TOTP step is accepted once): its cookies go into every
// context; a second device signs in once more, in its own test.
let device;
let signedInCookies;
async function sessionCookies() {
  if (!signedInCookies) {
    const account = server.demoAccount({ secondFactor: 'totp' });
    device ??= TotpDevice.for(account.totpSecret);
    const context = await newContext(browser.get(), { baseURL: server.url, viewport: 'phone' });
    try {
      const page = await context.newPage();
      await signIn(page, account, { device });
      await expectPath(page, ROUTES.account);
      signedInCookies = (await context.cookies()).filter((c) => c.name !== 'lang');
    } finally {
      await context.close();
    }
  }
  return signedInCookies;
}

// Runs `body(page)` signed in, on a phone; the page it ends on is screenshot and checked by axe.
async function withSignedInPage(name, body) {
  const context = await newContext(browser.get(), { baseURL: server.url, viewport: 'phone' });
  await context.addCookies(await sessionCookies());
  const page = await context.newPage();
  const problems = watchPage(page);
  try {
    await body(page, context);
    await saveScreenshot(page, { lang: 'en', name: `account-${name}` });
    await expectAccessible(page, name);
    assert.deepEqual(problems.filter((p) => !p.startsWith('console error: Failed to load resource')), [],
      'no script, CSP or server errors');
  } catch (e) {
    await saveScreenshot(page, { lang: 'en', name: `FAILED-account-${name}` }).catch(() => {});
    e.message += `\n(on ${page.url()})`;
    throw server.explain(e);
  } finally {
    await context.close();
  }
}

async function valueOf(page, name) {
  return page.locator(`main [name="${name}"]`).first().inputValue();
}

async function bannerText(page) {
  const banner = page.locator('.govuk-notification-banner--success');
  return (await banner.count()) ? (await banner.innerText()).trim() : null;
}

// Follows the "Change" link of a row of "Your details".
async function openChange(page, path) {
  await goto(page, ROUTES.profile);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator(`main a[href="${path}"]`).first().click()]);
  await expectPath(page, path);
}

test('your details: name, date of birth, phone and email with bad input', async () => {
  await withSignedInPage('details-bad-input', async (page) => {
    const before = await currentAccount(page);

    await openChange(page, ROUTES.profileName);
    await submitForm(page, { name: '', preferredName: 'R2-D2' });
    await expectErrors(page, ['name', 'preferredName']);
    assert.equal(await valueOf(page, 'preferredName'), 'R2-D2', 'what was typed is kept');

    await openChange(page, ROUTES.profileDateOfBirth);
    await submitForm(page, { 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', 'dateOfBirth-year': '1990' });
    await expectErrors(page, ['dateOfBirth-day']);
    assert.equal(await valueOf(page, 'dateOfBirth-day'), '31');

    await openChange(page, ROUTES.profilePhone);
    await submitForm(page, { phone: '12345' });
    await expectErrors(page, ['phone']);
    assert.equal(await valueOf(page, 'phone'), '12345');

    await openChange(page, ROUTES.profileEmail);
    await submitForm(page, { email: 'not an email address' });
    await expectErrors(page, ['email']);
    assert.equal(await valueOf(page, 'email'), 'not an email address');

    assert.deepEqual(await currentAccount(page), before, 'nothing changed');
  });
});

test('your details: a saved change comes back to the summary with a banner', async () => {
  await withSignedInPage('details-saved', async (page) => {
    await openChange(page, ROUTES.profilePhone);
    await submitForm(page, { phone: '07700 900123' });
    await expectPath(page, ROUTES.profile);
    assert.match(await bannerText(page), /Your phone number has been saved/);
    assert.equal((await currentAccount(page)).phone, '+447700900123');
    assert.ok((await page.locator('main').innerText()).includes('+447700900123'));
  });
});

test('your details: a change made in another tab meanwhile is not silently overwritten', async () => {
  await withSignedInPage('details-other-tab', async (page, context) => {
    await openChange(page, ROUTES.profileAddress);  // tab A opens the address form
    const tabB = await context.newPage();
    await goto(tabB, ROUTES.profileSex);
    const chosen = (await tabB.locator('main input[name="sex"]:checked').count()) ? 'male' : 'female';
    await fillForm(tabB, { sex: chosen });
    await submit(tabB, { field: 'sex' });  // tab B saves first
    await expectPath(tabB, ROUTES.profile);
    await tabB.close();

    await submitForm(page, { line1: '2 Castle Street', town: 'Edinburgh', postcode: 'eh2 3ah' });
    await expectPath(page, ROUTES.profileAddress);
    await expectErrors(page, ['line1']);
    assert.match(await page.locator('.govuk-error-summary').innerText(), /another tab or window/);
    assert.notEqual((await currentAccount(page)).address?.line1, '2 Castle Street', 'not saved over tab B');
    assert.match(await page.locator('main .govuk-inset-text').innerText(), /What is saved now/);
    await saveScreenshot(page, { lang: 'en', name: 'account-details-conflict' });
    await expectAccessible(page, 'the address form after another tab saved');
    // Saved on purpose, the second time.
    await submit(page, { field: 'line1' });
    await expectPath(page, ROUTES.profile);
    assert.equal((await currentAccount(page)).address.postcode, 'EH2 3AH');
    assert.equal((await currentAccount(page)).sex, chosen, 'tab B\u2019s change is kept');
  });
});

test('a new email address: a wrong code, then an empty one', async () => {
  await withSignedInPage('email-code', async (page) => {
    const before = await currentAccount(page);
    await openChange(page, ROUTES.profileEmail);
    await submitForm(page, { email: 'morag.new@example.org' });
    await expectPath(page, ROUTES.profileEmailConfirm);
    await submitForm(page, { code: '000000' });
    await expectErrors(page, ['code']);
    await submitForm(page, { code: '' });
    await expectErrors(page, ['code']);
    assert.equal((await currentAccount(page)).email, before.email, 'the email address has not changed');
  });
});

test('change password: a wrong current password and a short new one', async () => {
  await withSignedInPage('password', async (page) => {
    await goto(page, ROUTES.securityPassword);
    await submitForm(page, { currentPassword: 'not my password', newPassword: 'short' });
    await expectPath(page, ROUTES.securityPassword);
    await expectErrors(page, ['currentPassword', 'newPassword']);
    assert.equal(await valueOf(page, 'currentPassword'), '', 'passwords are never shown again');
    assert.equal(await valueOf(page, 'newPassword'), '');
  });
});

test('new recovery codes: confirmed, then shown once', async () => {
  await withSignedInPage('recovery-codes', async (page) => {
    await goto(page, ROUTES.security);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
      page.locator(`main a[href="${ROUTES.securityRecoveryCodes}"]`).click()]);
    await submit(page);
    const codes = await page.locator('main code').allInnerTexts();
    assert.equal(codes.length, 10);
    for (const code of codes) assert.match(code, /^[A-Z2-7]{4}(?:-[A-Z2-7]{4})+$/);
  });
});

test('sessions: another device is listed and signed out from here', async () => {
  const account = server.demoAccount({ secondFactor: 'totp' });
  await sessionCookies();
  const phone = await newContext(browser.get(), { baseURL: server.url, viewport: 'phone' });
  try {
    const other = await phone.newPage();
    await signIn(other, account, { device });
    await expectPath(other, ROUTES.account);
    await withSignedInPage('sessions', async (page) => {
      await goto(page, ROUTES.security);
      const rows = page.locator('main table tbody tr');
      assert.ok((await rows.count()) >= 2, 'this device and the other');
      assert.equal(await page.locator('main table tbody tr', { hasText: 'This device' }).count(), 1);
      // The newest other session is listed first after this device.
      const button = page.locator('main table tbody tr:not(:has-text("This device")) button').first();
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), button.click()]);
      await expectPath(page, ROUTES.security);
      assert.match(await bannerText(page), /That device has been signed out/);
      assert.notEqual(await currentAccount(page), null, 'this device is still signed in');
    });
    assert.equal(await currentAccount(other), null, 'the other device is signed out');
    await goto(other, ROUTES.account);
    assert.equal(pathOf(other), ROUTES.signIn);
  } finally {
    await phone.close();
  }
});
