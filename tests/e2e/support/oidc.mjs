// A relying party's side of OpenID Connect for the end-to-end tests: openid-client (the npm
// package, a real and independent implementation) configured for a running tessera-server, a
// loopback HTTP server that receives the browser's redirects (RFC 8252: 127.0.0.1, any port),
// the citizen's part in the browser (sign in, consent), an administrator who connects a second
// service through the REST API, the OAuth error a call was refused with, and hand-made JWTs
// (tampered, alg=none, HS256 "signed" with a public key) built with node:crypto.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import http from 'node:http';
import { once } from 'node:events';
import * as client from 'openid-client';
import { request as playwrightRequest } from 'playwright-core';
import { fillForm, submit, pathOf } from './portal.mjs';

// ---- the relying party's loopback server ---------------------------------------------------

// Answers every request with a small page and records it, so a test sees exactly what reached
// the relying party (and that nothing did, for redirects the provider must not make). Paths
// given to serve() answer their JSON document instead and are not recorded (the provider
// fetching a sector identifier file is not something reaching the service's pages).
export async function startCallbackServer() {
  const received = [];
  const documents = new Map();
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url, origin);
      if (req.method === 'GET' && documents.has(url.pathname)) {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        res.end(JSON.stringify(documents.get(url.pathname)));
        return;
      }
      if (url.pathname !== '/favicon.ico') received.push({ method: req.method, url, body: Buffer.concat(chunks).toString() });
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end('<!doctype html><html lang="en"><title>Relying party</title><main><h1>Back at the service</h1></main></html>');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    // The same server under the host name localhost (also loopback), for URLs whose host must
    // differ from 127.0.0.1, such as a sector identifier of its own.
    localhostOrigin: `http://localhost:${server.address().port}`,
    // Answers GET `path` with `value` as JSON from now on.
    serve(path, value) {
      documents.set(path, value);
    },
    redirectUri: `${origin}/callback`,
    // The demo service registers http://127.0.0.1/ for after logout (loopback: any port).
    postLogoutRedirectUri: `${origin}/`,
    received,
    // Requests that arrived after `mark` (received.length at some moment).
    since(mark) {
      return received.slice(mark);
    },
    async close() {
      server.closeAllConnections?.();
      server.close();
      await once(server, 'close').catch(() => {});
    },
  };
}

// ---- openid-client -------------------------------------------------------------------------

// The demo "Demo council" service from demo-credentials.json: {clientId, clientSecret, ...}.
export function demoService(server) {
  const found = server.credentials?.services?.find((s) => s.name === 'Demo council');
  assert.ok(found, `no "Demo council" service in demo-credentials.json: ${JSON.stringify(server.credentials)}`);
  return found;
}

// The tests talk plain HTTP to 127.0.0.1 (openid-client refuses that unless told), and check
// ID token signatures against the JWKS (openid-client skips that by default for tokens from the
// token endpoint, OIDC Core §3.1.3.7 allowing it over TLS; we want the provider's keys proven).
const EXTENSIONS = [client.allowInsecureRequests, client.enableNonRepudiationChecks];

export async function discover(server, { clientId, clientSecret }) {
  return client.discovery(new URL(server.url), clientId, { client_secret: clientSecret }, client.ClientSecretBasic(clientSecret), {
    execute: EXTENSIONS,
    timeout: 15,
  });
}

// A configuration for the same provider (no second discovery) with other client settings:
// another client, a client clock that is off (`clockSkew` seconds), or a fetch that answers the
// token endpoint itself (`tokenResponse`: what the "provider" returns there). `idTokenAlg` is the
// algorithm the client registered for its ID tokens (id_token_signed_response_alg).
export function variant(config, { clientId, clientSecret, idTokenAlg, clockSkew, tokenResponse } = {}) {
  const metadata = { client_secret: clientSecret };
  if (idTokenAlg) metadata.id_token_signed_response_alg = idTokenAlg;
  if (clockSkew !== undefined) metadata[client.clockSkew] = clockSkew;
  const other = new client.Configuration(config.serverMetadata(), clientId, metadata, client.ClientSecretBasic(clientSecret));
  for (const extension of EXTENSIONS) extension(other);
  if (tokenResponse) {
    const tokenEndpoint = config.serverMetadata().token_endpoint;
    other[client.customFetch] = (url, options) => {
      if (String(url) === tokenEndpoint)
        return Promise.resolve(
          new Response(JSON.stringify(tokenResponse), { status: 200, headers: { 'Content-Type': 'application/json' } }),
        );
      return fetch(url, options);
    };
  }
  return other;
}

