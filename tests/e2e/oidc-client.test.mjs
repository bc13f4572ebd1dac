// Tessera's OpenID Connect provider driven by a real, independent relying party: openid-client
// from the npm registry does the protocol (discovery, authorization code + PKCE S256 with state
// and nonce, token exchange with ID-token validation against the JWKS, userinfo, refresh with
// rotation, revocation, introspection, RP-initiated logout, client credentials); Chromium plays
// the citizen (sign in with the second factor, consent); a loopback server (RFC 8252) receives
// the redirects and the back-channel logout tokens. The checks follow the standards (OIDC Core
// 1.0, RFC 6749, 7636, 7009, 7662, 9207, RP-Initiated and Back-Channel Logout 1.0), not the
// server's internals.
//
// Not here, because a running server cannot be aged without faking its clock: codes, access
// tokens, refresh tokens and ID tokens that expire at the provider. The C++ tests cover those
// with a manual clock (tests/server/core/oidc). Here the *client* is shown refusing an expired
// ID token by moving openid-client's clock instead.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { useServer } from './support/server.mjs';
import { useBrowser, newContext, watchPage } from './support/browser.mjs';
import { TotpDevice } from './support/totp.mjs';
import { currentAccount } from './support/portal.mjs';
import { saveScreenshot } from './support/screenshots.mjs';
import { waitingFor } from './support/pending.mjs';
import {
  authorizationRequest,
  authorize,
  client,
  clientValidationError,
  createService,
  decodeJwt,
  demoService,
  discover,
  exchange,
  expectOAuthError,
  followRefresh,
  forgeriesOf,
  land,
  oauthError,
  startCallbackServer,
  variant,
  verifyJwt,
  watchNavigations,
} from './support/oidc.mjs';

const server = useServer();
const browser = useBrowser();

// The routes of the provider's browser side; until they exist the tests that need them are TODO.
const PROVIDER_ROUTES = ['/oauth2/authorize', '/oauth2/userinfo', '/oauth2/logout'];
async function pending(t, routes = PROVIDER_ROUTES) {
  await relyingParty();
  return waitingFor(t, server, routes);
}

let rp; // the relying party's loopback server
let demo; // the "Demo council" service: {clientId, clientSecret, ...}
let config; // openid-client's configuration for it, from discovery

// Set up on first use inside a test: node runs a file's `before` hooks concurrently, so this
// cannot wait for useServer()'s in a hook of its own.
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
  const session = await citizenSession?.catch(() => null);
  await session?.context.close().catch(() => {});
  await rp?.close();
});

const issuer = () => config.serverMetadata().issuer;
const nowSeconds = () => Math.floor(Date.now() / 1000);

async function jwks() {
  const res = await fetch(config.serverMetadata().jwks_uri);
  assert.equal(res.status, 200, 'the JWKS answers');
  return res.json();
}

async function introspect(cfg, token) {
  return client.tokenIntrospection(cfg, token);
}

// One browser context where the demo TOTP citizen is signed in (and has consented to the demo
// service), shared by the tests below that only need "a code for the signed-in citizen".
let citizenSession;
function citizen() {
  citizenSession ??= (async () => {
    const account = server.demoAccount({ secondFactor: 'totp' });
    const context = await newContext(browser.get(), { baseURL: server.url });
    const page = await context.newPage();
    return { context, page, account, device: TotpDevice.for(account.totpSecret) };
  })();
  return citizenSession;
}

// A fresh authorization code for the shared citizen at `cfg`'s client (signing in or consenting
// only when the provider asks).
async function codeFor(cfg = config, params = {}) {
  const { page, account, device } = await citizen();
  const request = await authorizationRequest(cfg, rp.redirectUri, params);
  const { callback } = await authorize(page, request.url, { redirectUri: rp.redirectUri, account, device });
  return { request, callback };
}

// A second connected service, made by the demo administrator through the REST API, so
// audience and client binding can be tried with two real clients.
let secondServicePromise;
function secondService() {
  secondServicePromise ??= (async () => {
    const admin = server.demoAccount({ role: 'admin', secondFactor: 'totp' });
    // OIDC Core §8.1: the provider fetches the sector identifier file and checks that it lists
    // every redirect URI of the service. Served from the relying party's loopback server under
    // the host localhost, so the sector (the host) differs from the demo service's 127.0.0.1.
    const redirectUris = ['http://127.0.0.1/callback'];
    const sectorPath = '/second-council/redirect-uris.json';
    rp.serve(sectorPath, redirectUris);
    const created = await createService(
      server,
      {
        name: 'Second council (e2e)',
        description: 'Another relying party, for audience and client-binding checks.',
        redirectUris,
        postLogoutRedirectUris: ['http://127.0.0.1/second-service-signed-out'],
        backchannelLogoutUri: `${rp.origin}/backchannel`,
        clientType: 'confidential',
        tokenEndpointAuthMethod: 'client_secret_basic',
        grantTypes: ['authorization_code', 'refresh_token'],
        allowedScopes: ['openid', 'profile', 'email', 'offline_access'],
        allowedClaims: ['name', 'email', 'email_verified'],
        subjectType: 'pairwise',
        // Its own sector (OIDC Core §8.1): without one it would share the demo service's, the
        // host of its redirect URIs (127.0.0.1), and so the same pairwise sub.
        sectorIdentifier: `${rp.localhostOrigin}${sectorPath}`,
        idTokenAlg: 'RS256',
        consentText: {
          en: 'Second council uses your name and email.',
          fr: 'Second council utilise votre nom et votre e-mail.',
          gd: 'Cleachdaidh Second council d’ainm agus do phost-d.',
        },
      },
      { device: TotpDevice.for(admin.totpSecret) },
    );
    assert.ok(created.clientId && created.clientSecret, `the new service has a client_id and secret: ${JSON.stringify(created)}`);
    const settings = { clientId: created.clientId, clientSecret: created.clientSecret, idTokenAlg: 'RS256' };
    return { ...created, config: variant(config, settings) };
  })();
  return secondServicePromise;
}

