// Every portal page in pages.mjs, in one language, on a phone (375 px) and a desktop (1280 px):
// axe-core finds no WCAG 2.1 A/AA violation, the page is in the asked language, and a full-page
// screenshot is saved to tests/e2e/screenshots/<lang>-<width>-<page>.png. One test file per
// language (accessibility-<lang>.test.mjs) calls sweepEveryPage, so each file has its own server
// and stays well inside the per-file time limit on 2 cores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer } from './server.mjs';
import { useBrowser, newContext, watchPage, LANGUAGES, VIEWPORTS } from './browser.mjs';
import { TotpDevice } from './totp.mjs';
import { expectAccessible } from './a11y.mjs';
import { saveScreenshot } from './screenshots.mjs';
import { goto, pageLanguage, pathOf, signIn, submitForm, switchLanguage } from './portal.mjs';
import { PAGES } from '../pages.mjs';

let server;
let browser;

// Anonymous pages first, then the code pages (after a password step), then signed-in pages.
// (No page signs out on GET: signing out is a POST, so the signed-in pages can share a session.)
function visitOrder(entry) {
  if (entry.needsSignIn === true) return 2;
  if (entry.needsSignIn === 'password') return 1;
  return 0;
}
const ORDERED = [...PAGES].sort((a, b) => visitOrder(a) - visitOrder(b));

// One sign-in per demo account for the whole file (a TOTP step or an emailed code each time
// would make 6 contexts wait): its cookies are copied into each context that needs them.
const signedInCookies = new Map();
async function sessionCookies(kind) {
  if (!signedInCookies.has(kind)) {
    const account = server.demoAccount({ secondFactor: kind });
    const context = await newContext(browser.get(), { baseURL: server.url });
    try {
      const page = await context.newPage();
      await signIn(page, account, {
        device: account.totpSecret ? TotpDevice.for(account.totpSecret) : undefined,
        outbox: server.outbox,
      });
      assert.equal(pathOf(page), '/account', `signing in ${account.email} ended on ${page.url()}`);
      // The session, not the language choice (each context makes its own).
      signedInCookies.set(kind, (await context.cookies()).filter((c) => c.name !== 'lang'));
    } finally {
      await context.close();
    }
  }
  return signedInCookies.get(kind);
}

// Brings the context to the state the page needs, reusing it when it already is there.
async function prepare(page, entry, state) {
  const kind = entry.account ?? (entry.needsSignIn === true ? 'totp' : 'email');
  const wanted = entry.needsSignIn === true ? `signed-in:${kind}` : entry.needsSignIn === 'password' ? `password:${kind}` : null;
  if (!wanted || state.current === wanted) return;
  const context = page.context();
  await context.clearCookies();
  if (entry.needsSignIn === 'password') {
    const account = server.demoAccount({ secondFactor: kind });
    await goto(page, '/sign-in');
    await submitForm(page, { email: account.email, password: account.password });
  } else {
    await context.addCookies(await sessionCookies(kind));
  }
  state.current = wanted;
}

// Opens the page in `lang` (the language links when Accept-Language is not enough, as for a
// signed-in account that prefers English), screenshots it, and runs axe.
async function visit(page, entry, state, lang, size) {
  const expected = entry.expectPath ?? entry.path;
  await prepare(page, entry, state);
  await goto(page, entry.path);
  if ((await pageLanguage(page)) !== lang) {
    await switchLanguage(page, lang);
    if (pathOf(page) !== expected) await goto(page, entry.path);
  }
  assert.equal(pathOf(page), expected, `${entry.path} led to ${page.url()}`);
  assert.equal(await pageLanguage(page), lang, `${entry.path} is not in ${lang}`);
  await saveScreenshot(page, { lang, width: size.width, name: entry.name });
  await expectAccessible(page, `${entry.name} (${entry.path}) in ${lang} at ${size.width}px`);
}

export function sweepEveryPage(lang) {
  assert.ok(LANGUAGES.includes(lang), `${lang} is not a portal language`);
  server = useServer();
  browser = useBrowser();
  for (const [viewportName, size] of Object.entries(VIEWPORTS)) {
    test(`${lang} at ${size.width}px: every page passes axe (WCAG 2.1 A/AA)`, async (t) => {
      const context = await newContext(browser.get(), { baseURL: server.url, viewport: viewportName, locale: lang });
      const page = await context.newPage();
      const problems = watchPage(page);
      const state = { current: null };
      try {
        for (const entry of ORDERED) {
          await t.test(entry.name, async () => {
            problems.length = 0;
            server.checkAlive();
            try {
              await visit(page, entry, state, lang, size);
            } catch (e) {
              throw server.explain(e);
            }
            assert.deepEqual(problems, [], `${entry.path}: no script, console (CSP) or server errors`);
          });
        }
      } finally {
        await context.close();
      }
    });
  }
}