// An authorization request with PKCE S256, state and nonce (what a careful relying party sends).
export async function authorizationRequest(config, redirectUri, params = {}) {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid profile email offline_access',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...params,
  });
  return { url, codeVerifier, state, nonce, redirectUri };
}

// The token exchange for an authorization response at `callback` (a URL), checking state, nonce
// and the ID token as openid-client does.
export function exchange(config, callback, request, checks = {}) {
  return client.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: request.codeVerifier,
    expectedState: request.state,
    expectedNonce: request.nonce,
    ...checks,
  });
}

// The OAuth error a refused call carries: the token endpoint's, introspection's and
// revocation's `error` member (ResponseBodyError), the authorization response's `error`
// parameter (AuthorizationResponseError), or a resource's WWW-Authenticate challenge
// (WWWAuthenticateChallengeError). Fails the test when the call succeeded or failed otherwise.
export async function oauthError(promise, label) {
  let result;
  try {
    result = await promise;
  } catch (e) {
    if (e instanceof client.ResponseBodyError || e instanceof client.AuthorizationResponseError)
      return { error: e.error, description: e.error_description, status: e.status, cause: e };
    if (e instanceof client.WWWAuthenticateChallengeError) {
      // e.cause: the parsed challenges, [{scheme, parameters: {realm, error, ...}}].
      const challenge = e.cause?.[0];
      return {
        error: challenge?.parameters?.error,
        description: challenge?.parameters?.error_description,
        status: e.status,
        scheme: challenge?.scheme,
        cause: e,
      };
    }
    e.message = `${label}: expected an OAuth error, got: ${e.message}${e.cause ? ` (${e.cause.message ?? e.cause})` : ''}`;
    throw e;
  }
  assert.fail(`${label}: expected an OAuth error, but it succeeded: ${JSON.stringify(result)?.slice(0, 500)}`);
}

export async function expectOAuthError(promise, error, label) {
  const got = await oauthError(promise, label);
  assert.equal(got.error, error, `${label}: expected error=${error}, got ${got.error} (${got.description ?? ''}, HTTP ${got.status})`);
  return got;
}

// An error openid-client raised itself while validating what it got (not an OAuth error from
// the provider): {code, message} where message is the precise reason (ClientError's cause).
export async function clientValidationError(promise, label) {
  let result;
  try {
    result = await promise;
  } catch (e) {
    if (e instanceof client.ClientError) return { code: e.code, message: e.cause?.message ?? e.message, error: e };
    e.message = `${label}: expected openid-client to refuse it, got: ${e.message}`;
    throw e;
  }
  assert.fail(`${label}: openid-client accepted it: ${JSON.stringify(result)?.slice(0, 500)}`);
}

// ---- the citizen in the browser ------------------------------------------------------------

function atRedirectUri(url, redirectUri) {
  const target = new URL(redirectUri);
  return url.origin === target.origin && url.pathname === target.pathname;
}

// A page that sends the browser on by itself (a `Refresh` header or <meta http-equiv="refresh">,
// which a provider may answer a form post with instead of a 303, as Chrome checks redirects
// after a form post against the form page's CSP form-action). `watchNavigations(page)` keeps
// the main frame's last document response; `followRefresh(page, watcher)` waits until the
// browser has left such a page and returns whether it did.
export function watchNavigations(page) {
  const watcher = {
    last: null,
    stop: () => page.off('response', onResponse),
  };
  function onResponse(response) {
    const request = response.request();
    if (request.isNavigationRequest() && request.frame() === page.mainFrame() && response.status() < 300)
      watcher.last = response;
  }
  page.on('response', onResponse);
  return watcher;
}