// Loads `url` in the browser, answers a logout confirmation if the provider asks, and records
// any attempt to reach the host evil.example (aborted). Returns {status, hits}.
const atEvil = (url) => url.hostname === 'evil.example' || url.hostname.endsWith('.evil.example');
async function visit(page, url, { confirmSignOut = false } = {}) {
  const hits = [];
  const trap = (route) => {
    hits.push(route.request().url());
    return route.abort();
  };
  await page.route(atEvil, trap);
  const watcher = watchNavigations(page);
  let status = null;
  try {
    const response = await page.goto(String(url), { waitUntil: 'load' }).catch((e) => {
      if (hits.length === 0) throw e;
      return null;
    });
    status = response?.status() ?? null;
    const confirm = page.locator('main form button[name="decision"][value="sign-out"]');
    if (confirmSignOut && hits.length === 0 && (await confirm.count()) > 0) {
      const [nav] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }).catch(() => null), confirm.first().click()]);
      status = nav?.status() ?? status;
    }
    if (hits.length === 0) await followRefresh(page, watcher).catch(() => {});
  } finally {
    watcher.stop();
    await page.unroute(atEvil, trap);
  }
  return { status, hits };
}

// ---- discovery -----------------------------------------------------------------------------

test('discovery describes a code + PKCE provider with RFC 9207 iss, and the JWKS holds public keys only', async (t) => {
  if (await pending(t)) return;
  const m = config.serverMetadata();
  assert.equal(m.issuer, server.url, 'the issuer is the public URL');
  for (const endpoint of [
    'authorization_endpoint',
    'token_endpoint',
    'userinfo_endpoint',
    'jwks_uri',
    'introspection_endpoint',
    'revocation_endpoint',
    'end_session_endpoint',
  ]) {
    assert.ok(m[endpoint], `discovery lists ${endpoint}`);
    assert.equal(new URL(m[endpoint]).origin, new URL(server.url).origin, `${endpoint} is on the issuer`);
  }
  assert.ok(m.response_types_supported?.includes('code'), `response_types_supported has code: ${m.response_types_supported}`);
  for (const grant of ['authorization_code', 'refresh_token', 'client_credentials'])
    assert.ok(m.grant_types_supported?.includes(grant), `grant_types_supported has ${grant}: ${m.grant_types_supported}`);
  assert.ok(m.code_challenge_methods_supported?.includes('S256'), 'PKCE S256 is advertised');
  assert.equal(m.authorization_response_iss_parameter_supported, true, 'RFC 9207: iss in authorization responses');
  assert.ok(m.scopes_supported?.includes('openid'), 'scopes_supported has openid');
  assert.equal(m.backchannel_logout_supported, true, 'Back-Channel Logout 1.0');
  assert.equal(m.backchannel_logout_session_supported, true, 'logout tokens carry sid');
  assert.ok(m.subject_types_supported?.includes('pairwise'), `pairwise subjects: ${m.subject_types_supported}`);
  assert.ok(m.id_token_signing_alg_values_supported?.length > 0, 'ID token algorithms are listed');
  for (const alg of m.id_token_signing_alg_values_supported)
    assert.ok(alg !== 'none' && !alg.startsWith('HS'), `no unsigned or symmetric ID tokens (${alg})`);

  const keys = await jwks();
  assert.ok(keys.keys?.length > 0, 'the JWKS has keys');
  for (const key of keys.keys) {
    assert.ok(key.kid, `every key has a kid: ${JSON.stringify(key)}`);
    for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'])
      assert.equal(key[secret], undefined, `key ${key.kid} publishes no private member "${secret}"`);
  }
});

// ---- the whole journey ---------------------------------------------------------------------

