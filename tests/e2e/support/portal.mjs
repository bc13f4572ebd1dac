// What a person does on the portal, in the portal's own terms: fill a form by field name, press
// its button, sign in, switch language, read the error summary. The journeys and the page list
// use these so a change in the markup is fixed in one place.
import assert from 'node:assert/strict';

// ---- forms ---------------------------------------------------------------------------------

// The form that holds the field `name` (or the main form when none is given).
export function formWith(page, name) {
  if (!name) return page.locator('main form').first();
  return page.locator('main form', { has: page.locator(`[name="${name}"]`) }).first();
}

// values: {fieldName: value}. Text inputs are filled, checkboxes set from a boolean, radios
// and selects pick the option whose value is given.
export async function fillForm(page, values) {
  for (const [name, value] of Object.entries(values)) {
    const fields = page.locator(`main [name="${name}"]`);
    const first = fields.first();
    const { tag, type } = await first.evaluate((el) => ({ tag: el.tagName.toLowerCase(), type: el.type }));
    if (type === 'checkbox' && typeof value === 'boolean') {
      await first.setChecked(value);
    } else if (type === 'checkbox' || type === 'radio') {
      await page.locator(`main [name="${name}"][value="${value}"]`).check();
    } else if (tag === 'select') {
      await first.selectOption(String(value));
    } else {
      await first.fill(String(value));
    }
  }
}

// Presses the form's submit button (the first one, or the one whose text matches `button`) and
// waits for the page that answers (after the redirect of post/redirect/get).
export async function submit(page, { field, button } = {}) {
  const form = formWith(page, field);
  let target = form.locator('button[type="submit"], button:not([type]), input[type="submit"]');
  if (button) target = target.filter({ hasText: button });
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), target.first().click()]);
}

export async function submitForm(page, values, options = {}) {
  await fillForm(page, values);
  await submit(page, { field: Object.keys(values)[0], ...options });
}

export function pathOf(page) {
  return new URL(page.url()).pathname;
}

export async function expectPath(page, path, message) {
  assert.equal(pathOf(page), path, message ?? `expected to be on ${path}, am on ${page.url()}`);
}

export async function goto(page, path) {
  const response = await page.goto(path, { waitUntil: 'load' });
  assert.ok(response, `no response for ${path}`);
  assert.ok(response.status() < 400, `GET ${path} answered HTTP ${response.status()}`);
  return response;
}

// ---- language ------------------------------------------------------------------------------

export async function pageLanguage(page) {
  return page.evaluate(() => document.documentElement.lang);
}

// Makes the portal speak `lang` the way a person does: with the language switch on the page
// (a link marked with hreflang/lang). Accept-Language (the context's locale) is the fallback.
export async function switchLanguage(page, lang) {
  if ((await pageLanguage(page)) === lang) return;
  const link = page.locator(`a[hreflang="${lang}"], a[lang="${lang}"]`).first();
  assert.ok((await link.count()) > 0, `no language switch link for ${lang} on ${page.url()}`);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
  assert.equal(await pageLanguage(page), lang, `the switch to ${lang} did not change <html lang> on ${page.url()}`);
}

// ---- errors --------------------------------------------------------------------------------

// The GOV.UK error summary: [{text, href, target}] where target says whether the link's
// fragment names an element on the page.
export async function errorSummary(page) {
  const summary = page.locator('.govuk-error-summary');
  if ((await summary.count()) === 0) return null;
  return summary.first().evaluate((el) => ({
    title: el.querySelector('.govuk-error-summary__title')?.textContent.trim() ?? '',
    focused: document.activeElement === el || el.contains(document.activeElement),
    links: [...el.querySelectorAll('a')].map((a) => {
      const id = decodeURIComponent((a.getAttribute('href') || '').replace(/^#/, ''));
      const target = id ? document.getElementById(id) : null;
      return {
        text: a.textContent.trim(),
        href: a.getAttribute('href'),
        targetExists: Boolean(target),
        targetName: target?.getAttribute('name') ?? target?.querySelector('[name]')?.getAttribute('name') ?? null,
      };
    }),
  }));
}

// Asserts the page shows an error summary whose links lead to each named field, and that each
// of those fields shows its message beside it (GOV.UK .govuk-error-message in its form group).
export async function expectErrors(page, fieldNames, label = pathOf(page)) {
  const summary = await errorSummary(page);
  assert.ok(summary, `${label}: no .govuk-error-summary after bad input`);
  assert.ok(summary.title, `${label}: the error summary has no title`);
  assert.ok(summary.links.length > 0, `${label}: the error summary has no links`);
  for (const link of summary.links) {
    assert.ok(link.text, `${label}: an error summary link has no text`);
    assert.ok(link.targetExists, `${label}: the error summary link "${link.text}" (${link.href}) leads nowhere`);
  }
  for (const name of fieldNames) {
    assert.ok(
      summary.links.some((l) => l.targetName === name),
      `${label}: the error summary has no link to the field "${name}"; it has ${JSON.stringify(summary.links)}`,
    );
    const field = page.locator(`main [name="${name}"]`).first();
    const hasMessage = await field.evaluate((el) => {
      const group = el.closest('.govuk-form-group');
      return Boolean(group && group.querySelector('.govuk-error-message'));
    });
    assert.ok(hasMessage, `${label}: the field "${name}" has no .govuk-error-message beside it`);
  }
  return summary;
}

// ---- signing in ----------------------------------------------------------------------------

// Signs in through the forms: email and password, then the second factor: a TOTP code from
// `device` (a TotpDevice) for an authenticator-app account, or the code mailed to the outbox
// for an email-code account. Ends on the page the portal sends the citizen to.
export async function signIn(page, account, { device, outbox } = {}) {
  const { email, password, secondFactor = 'totp' } = account;
  await goto(page, '/sign-in');
  const mark = outbox ? await outbox.mark() : undefined;
  await submitForm(page, { email, password });
  await expectPath(page, '/sign-in/code', `after the password, expected the code page, am on ${page.url()}`);
  let code;
  if (secondFactor === 'totp') {
    assert.ok(device, `signing in ${email} needs a TotpDevice`);
    code = await device.nextCode();
  } else {
    assert.ok(outbox, `signing in ${email} needs the server's outbox`);
    code = await outbox.waitForCode(email, { after: mark });
  }
  await submitForm(page, { code });
}

// Signs out the way a person does: the "Sign out" control in the header (a small POST form),
// then the confirmation page's button if the portal asks.
export async function signOut(page) {
  const control = page.locator('form[action="/sign-out"] button, a[href="/sign-out"]').first();
  assert.ok((await control.count()) > 0, `no sign-out link or button on ${page.url()}`);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), control.click()]);
  if ((await currentAccount(page)) && (await page.locator('main form[action="/sign-out"]').count()) > 0) {
    await submit(page);
  }
}

// The signed-in account according to the REST API, with the browser's own cookies; null when
// not (fully) signed in: 401 signed out, 403 half-way (password given, second factor not yet).
export async function currentAccount(page) {
  const res = await page.request.get('/api/v1/accounts/me', { failOnStatusCode: false });
  if (res.status() === 401 || res.status() === 403) return null;
  assert.equal(res.status(), 200, `GET /api/v1/accounts/me answered ${res.status()}`);
  return res.json();
}