async function sendsOn(response) {
  if (!response) return false;
  if (response.headers().refresh) return true;
  if (!(response.headers()['content-type'] ?? '').includes('html')) return false;
  const body = await response.text().catch(() => '');
  return /<meta[^>]+http-equiv=["']?refresh/i.test(body);
}

// The browser may already have received the next document (a Refresh header acts before the
// page's load event) while page.url() still names the one before: wait until they agree.
async function settle(page, watcher) {
  const target = watcher.last?.url();
  if (target && page.url() !== target)
    await page.waitForURL((u) => u.href === target, { waitUntil: 'load', timeout: 10_000 }).catch(() => {});
}

export async function followRefresh(page, watcher) {
  const before = page.url();
  await settle(page, watcher);
  if (page.url() !== before) return true;
  const response = watcher.last;
  if (!(await sendsOn(response))) return false;
  await page.waitForURL((u) => u.href !== response.url(), { waitUntil: 'load', timeout: 10_000 });
  return true;
}

// Loads `url` where no page should stop the browser (prompt=none, an error answer): follows a
// self-refreshing page, and returns where the browser ended.
export async function land(page, url) {
  const watcher = watchNavigations(page);
  try {
    await page.goto(String(url), { waitUntil: 'load' });
    await followRefresh(page, watcher);
    return new URL(page.url());
  } finally {
    watcher.stop();
  }
}

// Signs in on the sign-in page the provider sent the browser to (keeping its `next`).
async function signInHere(page, account, { device, outbox }) {
  const mark = account.secondFactor === 'email' ? await outbox.mark() : undefined;
  await fillForm(page, { email: account.email, password: account.password });
  await submit(page, { field: 'email' });
  assert.equal(pathOf(page), '/sign-in/code', `after the password, expected the code page, am on ${page.url()}`);
  const code = account.secondFactor === 'email' ? await outbox.waitForCode(account.email, { after: mark }) : await device.nextCode();
  await fillForm(page, { code });
  await submit(page, { field: 'code' });
}

// Drives the browser through an authorization request the way a citizen does: signs in when
// the provider asks (`/sign-in?next=...`), answers the consent page with `decision` ('allow' or
// 'deny'), and follows the redirects until the browser reaches `redirectUri`. Returns
// {callback: URL, signedIn, consented, consentText}.
export async function authorize(page, url, { redirectUri, account, device, outbox, decision = 'allow' }) {
  const watcher = watchNavigations(page);
  try {
    return await follow(page, url, watcher, { redirectUri, account, device, outbox, decision });
  } finally {
    watcher.stop();
  }
}

async function follow(page, url, watcher, { redirectUri, account, device, outbox, decision }) {
  const seen = { signedIn: false, consented: false, consentText: '' };
  await page.goto(String(url), { waitUntil: 'load' });
  const trace = [];
  for (let step = 0; step < 8; step++) {
    await settle(page, watcher);
    const here = new URL(page.url());
    trace.push(here.pathname);
    if (atRedirectUri(here, redirectUri)) return { callback: here, ...seen };
    if (here.origin === new URL(url).origin && here.pathname === '/sign-in' && !seen.signedIn) {
      assert.ok(account, `the provider asked to sign in (${page.url()}) and no account was given`);
      seen.signedIn = true;
      await signInHere(page, account, { device, outbox });
      continue;
    }
    const button = page.locator(`main form[method="post" i] button[name="decision"][value="${decision}"]`);
    if (!seen.consented && (await button.count()) > 0) {
      seen.consented = true;
      seen.consentText = await page.locator('main').innerText();
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), button.first().click()]);
      continue;
    }
    if (page.url() !== here.href || (await followRefresh(page, watcher))) continue;
    break;
  }
  const text = await page
    .locator('body')
    .innerText()
    .catch(() => '');
  throw new Error(
    `the authorization did not come back to ${redirectUri}; the browser is on ${page.url()} after ${trace.join(' -> ')}:\n${text.slice(0, 1500)}`,
  );
}

// ---- an administrator connects a second service (REST API) ---------------------------------