test('a service signs the citizen in (code + PKCE, TOTP, consent), reads userinfo, refreshes, revokes and logs out', async (t) => {
  if (await pending(t)) return;
  const account = server.demoAccount({ secondFactor: 'totp' });
  const device = TotpDevice.for(account.totpSecret);
  const context = await newContext(browser.get(), { baseURL: server.url });
  const page = await context.newPage();
  const problems = watchPage(page);
  try {
    // Front channel: sign in and consent in the browser, back to the service with code, state, iss.
    const request = await authorizationRequest(config, rp.redirectUri);
    const startedAt = nowSeconds();
    const result = await authorize(page, request.url, { redirectUri: rp.redirectUri, account, device });
    assert.ok(result.signedIn, 'a citizen who is not signed in is sent to sign in');
    assert.ok(result.consented, 'the first time, the citizen is asked to consent');
    assert.match(result.consentText, /Demo council/, 'the consent page names the service');
    const { callback } = result;
    assert.ok(callback.searchParams.get('code'), `the redirect carries a code: ${callback}`);
    assert.equal(callback.searchParams.get('state'), request.state, 'the state comes back unchanged');
    assert.equal(callback.searchParams.get('iss'), issuer(), 'RFC 9207: the response names its issuer');
    const me = await currentAccount(page);
    assert.ok(me, 'the browser is signed in to the portal');

    // Back channel: openid-client exchanges the code and checks the ID token (signature against
    // the JWKS, iss, aud, azp, exp, iat, nonce).
    const tokens = await exchange(config, callback, request);
    assert.ok(tokens.access_token, 'an access token');
    assert.equal(tokens.token_type.toLowerCase(), 'bearer');
    assert.ok(tokens.refresh_token, 'a refresh token (offline_access was asked for)');
    const claims = tokens.claims();
    assert.ok(claims.sub, 'the ID token has a sub');
    if (me.id) assert.notEqual(claims.sub, me.id, 'a pairwise sub, not the account id');
    assert.equal(typeof claims.acr, 'string', `the ID token has an acr: ${JSON.stringify(claims)}`);
    const acrValues = config.serverMetadata().acr_values_supported;
    if (acrValues) assert.ok(acrValues.includes(claims.acr), `acr ${claims.acr} is one of ${acrValues}`);
    assert.equal(typeof claims.auth_time, 'number', 'the ID token has an auth_time');
    assert.ok(
      claims.auth_time >= startedAt - 1 && claims.auth_time <= nowSeconds() + 1,
      `auth_time ${claims.auth_time} is when the citizen signed in (${startedAt}..${nowSeconds()})`,
    );
    assert.ok(typeof claims.sid === 'string' && claims.sid.length > 0, 'the ID token has a sid');
    const { header } = decodeJwt(tokens.id_token);
    assert.ok(config.serverMetadata().id_token_signing_alg_values_supported.includes(header.alg), `alg ${header.alg} is advertised`);
    assert.ok((await jwks()).keys.some((k) => k.kid === header.kid), `the ID token's kid ${header.kid} is in the JWKS`);

    // Userinfo: the same sub, and only what was asked for, the service may have, and the citizen consented to.
    const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    assert.equal(info.sub, claims.sub);
    assert.equal(info.name, me.name, 'profile scope: the name');
    assert.equal(info.email?.toLowerCase(), account.email.toLowerCase(), 'email scope: the email');
    const consented = new Set(['sub', 'name', 'birthdate', 'email', 'email_verified']);
    const extra = Object.keys(info).filter((k) => !consented.has(k));
    assert.deepEqual(extra, [], `userinfo releases nothing beyond the consented claims: ${JSON.stringify(info)}`);
    assert.equal(info.address, undefined, 'no address: the address scope was not asked for');

    // Refresh with rotation: a new refresh token, and the new access token works.
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
    assert.ok(refreshed.refresh_token, 'the refresh answers with a new refresh token');
    assert.notEqual(refreshed.refresh_token, tokens.refresh_token, 'the refresh token rotates');
    assert.notEqual(refreshed.access_token, tokens.access_token, 'a new access token');
    if (refreshed.id_token) {
      const again = refreshed.claims();
      assert.equal(again.sub, claims.sub, 'OIDC Core §12.2: the same sub');
      assert.equal(again.auth_time, claims.auth_time, 'OIDC Core §12.2: the same auth_time');
    }
    const info2 = await client.fetchUserInfo(config, refreshed.access_token, claims.sub);
    assert.equal(info2.sub, claims.sub);

    // Introspection sees the live tokens; revoking the refresh token (RFC 7009) ends them.
    const live = await introspect(config, refreshed.access_token);
    assert.equal(live.active, true, `the refreshed access token is active: ${JSON.stringify(live)}`);
    assert.equal(live.client_id, demo.clientId);
    assert.equal(live.sub, claims.sub);
    const liveRefresh = await introspect(config, refreshed.refresh_token);
    assert.equal(liveRefresh.active, true, `RFC 7662: the refresh token introspects as active: ${JSON.stringify(liveRefresh)}`);
    await client.tokenRevocation(config, refreshed.refresh_token, { token_type_hint: 'refresh_token' });
    await expectOAuthError(client.refreshTokenGrant(config, refreshed.refresh_token), 'invalid_grant', 'refresh after revocation');
    assert.equal((await introspect(config, refreshed.refresh_token)).active, false, 'the revoked refresh token is inactive');
    assert.equal(
      (await introspect(config, refreshed.access_token)).active,
      false,
      'RFC 7009 §2.1: revoking the refresh token also ends the access tokens of its grant',
    );

    // RP-initiated logout: back at the service with the state, and signed out of the portal.
    const logoutState = client.randomState();
    const endSession = client.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token,
      post_logout_redirect_uri: rp.postLogoutRedirectUri,
      state: logoutState,
    });
    const { hits } = await visit(page, endSession, { confirmSignOut: true });
    assert.deepEqual(hits, []);
    const landed = new URL(page.url());
    assert.equal(`${landed.origin}${landed.pathname}`, rp.postLogoutRedirectUri, `back at the service after logout, not ${page.url()}`);
    assert.equal(landed.searchParams.get('state'), logoutState, 'the logout state comes back');
    assert.equal(await currentAccount(page), null, 'the portal session has ended');
    // The provider no longer knows this browser: prompt=none cannot sign in silently.
    const silent = await authorizationRequest(config, rp.redirectUri, { prompt: 'none' });
    await expectOAuthError(exchange(config, await land(page, silent.url), silent), 'login_required', 'prompt=none after logout');

    assert.deepEqual(problems, [], 'no script errors, console errors (CSP) or server errors on the way');
  } catch (e) {
    await saveScreenshot(page, { lang: 'en', name: 'FAILED-oidc-happy-path' }).catch(() => {});
    throw server.explain(e);
  } finally {
    await context.close();
  }
});

