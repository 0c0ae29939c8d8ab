// The console's PKCE sign-in pieces, without a browser: verifier and S256 challenge, the authorization address,
// the state check and the code exchange.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeChallenge, randomToken, beginSignIn, callbackParameters, completeSignIn, sessionFromIdToken, signInConfig, signOutUrl }
  from '../../main/resources/META-INF/resources/console/oidc.js';

const CONFIG = {
  authorizationEndpoint: 'https://staff.auth.example.com/oauth2/authorize',
  tokenEndpoint: 'https://staff.auth.example.com/oauth2/token',
  logoutEndpoint: 'https://staff.auth.example.com/logout',
  clientId: 'console-client',
  redirectUri: 'https://console.example.com/console/',
  scope: 'openid profile email',
};

function memoryStorage() {
  const items = new Map();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => items.set(k, v), removeItem: (k) => items.delete(k) };
}

function idToken(claims) {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part(claims)}.signature`;
}

test('the S256 challenge is base64url(SHA-256(verifier)), as in RFC 7636 appendix B', async () => {
  assert.equal(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
});

test('a verifier is 43 unreserved characters and never repeats', () => {
  const verifier = randomToken();
  assert.match(verifier, /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(randomToken(), verifier);
});

test('sign-in goes to the authorization endpoint with the code flow, the state and the S256 challenge of the kept verifier', async () => {
  const storage = memoryStorage();
  const url = new URL(await beginSignIn(CONFIG, storage));
  const pending = JSON.parse(storage.getItem('console.sign-in.pending'));
  assert.equal(url.origin + url.pathname, CONFIG.authorizationEndpoint);
  assert.equal(url.searchParams.get('response_type'), 'code');
  assert.equal(url.searchParams.get('client_id'), 'console-client');
  assert.equal(url.searchParams.get('redirect_uri'), CONFIG.redirectUri);
  assert.equal(url.searchParams.get('scope'), 'openid profile email');
  assert.equal(url.searchParams.get('state'), pending.state);
  assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
  assert.equal(url.searchParams.get('code_challenge'), await codeChallenge(pending.verifier));
});

test('the code is exchanged with the kept verifier, and the ID token becomes the session', async () => {
  const storage = memoryStorage();
  const state = new URL(await beginSignIn(CONFIG, storage)).searchParams.get('state');
  const { verifier } = JSON.parse(storage.getItem('console.sign-in.pending'));
  const token = idToken({ sub: 'u1', 'cognito:username': 'wang', 'cognito:groups': ['supervisor'], 'custom:dept': 'HOUSING' });
  let sent;
  const fetchImpl = async (url, init) => {
    sent = { url, init, form: new URLSearchParams(init.body) };
    return { ok: true, json: async () => ({ id_token: token, access_token: 'a', token_type: 'Bearer' }) };
  };
  const session = await completeSignIn(CONFIG, callbackParameters(`?code=abc&state=${state}`), storage, fetchImpl);
  assert.equal(sent.url, CONFIG.tokenEndpoint);
  assert.equal(sent.init.method, 'POST');
  assert.deepEqual(Object.fromEntries(sent.form), {
    grant_type: 'authorization_code', client_id: 'console-client', code: 'abc', redirect_uri: CONFIG.redirectUri, code_verifier: verifier,
  });
  assert.deepEqual(session, { token, name: 'wang', role: 'supervisor', department: 'HOUSING' });
  assert.equal(storage.getItem('console.sign-in.pending'), null, 'the verifier is used once');
});

test('an answer whose state is not the one sent is refused before any exchange, and so is a replay', async () => {
  const storage = memoryStorage();
  await beginSignIn(CONFIG, storage);
  let called = false;
  const fetchImpl = async () => { called = true; return { ok: true, json: async () => ({}) }; };
  await assert.rejects(completeSignIn(CONFIG, { code: 'abc', state: 'forged' }, storage, fetchImpl), /state/);
  assert.equal(called, false);
  await assert.rejects(completeSignIn(CONFIG, { code: 'abc', state: 'forged' }, storage, fetchImpl), /state/);
});

test('a page load without an answer is not a callback; an error answer is one', () => {
  assert.equal(callbackParameters(''), null);
  assert.equal(callbackParameters('?code=abc'), null);
  assert.deepEqual(callbackParameters('?error=access_denied&state=s'), { code: null, state: 's', error: 'access_denied' });
});

test('without a config.json (the local run) there is no hosted sign-in', async () => {
  assert.equal(await signInConfig(async () => ({ ok: false, status: 404 })), null);
  assert.equal(await signInConfig(async () => { throw new TypeError('offline'); }), null);
  assert.deepEqual(await signInConfig(async () => ({ ok: true, json: async () => CONFIG })), CONFIG);
});

test('sign-out ends the identity provider session and comes back to the console', () => {
  assert.equal(signOutUrl(CONFIG),
    'https://staff.auth.example.com/logout?client_id=console-client&logout_uri=https%3A%2F%2Fconsole.example.com%2Fconsole%2F');
});

test('a plain groups claim is read too', () => {
  assert.equal(sessionFromIdToken(idToken({ sub: 's', groups: 'staff', dept: 'D1' })).role, 'staff');
});