// Signs the demo administrator in through the REST API and creates a service; returns its
// {clientId, clientSecret, ...} as the API answered.
export async function createService(server, changes, { device }) {
  const admin = server.demoAccount({ role: 'admin', secondFactor: 'totp' });
  const api = await playwrightRequest.newContext({ baseURL: server.url });
  try {
    const json = async (res, what) => {
      const text = await res.text();
      assert.ok(res.ok(), `${what}: HTTP ${res.status()}: ${text}`);
      return JSON.parse(text);
    };
    const started = await json(
      await api.post('/api/v1/sessions', { data: { email: admin.email, password: admin.password } }),
      'admin sign-in (password)',
    );
    const signedIn = await json(
      await api.post('/api/v1/sessions/second-factor', {
        data: { code: await device.nextCode() },
        headers: { 'X-CSRF-Token': started.session.csrfToken },
      }),
      'admin sign-in (code)',
    );
    return await json(
      await api.post('/api/v1/admin/services', { data: changes, headers: { 'X-CSRF-Token': signedIn.session.csrfToken } }),
      'POST /api/v1/admin/services',
    );
  } finally {
    await api.dispose();
  }
}

// ---- JWTs by hand --------------------------------------------------------------------------

const b64url = (data) => Buffer.from(data).toString('base64url');

export function decodeJwt(token) {
  const [header, payload, signature] = String(token).split('.');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString()),
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString()),
    signature,
  };
}

// A JWT with this header and payload: signature `signature` (base64url text, e.g. a genuine
// token's, or '' for none), or an HS256 MAC under `hmacKey`.
export function makeJwt(header, payload, { signature = '', hmacKey } = {}) {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  if (hmacKey !== undefined) return `${input}.${crypto.createHmac('sha256', hmacKey).update(input).digest('base64url')}`;
  return `${input}.${signature}`;
}

// Checks a JWT's signature against the JWKS the way a service must (the key named by kid, and
// the algorithm that key is for); returns {header, payload} or throws.
export function verifyJwt(token, jwks) {
  const { header, payload, signature } = decodeJwt(token);
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  assert.ok(jwk, `no key ${header.kid} in the JWKS`);
  const algs = { ES256: { kty: 'EC', dsaEncoding: 'ieee-p1363' }, RS256: { kty: 'RSA' } };
  assert.ok(algs[header.alg] && algs[header.alg].kty === jwk.kty, `alg ${header.alg} does not fit key ${jwk.kid} (${jwk.kty})`);
  const key = crypto.createPublicKey({ key: jwk, format: 'jwk' });
  const input = Buffer.from(String(token).split('.').slice(0, 2).join('.'));
  const ok = crypto.verify('sha256', input, { key, dsaEncoding: algs[header.alg].dsaEncoding }, Buffer.from(signature, 'base64url'));
  assert.ok(ok, 'the JWT signature verifies');
  return { header, payload };
}

// Forgeries of a genuine token: [{name, token}]. Each would pass a verifier that trusts what the
// token says about how to check it, or skips the check: a changed claim under the old signature,
// alg=none, no signature at all, and HS256 MACs keyed with each published public key (PEM and
// JWK text: the algorithm-confusion attack).
export function forgeriesOf(token, jwks, { claim = 'sub', value = 'someone-else' } = {}) {
  const { header, payload, signature } = decodeJwt(token);
  const forged = [
    { name: `tampered ${claim}, original signature`, token: makeJwt(header, { ...payload, [claim]: value }, { signature }) },
    { name: 'alg=none, no signature', token: makeJwt({ ...header, alg: 'none' }, payload) },
    { name: 'alg=none, original signature', token: makeJwt({ ...header, alg: 'none' }, payload, { signature }) },
    { name: 'signature removed', token: makeJwt(header, payload) },
  ];
  for (const jwk of jwks.keys) {
    const pem = crypto.createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
    const hs = { ...header, alg: 'HS256', kid: jwk.kid };
    forged.push({ name: `HS256 keyed with the PEM of public key ${jwk.kid}`, token: makeJwt(hs, payload, { hmacKey: pem }) });
    forged.push({ name: `HS256 keyed with the JWK of public key ${jwk.kid}`, token: makeJwt(hs, payload, { hmacKey: JSON.stringify(jwk) }) });
  }
  return forged;
}

export { client };