// ---- single sign-on and prompt -------------------------------------------------------------

test('single sign-on: deny, then no second sign-in; prompt=none and prompt=login; prompt=none when signed out', async (t) => {
  if (await pending(t)) return;
  const account = server.demoAccount({ secondFactor: 'email' });
  const context = await newContext(browser.get(), { baseURL: server.url });
  const page = await context.newPage();
  const asCitizen = { redirectUri: rp.redirectUri, account, outbox: server.outbox };
  try {
    // The citizen signs in, then refuses: access_denied comes back to the service, with iss.
    const first = await authorizationRequest(config, rp.redirectUri);
    const denied = await authorize(page, first.url, { ...asCitizen, decision: 'deny' });
    assert.ok(denied.signedIn && denied.consented, 'signed in, then asked to consent');
    assert.equal(denied.callback.searchParams.get('iss'), issuer(), 'RFC 9207: iss on an error response too');
    await expectOAuthError(exchange(config, denied.callback, first), 'access_denied', 'a denied consent');

    // The same browser again: no sign-in form (single sign-on), consent asked again, a code.
    const second = await authorizationRequest(config, rp.redirectUri);
    const allowed = await authorize(page, second.url, { redirectUri: rp.redirectUri });
    assert.equal(allowed.signedIn, false, 'single sign-on: no sign-in form the second time');
    assert.ok(allowed.consented, 'a refusal is not remembered as consent');
    const claims2 = (await exchange(config, allowed.callback, second)).claims();

    // prompt=none with a session and consent: a code with no page at all.
    const none = await authorizationRequest(config, rp.redirectUri, { prompt: 'none' });
    const claims3 = (await exchange(config, await land(page, none.url), none)).claims();
    assert.equal(claims3.sub, claims2.sub, 'the same citizen');
    assert.equal(claims3.auth_time, claims2.auth_time, 'no new authentication');

    // prompt=login: the sign-in form even though signed in, and a newer auth_time.
    await sleep(1100); // auth_time has one-second resolution
    const loginStarted = nowSeconds();
    const login = await authorizationRequest(config, rp.redirectUri, { prompt: 'login' });
    const relogged = await authorize(page, login.url, asCitizen);
    assert.ok(relogged.signedIn, 'prompt=login shows the sign-in form to a signed-in citizen');
    const claims4 = (await exchange(config, relogged.callback, login)).claims();
    assert.equal(claims4.sub, claims2.sub, 'the same citizen');
    assert.ok(claims4.auth_time >= loginStarted, `auth_time ${claims4.auth_time} is the new sign-in (>= ${loginStarted})`);

    // A browser the provider does not know: prompt=none answers login_required at the redirect URI.
    const fresh = await authorizationRequest(config, rp.redirectUri, { prompt: 'none' });
    const res = await fetch(fresh.url, { redirect: 'manual' });
    const location = res.headers.get('location');
    assert.ok(res.status >= 300 && res.status < 400 && location, `prompt=none redirects (HTTP ${res.status})`);
    const back = new URL(location, server.url);
    assert.equal(`${back.origin}${back.pathname}`, rp.redirectUri, `prompt=none goes back to the service, not to ${back}`);
    await expectOAuthError(exchange(config, back, fresh), 'login_required', 'prompt=none without a session');
  } catch (e) {
    await saveScreenshot(page, { lang: 'en', name: 'FAILED-oidc-sso' }).catch(() => {});
    throw server.explain(e);
  } finally {
    await context.close();
  }
});

// ---- authorization requests that must not redirect -----------------------------------------

