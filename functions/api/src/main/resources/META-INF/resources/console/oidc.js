// Sign-in in the cloud: the OpenID Connect authorization-code flow with PKCE (RFC 7636) against the staff's identity
// provider, as described by the config.json the stack writes beside the console. The console is a public client: it
// holds no secret; the code verifier, kept in this tab only, proves that the code it exchanges is the one it asked for.

const PENDING_KEY = 'console.sign-in.pending';

/** base64url without padding (RFC 4648 §5), as PKCE and JWTs use it. */
export function base64url(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random value of the given number of bytes, base64url: 32 bytes make a 43-character code verifier. */
export function randomToken(byteCount = 32) {
  return base64url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

/** The S256 code challenge: base64url(SHA-256(verifier)). */
export async function codeChallenge(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** The sign-in settings the stack wrote, or null where there are none (the local run signs in by role instead). */
export async function signInConfig(fetchImpl = fetch) {
  try {
    const response = await fetchImpl('config.json', { cache: 'no-store' });
    if (!response.ok) return null;
    const config = await response.json();
    return config?.authorizationEndpoint && config.tokenEndpoint && config.clientId ? config : null;
  } catch {
    return null;
  }
}

/**
 * Starts a sign-in: keeps a fresh verifier and state in the tab's storage and answers the identity provider's
 * authorization address to go to.
 */
export async function beginSignIn(config, storage = sessionStorage) {
  const verifier = randomToken();
  const state = randomToken(16);
  storage.setItem(PENDING_KEY, JSON.stringify({ verifier, state }));
  const url = new URL(config.authorizationEndpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: config.scope,
    state,
    code_challenge: await codeChallenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

/** The answer the identity provider sent back in the address's query, if this page load carries one. */
export function callbackParameters(search) {
  const query = new URLSearchParams(search);
  if (!query.has('state') || !(query.has('code') || query.has('error'))) return null;
  return { code: query.get('code'), state: query.get('state'), error: query.get('error') };
}

/**
 * Finishes a sign-in: checks the returned state against the one this tab sent (a mismatch is a forged or stale
 * answer and is refused), then exchanges the code and the verifier for tokens. Answers the console's session.
 */
export async function completeSignIn(config, callback, storage = sessionStorage, fetchImpl = fetch) {
  const pending = JSON.parse(storage.getItem(PENDING_KEY) ?? 'null');
  storage.removeItem(PENDING_KEY); // one use, whatever the outcome
  if (!pending || callback.state !== pending.state) throw new Error('state');
  if (callback.error || !callback.code) throw new Error(callback.error || 'code');
  const response = await fetchImpl(config.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code: callback.code,
      redirect_uri: config.redirectUri,
      code_verifier: pending.verifier,
    }).toString(),
  });
  if (!response.ok) throw new Error(`token ${response.status}`);
  const tokens = await response.json();
  return sessionFromIdToken(tokens.id_token);
}

/**
 * The console's session from an ID token: the token itself (the API verifies it; its audience is the console's
 * client) and, for display and menus only, the name, role (the first of the user's groups) and department.
 */
export function sessionFromIdToken(idToken) {
  const payload = idToken.split('.')[1];
  const json = new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
  const claims = JSON.parse(json);
  const groups = claims['cognito:groups'] ?? claims.groups ?? [];
  return {
    token: idToken,
    name: claims['cognito:username'] ?? claims.preferred_username ?? claims.sub,
    role: Array.isArray(groups) ? groups[0] : groups,
    department: claims['custom:dept'] ?? claims.dept,
  };
}

/** The identity provider's sign-out address, which ends its session too and comes back to the console. */
export function signOutUrl(config) {
  const url = new URL(config.logoutEndpoint);
  url.search = new URLSearchParams({ client_id: config.clientId, logout_uri: config.redirectUri }).toString();
  return url.toString();
}
