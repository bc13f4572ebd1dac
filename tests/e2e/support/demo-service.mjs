// The demo council service (examples/demo-service, tessera-demo-service) beside a real
// tessera-server for a test file: a free loopback port for the service is chosen first, so the
// server registers its callback, post-logout and back-channel logout URLs (TESSERA_DEMO_SERVICE_URL),
// then the server starts with demo data, then the service with the server's issuer URL and
// demo-credentials.json. Both are stopped afterwards (SIGTERM, then SIGKILL).
// Also: the citizen's part at Tessera (sign in, consent) when the service sends them there.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { repoRoot } from './paths.mjs';
import { startServer } from './server.mjs';
import { fillForm, submit, pathOf } from './portal.mjs';

export const demoServiceBin =
  process.env.TESSERA_DEMO_SERVICE_BIN || path.join(repoRoot, 'build', 'examples', 'demo-service', 'tessera-demo-service');

const LOG_LIMIT = 100_000;

async function freePort() {
  const probe = net.createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address();
  probe.close();
  await once(probe, 'close');
  return port;
}

// The caller's environment without TESSERA_* (a developer's settings must not leak in).
function inheritedEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TESSERA_')));
}

const live = new Set();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

class RunningDemoService {
  constructor({ child, url, logs }) {
    this.child = child;
    this.url = url;
    this._logs = logs;
    this.stopping = false;
    this.died = null;
    // Bound, so calls through a holder object (useServerWithDemoService's `demo`) act on this one.
    for (const name of ['logs', 'checkAlive', 'explain', 'stop']) this[name] = this[name].bind(this);
    child.on('exit', (code, signal) => {
      if (!this.stopping) this.died = { code, signal };
    });
  }

  logs() {
    return this._logs.join('');
  }

  checkAlive() {
    if (this.died) throw new Error(`tessera-demo-service exited (code ${this.died.code}, signal ${this.died.signal})`);
  }

  // Adds the service's output (and whether it died) to a test failure.
  explain(error) {
    if (this.died) error.message += `\n*** tessera-demo-service exited (code ${this.died.code}, signal ${this.died.signal}) ***`;
    const tail = this.logs().slice(-3000);
    if (tail) error.message += `\n--- demo service output (last lines) ---\n${tail}`;
    return error;
  }

  // Stops it the way an operator does; returns how it exited ({code, signal}).
  async stop() {
    this.stopping = true;
    live.delete(this.child);
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      return { code: this.child.exitCode, signal: this.child.signalCode };
    }
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    const timer = sleep(10_000).then(() => 'timeout');
    const first = await Promise.race([exited, timer]);
    if (first === 'timeout') {
      this.child.kill('SIGKILL');
      await exited;
      return { code: null, signal: 'SIGKILL', timedOut: true };
    }
    return { code: first[0], signal: first[1] };
  }
}

export async function startDemoService({ issuer, port, credentialsFile, readyTimeoutMs = 20_000 }) {
  if (!existsSync(demoServiceBin)) {
    throw new Error(
      `tessera-demo-service not found at ${demoServiceBin}: build it ` +
        '(cmake --build build --target tessera-demo-service) or set TESSERA_DEMO_SERVICE_BIN',
    );
  }
  const url = `http://127.0.0.1:${port}`;
  const logs = [];
  let size = 0;
  const child = spawn(demoServiceBin, ['--issuer', issuer, '--port', String(port), '--credentials', credentialsFile], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...inheritedEnv(), TESSERA_DEMO_SERVICE_URL: url },
  });
  live.add(child);
  const keep = (chunk) => {
    if (size > LOG_LIMIT) return;
    const text = chunk.toString();
    logs.push(text);
    size += text.length;
    if (process.env.TESSERA_E2E_SERVER_LOG === '1') process.stderr.write(text);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const service = new RunningDemoService({ child, url, logs });

  const deadline = Date.now() + readyTimeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return service;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e.cause?.code || e.message;
    }
    await sleep(100);
  }
  await service.stop();
  throw new Error(`tessera-demo-service did not become ready on ${url} (last: ${last}):\n${logs.join('')}`);
}