test('an unregistered redirect URI or unknown client gets an error page from the provider, never a redirect', async (t) => {
  if (await pending(t)) return;
  await codeFor(); // signed in and consented: only the redirect URI can be wrong
  const { page } = await citizen();
  const port = new URL(rp.origin).port;
  const wrong = [
    `${rp.origin}/elsewhere`,
    `${rp.origin}/callback/more`,
    `${rp.redirectUri}?next=https://evil.example/`,
    `${rp.redirectUri}#fragment`,
    `http://localhost:${port}/callback`,
    `https://127.0.0.1:${port}/callback`,
    `http://evil.example/callback`,
    `http://127.0.0.1:${port}@evil.example/callback`,
  ];
  const attempts = wrong.map((uri) => ({ uri, cfg: config }));
  attempts.push({ uri: rp.redirectUri, cfg: variant(config, { clientId: 'no-such-client', clientSecret: 'x' }) });
  for (const { uri, cfg } of attempts) {
    const label = `redirect_uri=${uri} client_id=${cfg.clientMetadata().client_id}`;
    const request = await authorizationRequest(cfg, uri);
    const mark = rp.received.length;
    // Signed in: the provider answers with its error page.
    const { status, hits } = await visit(page, request.url);
    assert.deepEqual(hits, [], `${label}: the browser was sent to evil.example`);
    assert.deepEqual(rp.since(mark), [], `${label}: the browser was sent to the service`);
    assert.equal(new URL(page.url()).origin, new URL(server.url).origin, `${label}: the browser stays on the provider, not ${page.url()}`);
    assert.ok(status >= 400 && status < 500, `${label}: an error page (HTTP 4xx), got ${status}`);
    assert.ok((await page.locator('main').count()) > 0, `${label}: the error page has a <main>`);
    // Not signed in: whatever the provider does first, never a redirect to that URI.
    const res = await fetch(request.url, { redirect: 'manual' });
    const location = res.headers.get('location');
    if (location)
      assert.equal(new URL(location, server.url).origin, new URL(server.url).origin, `${label}: redirected to ${location}`);
  }
});

test('PKCE (RFC 7636): a wrong or missing code_verifier, or a changed redirect_uri, gets invalid_grant', async (t) => {
  if (await pending(t)) return;
  const a = await codeFor();
  await expectOAuthError(
    exchange(config, a.callback, { ...a.request, codeVerifier: client.randomPKCECodeVerifier() }),
    'invalid_grant',
    'a wrong code_verifier',
  );
  const b = await codeFor();
  await expectOAuthError(exchange(config, b.callback, { ...b.request, codeVerifier: undefined }), 'invalid_grant', 'no code_verifier');
  const c = await codeFor();
  const elsewhere = new URL(`${rp.origin}/elsewhere${c.callback.search}`);
  await expectOAuthError(exchange(config, elsewhere, c.request), 'invalid_grant', 'RFC 6749 §4.1.3: another redirect_uri');

  // plain is weaker than S256; a provider that does not advertise it refuses it at the front channel.
  if (!config.serverMetadata().code_challenge_methods_supported.includes('plain')) {
    const verifier = client.randomPKCECodeVerifier();
    const plain = await authorizationRequest(config, rp.redirectUri, { code_challenge: verifier, code_challenge_method: 'plain' });
    const { page } = await citizen();
    await expectOAuthError(exchange(config, await land(page, plain.url), plain), 'invalid_request', 'code_challenge_method=plain');
  }
});

test('a code used twice gets invalid_grant and revokes the tokens it gave (RFC 6749 §4.1.2)', async (t) => {
  if (await pending(t)) return;
  const a = await codeFor();
  const first = await exchange(config, a.callback, a.request);
  assert.equal((await introspect(config, first.access_token)).active, true, 'the first exchange gave an active token');
  await expectOAuthError(exchange(config, a.callback, a.request), 'invalid_grant', 'the same code again');
  assert.equal((await introspect(config, first.access_token)).active, false, 'the access token of the first exchange is revoked');
  await expectOAuthError(client.refreshTokenGrant(config, first.refresh_token), 'invalid_grant', "the first exchange's refresh token");
});

test('a rotated-away refresh token used again gets invalid_grant and ends the whole family', async (t) => {
  if (await pending(t)) return;
  const a = await codeFor();
  const t1 = await exchange(config, a.callback, a.request);
  const t2 = await client.refreshTokenGrant(config, t1.refresh_token);
  assert.notEqual(t2.refresh_token, t1.refresh_token, 'rotation');
  await expectOAuthError(client.refreshTokenGrant(config, t1.refresh_token), 'invalid_grant', 'the old refresh token replayed');
  await expectOAuthError(client.refreshTokenGrant(config, t2.refresh_token), 'invalid_grant', 'the newest refresh token after a replay');
});

// ---- what the client checks in the ID token ------------------------------------------------

test('openid-client refuses forged, expired-looking, wrong-nonce and other-audience ID tokens', async (t) => {
  if (await pending(t)) return;
  const a = await codeFor();
  const genuine = await exchange(config, a.callback, a.request);
  const claims = genuine.claims();
  const second = await secondService();

  // The "token endpoint" answers with `idToken` (openid-client's fetch hook): only the client's
  // own checks stand between it and the citizen's session.
  const offer = (idToken, { clientId = demo.clientId, clientSecret = demo.clientSecret, idTokenAlg, clockSkew, nonce = a.request.nonce } = {}) => {
    const cfg = variant(config, {
      clientId,
      clientSecret,
      idTokenAlg,
      clockSkew,
      tokenResponse: { access_token: genuine.access_token, token_type: 'Bearer', expires_in: 300, id_token: idToken },
    });
    const state = client.randomState();
    const callback = new URL(rp.redirectUri);
    callback.search = new URLSearchParams({ code: 'canned', state, iss: issuer() }).toString();
    return client.authorizationCodeGrant(cfg, callback, { expectedState: state, expectedNonce: nonce, pkceCodeVerifier: client.randomPKCECodeVerifier() });
  };

  await offer(genuine.id_token); // the genuine token passes the same path: the refusals below are the token's fault

  for (const forged of forgeriesOf(genuine.id_token, await jwks())) {
    const refused = await clientValidationError(offer(forged.token), forged.name);
    assert.equal(refused.code, 'OAUTH_INVALID_RESPONSE', `${forged.name}: ${refused.code} ${refused.message}`);
    assert.match(refused.message, /signature|"alg"/, `${forged.name}: refused for its signature or algorithm`);
  }

  // The client's clock two minutes past exp (beyond its 30 s tolerance): the same token is expired.
  const expired = await clientValidationError(offer(genuine.id_token, { clockSkew: claims.exp - nowSeconds() + 120 }), 'an expired ID token');
  assert.equal(expired.code, 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED', expired.message);
  assert.match(expired.message, /"exp"/);

  const wrongNonce = await clientValidationError(offer(genuine.id_token, { nonce: client.randomNonce() }), 'another nonce');
  assert.equal(wrongNonce.code, 'OAUTH_JWT_CLAIM_COMPARISON_FAILED', wrongNonce.message);
  assert.match(wrongNonce.message, /nonce/);

  const otherAudience = await clientValidationError(
    offer(genuine.id_token, { clientId: second.clientId, clientSecret: second.clientSecret, idTokenAlg: decodeJwt(genuine.id_token).header.alg }),
    "the demo service's ID token offered to the second service",
  );
  assert.equal(otherAudience.code, 'OAUTH_JWT_CLAIM_COMPARISON_FAILED', otherAudience.message);
  assert.match(otherAudience.message, /"aud"/);
});

// ---- what the provider checks in access tokens ---------------------------------------------

test('userinfo answers 401 invalid_token and introspection active:false to forged access tokens', async (t) => {
  if (await pending(t)) return;
  const a = await codeFor();
  const tokens = await exchange(config, a.callback, a.request);
  const sub = tokens.claims().sub;
  // The genuine token works, so each refusal below is about the forgery.
  assert.equal((await client.fetchUserInfo(config, tokens.access_token, sub)).sub, sub);
  assert.equal((await introspect(config, tokens.access_token)).active, true);

  const forgeries = tokens.access_token.split('.').length === 3 ? forgeriesOf(tokens.access_token, await jwks()) : [];
  forgeries.push({ name: 'a random string', token: client.randomState() });
  for (const forged of forgeries) {
    const refused = await oauthError(client.fetchUserInfo(config, forged.token, client.skipSubjectCheck), `userinfo, ${forged.name}`);
    assert.equal(refused.status, 401, `userinfo, ${forged.name}: HTTP ${refused.status}`);
    assert.equal(refused.scheme?.toLowerCase(), 'bearer', `userinfo, ${forged.name}: a Bearer challenge (RFC 6750 §3)`);
    assert.equal(refused.error, 'invalid_token', `userinfo, ${forged.name}: error=${refused.error}`);
    const answer = await introspect(config, forged.token);
    assert.deepEqual(answer, { active: false }, `introspection, ${forged.name}: inactive, and nothing more (RFC 7662 §2.2)`);
  }
});

// ---- two services: tokens and codes are bound to their client ------------------------------

test("another service cannot use the demo service's code, refresh token or access token, and gets its own pairwise sub", async (t) => {
  if (await pending(t)) return;
  const second = await secondService();

  // A code presented by another client: invalid_grant, and nothing changes for its owner.
  const a = await codeFor();
  await expectOAuthError(exchange(second.config, a.callback, a.request), 'invalid_grant', "the second service presenting the demo service's code");
  const mine = await exchange(config, a.callback, a.request);

  // Tokens of another client: inactive to it (RFC 7662), not refreshable (RFC 6749 §6), not revocable (RFC 7009 §2.1).
  assert.deepEqual(await introspect(second.config, mine.access_token), { active: false }, "the demo service's token, introspected by the second");
  await expectOAuthError(client.refreshTokenGrant(second.config, mine.refresh_token), 'invalid_grant', "the second service refreshing the demo service's token");
  await client.tokenRevocation(second.config, mine.access_token).catch(() => {});
  await client.tokenRevocation(second.config, mine.refresh_token).catch(() => {});
  assert.equal((await introspect(config, mine.access_token)).active, true, 'another client cannot revoke the demo service token');
  const stillMine = await client.refreshTokenGrant(config, mine.refresh_token);
  assert.ok(stillMine.access_token, 'the demo service still refreshes its own grant');

  // The second service before the citizen consented to it: prompt=none answers consent_required.
  const { page } = await citizen();
  const silent = await authorizationRequest(second.config, rp.redirectUri, { prompt: 'none' });
  await expectOAuthError(exchange(second.config, await land(page, silent.url), silent), 'consent_required', 'prompt=none without consent');

  // Its own sign-in (consent once): an ID token for it, with a pairwise sub of its own.
  const b = await codeFor(second.config);
  const theirs = await exchange(second.config, b.callback, b.request);
  const theirClaims = theirs.claims();
  assert.deepEqual([theirClaims.aud].flat(), [second.clientId], 'the ID token is for the second service');
  assert.notEqual(theirClaims.sub, mine.claims().sub, 'pairwise: a service of another sector sees another sub for the same citizen');
  assert.equal(decodeJwt(theirs.id_token).header.alg, 'RS256', "the second service's registered algorithm");
  // The classic algorithm confusion is against RSA keys: HS256 keyed with the RSA public key.
  const rsaConfusions = forgeriesOf(theirs.access_token, await jwks()).filter((f) => f.name.startsWith('HS256'));
  assert.ok(rsaConfusions.length > 0);
  for (const forged of rsaConfusions) {
    const refused = await oauthError(client.fetchUserInfo(second.config, forged.token, client.skipSubjectCheck), forged.name);
    assert.equal(`${refused.status} ${refused.error}`, '401 invalid_token', `userinfo, ${forged.name}`);
  }
  assert.deepEqual(await introspect(config, theirs.access_token), { active: false }, "the second service's token, introspected by the demo service");
  assert.equal((await introspect(second.config, theirs.access_token)).active, true, 'its own token is active to the second service');
});

test('client credentials: a service token for the service itself, which userinfo refuses', async (t) => {
  if (await pending(t, ['/oauth2/userinfo'])) return;
  const issued = await client.clientCredentialsGrant(config);
  assert.ok(issued.access_token);
  assert.equal(issued.refresh_token, undefined, 'RFC 6749 §4.4.3: no refresh token');
  assert.equal(issued.id_token, undefined, 'no ID token without a citizen');
  const answer = await introspect(config, issued.access_token);
  assert.equal(answer.active, true);
  assert.equal(answer.client_id, demo.clientId);
  // No citizen behind it: userinfo has nothing to say (RFC 6750 §3.1).
  const refused = await oauthError(client.fetchUserInfo(config, issued.access_token, client.skipSubjectCheck), 'userinfo with a client token');
  assert.ok([401, 403].includes(refused.status), `HTTP ${refused.status}`);
  assert.ok(['invalid_token', 'insufficient_scope'].includes(refused.error), `error=${refused.error}`);
});

// ---- logout must not be an open redirect ---------------------------------------------------

test('RP-initiated logout never redirects to an unregistered post_logout_redirect_uri; the other service hears of it by back channel', async (t) => {
  if (await pending(t)) return;
  const second = await secondService();
  const a = await codeFor();
  const idToken = (await exchange(config, a.callback, a.request)).id_token;
  // The same portal session signs in to the second service too (its own OP session, its sid).
  const b = await codeFor(second.config);
  const secondSid = (await exchange(second.config, b.callback, b.request)).claims().sid;
  const backchannel = (mark) => rp.since(mark).filter((r) => r.url.pathname === '/backchannel');
  const browserVisits = (mark) => rp.since(mark).filter((r) => r.url.pathname !== '/backchannel').map((r) => r.url.href);
  const start = rp.received.length;

  const port = new URL(rp.origin).port;
  const unregistered = [
    'https://evil.example/',
    `http://127.0.0.1:${port}@evil.example/`,
    `${rp.origin}/elsewhere`,
    // Registered, but by the second service: the id_token_hint says the demo service is asking.
    `${rp.origin}/second-service-signed-out`,
  ];
  const { page } = await citizen();
  for (const uri of unregistered) {
    const state = client.randomState();
    const url = client.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: uri, state });
    const mark = rp.received.length;
    const { hits } = await visit(page, url, { confirmSignOut: true });
    assert.deepEqual(hits, [], `post_logout_redirect_uri=${uri}: the browser was sent to evil.example`);
    assert.deepEqual(browserVisits(mark), [], `post_logout_redirect_uri=${uri}: the browser was sent to the service`);
    assert.equal(new URL(page.url()).origin, new URL(server.url).origin, `post_logout_redirect_uri=${uri}: stays on the provider`);
  }

  // The registered URI, same browser and token: this one is followed, so the refusals above are about the URI.
  const state = client.randomState();
  const url = client.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: rp.postLogoutRedirectUri, state });
  await visit(page, url, { confirmSignOut: true });
  const landed = new URL(page.url());
  assert.equal(`${landed.origin}${landed.pathname}`, rp.postLogoutRedirectUri, `the registered URI is followed, not ${page.url()}`);
  assert.equal(landed.searchParams.get('state'), state);
  assert.equal(await currentAccount(page), null, 'signed out of the portal');

  // Back-Channel Logout 1.0: the second service is told its session ended, with a signed logout token.
  for (let waited = 0; backchannel(start).length === 0 && waited < 10_000; waited += 100) await sleep(100);
  const posts = backchannel(start);
  assert.equal(posts.length, 1, `one logout token POSTed to the second service: ${JSON.stringify(posts.map((p) => p.body))}`);
  const logoutToken = new URLSearchParams(posts[0].body).get('logout_token');
  assert.ok(logoutToken, `the POST carries logout_token: ${posts[0].body}`);
  const { header, payload } = verifyJwt(logoutToken, await jwks());
  assert.ok(config.serverMetadata().id_token_signing_alg_values_supported.includes(header.alg), `alg ${header.alg}`);
  assert.equal(payload.iss, issuer());
  assert.deepEqual([payload.aud].flat(), [second.clientId], 'for the second service');
  assert.ok(payload.events?.['http://schemas.openid.net/event/backchannel-logout'], `the back-channel logout event: ${JSON.stringify(payload)}`);
  assert.equal(payload.sid, secondSid, "the second service's session");
  assert.equal(payload.nonce, undefined, 'a logout token has no nonce (§2.4)');
  assert.ok(payload.jti && payload.iat, 'jti and iat');
});