// For a test file: `const { server, demo } = useServerWithDemoService();` — both filled in by
// the `before` hook (server as useServer's, demo: {url, logs(), explain(), stop()}).
export function useServerWithDemoService() {
  const server = {};
  const demo = {};
  let runningServer;
  let runningDemo;
  before(async () => {
    const port = await freePort();
    runningServer = await startServer({ env: { TESSERA_DEMO_SERVICE_URL: `http://127.0.0.1:${port}` } });
    Object.setPrototypeOf(server, runningServer);
    runningDemo = await startDemoService({
      issuer: runningServer.url,
      port,
      credentialsFile: path.join(runningServer.dataDir, 'demo-credentials.json'),
    });
    Object.setPrototypeOf(demo, runningDemo);
  });
  after(async () => {
    const demoDied = runningDemo?.died;
    const serverDied = runningServer?.died;
    await runningDemo?.stop();
    await runningServer?.stop();
    for (const [name, died, running] of [
      ['tessera-demo-service', demoDied, runningDemo],
      ['tessera-server', serverDied, runningServer],
    ]) {
      if (!died) continue;
      process.stderr.write(
        `# ${name} exited during the tests (code ${died.code}, signal ${died.signal}); its output:\n` +
          running.logs().slice(-6000).replace(/^/gm, '#   ') + '\n',
      );
      process.exitCode = 1;
    }
  });
  return { server, demo };
}

// ---- the citizen at Tessera ---------------------------------------------------------------

function originOf(url) {
  return new URL(url).origin;
}

// After the service sent the browser to Tessera: signs in when Tessera asks (email, password,
// TOTP), answers the consent page with `decision`, and follows Tessera's redirects until the
// browser is back at the service (`serviceUrl`). Returns what the citizen met on the way:
// {signInForm, consentPage, consentText, pages: [Tessera paths seen]}.
export async function continueAtTessera(page, { server, serviceUrl, account, device, decision = 'allow' }) {
  const seen = { signInForm: false, consentPage: false, consentText: '', pages: [] };
  for (let step = 0; step < 10; step++) {
    await page.waitForLoadState('load');
    const here = page.url();
    if (originOf(here) === originOf(serviceUrl)) return seen;
    assert.equal(originOf(page.url()), originOf(server.url), `expected to be at Tessera or the service, am on ${page.url()}`);
    seen.pages.push(pathOf(page));
    if (pathOf(page) === '/sign-in' && !seen.signInForm) {
      assert.ok(account && device, `Tessera asked to sign in (${page.url()}) and no account was given`);
      seen.signInForm = true;
      await fillForm(page, { email: account.email, password: account.password });
      await submit(page, { field: 'email' });
      assert.equal(pathOf(page), '/sign-in/code', `after the password, expected the code page, am on ${page.url()}`);
      await fillForm(page, { code: await device.nextCode() });
      await submit(page, { field: 'code' });
      continue;
    }
    const button = page.locator(`main form button[name="decision"][value="${decision}"]`);
    if (!seen.consentPage && (await button.count()) > 0) {
      seen.consentPage = true;
      seen.consentText = await page.locator('main').innerText();
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), button.first().click()]);
      continue;
    }
    // Nothing to do here: a page that moves on by itself (a <meta http-equiv="refresh"> a
    // provider may answer a form post with) is given a few seconds to.
    const moved = await page
      .waitForURL((u) => u.href !== here, { waitUntil: 'load', timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (!moved) break;
  }
  const text = await page
    .locator('main')
    .innerText()
    .catch(() => '');
  throw new Error(
    `the sign-in did not come back to the service (Tessera pages: ${seen.pages.join(', ')}); ` +
      `the browser is on ${page.url()}:\n${text.slice(0, 1500)}`,
  );
}

// Whether Tessera's portal holds a signed-in session for this browser context.
export async function signedInAtTessera(page, server) {
  const res = await page.request.get(`${server.url}/api/v1/accounts/me`, { failOnStatusCode: false });
  if (res.status() === 401 || res.status() === 403) return false;
  assert.equal(res.status(), 200, `GET /api/v1/accounts/me answered ${res.status()}`);
  return true;
}

// Signs out of Tessera's portal the way a person does (the header's sign-out control, then the
// confirmation's button if the portal asks). portal.mjs's signOut asks the API at the context's
// base URL, which here is the service's.
export async function signOutAtTessera(page, server) {
  await page.goto(`${server.url}/account`, { waitUntil: 'load' });
  const control = page.locator('form[action="/sign-out"] button, a[href="/sign-out"]').first();
  assert.ok((await control.count()) > 0, `no sign-out control on ${page.url()}`);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), control.click()]);
  const confirm = page.locator('main form[action="/sign-out"] button');
  if ((await signedInAtTessera(page, server)) && (await confirm.count()) > 0) {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), confirm.first().click()]);
  }
}