// ---- verified identity (OpenID Connect for Identity Assurance 1.0) --------------------------

test('a verified demo citizen shares verified_claims: discovery advertises them, the consent page names them, userinfo carries them', async (t) => {
  if (await pending(t)) return;
  const m = config.serverMetadata();
  assert.equal(m.verified_claims_supported, true, 'OIDC4IA §8: verified claims are advertised');
  assert.ok(m.trust_frameworks_supported?.length > 0, `trust_frameworks_supported: ${m.trust_frameworks_supported}`);
  for (const claim of ['given_name', 'family_name', 'birthdate'])
    assert.ok(m.claims_in_verified_claims_supported?.includes(claim), `claims_in_verified_claims_supported has ${claim}`);

  // Catriona Anne Drummond, verified to LoA 2 against the sample registers by the demo data.
  const account = server.credentials.accounts.find((a) => a.email === 'catriona@demo.tessera.localhost');
  assert.ok(account?.totpSecret, `the demo data has the verified citizen: ${JSON.stringify(server.credentials.accounts)}`);
  const context = await newContext(browser.get(), { baseURL: server.url });
  const page = await context.newPage();
  try {
    const claims = {
      userinfo: {
        verified_claims: {
          verification: { trust_framework: null, assurance_level: null, evidence: [{ type: { value: 'electronic_record' }, record: null }] },
          claims: { given_name: null, family_name: null, birthdate: null },
        },
      },
    };
    const request = await authorizationRequest(config, rp.redirectUri, { scope: 'openid', claims: JSON.stringify(claims) });
    const result = await authorize(page, request.url, { redirectUri: rp.redirectUri, account, device: TotpDevice.for(account.totpSecret) });
    assert.ok(result.consented, 'the citizen is asked to consent');
    assert.match(result.consentText, /that your identity was verified, and how/, 'the consent page names verified_claims');
    assert.match(result.consentText, /your date of birth, as confirmed when we verified your identity/);
    const tokens = await exchange(config, result.callback, request);
    const info = await client.fetchUserInfo(config, tokens.access_token, tokens.claims().sub);
    const vc = info.verified_claims;
    assert.ok(vc, `userinfo carries verified_claims: ${JSON.stringify(info)}`);
    assert.ok(m.trust_frameworks_supported.includes(vc.verification.trust_framework), `trust_framework ${vc.verification.trust_framework}`);
    assert.ok(m.acr_values_supported.includes(vc.verification.assurance_level), `assurance_level ${vc.verification.assurance_level} is an acr value`);
    assert.deepEqual(vc.claims, { given_name: 'Catriona Anne', family_name: 'Drummond', birthdate: '1986-04-09' });
    assert.ok(vc.verification.evidence?.length > 0, `evidence was asked for: ${JSON.stringify(vc.verification)}`);
    for (const e of vc.verification.evidence) {
      assert.equal(e.type, 'electronic_record', 'only the evidence type asked for');
      assert.ok(m.electronic_records_supported.includes(e.record?.type), `record type ${e.record?.type} is advertised`);
    }
    assert.equal(info.given_name, undefined, 'verified claims stay inside verified_claims');
  } catch (e) {
    await saveScreenshot(page, { lang: 'en', name: 'FAILED-oidc-verified-claims' }).catch(() => {});
    throw server.explain(e);
  } finally {
    await context.close();
  }
});
