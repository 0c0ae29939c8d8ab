// The real local stack for the browser tests: an in-memory dynalite and the local-profile API jar (`make local-api`),
// both on free ports of 127.0.0.1, a fresh signing key pair, and Debian's Chromium driven by playwright-core.
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = new URL('../../../../../', import.meta.url).pathname;
export const SCREENSHOTS = join(ROOT, 'functions/api/target/console-screenshots');
const API_JAR = join(ROOT, 'functions/api/target/local/quarkus-app/quarkus-run.jar');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const READY_WITHIN_MS = 120_000;

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url, process, what) {
  const deadline = Date.now() + READY_WITHIN_MS;
  while (Date.now() < deadline) {
    if (process.exitCode !== null) throw new Error(`${what} exited with ${process.exitCode}`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} was not ready within ${READY_WITHIN_MS / 1000} s`);
}

function stopProcess(child) {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => { clearTimeout(killer); resolve(); });
    child.kill('SIGTERM');
  });
}

/** Starts dynalite and the API; answers { base, token(), post(), rebuildInsights(), stop() }. */
export async function startStack() {
  if (!existsSync(API_JAR)) throw new Error(`${API_JAR} is missing: run make local-api first`);
  const work = mkdtempSync(join(tmpdir(), 'console-test-'));
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  writeFileSync(join(work, 'public.pem'), publicKey);
  writeFileSync(join(work, 'private.pem'), privateKey, { mode: 0o600 });

  const storePort = await freePort();
  const store = spawn(process.execPath, [join(ROOT, 'node_modules/dynalite/cli.js'), '--host', '127.0.0.1', '--port', String(storePort)],
    { stdio: 'ignore' });
  await waitFor(`http://127.0.0.1:${storePort}/`, store, 'dynalite');

  const apiPort = await freePort();
  const javaHome = process.env.JAVA_HOME_21 ?? execFileSync(join(ROOT, 'scripts/find-jdk.sh'), { encoding: 'utf8' }).trim();
  const apiLog = join(work, 'api.log');
  const api = spawn(join(javaHome, 'bin/java'), [
    '-Xmx256m', '-Dquarkus.profile=local', `-Dquarkus.http.host=127.0.0.1`, `-Dquarkus.http.port=${apiPort}`,
    `-Dquarkus.dynamodb.endpoint-override=http://127.0.0.1:${storePort}`,
    `-Dmp.jwt.verify.publickey.location=${join(work, 'public.pem')}`,
    `-Dconsole.dev-sign-in.key-dir=${work}`,
    `-Dfeedback.notifications.local-sink-file=${join(work, 'notifications.jsonl')}`,
    '-jar', API_JAR,
  ], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
  const logLines = [];
  api.stdout.on('data', (d) => logLines.push(String(d)));
  api.stderr.on('data', (d) => logLines.push(String(d)));
  const base = `http://127.0.0.1:${apiPort}`;
  try {
    await waitFor(`${base}/q/health/ready`, api, 'the API');
  } catch (e) {
    await stopProcess(api);
    await stopProcess(store);
    throw new Error(`${e.message}\n${logLines.join('')}`);
  }

  /** A token signed like DevTokenIssuer's, for the calls a test makes beside the browser (a citizen submitting, a colleague). */
  function token(role, subject, department) {
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: 'https://dev.feedback.local', aud: 'feedback-api', sub: subject, upn: subject, groups: [role], iat: now,
      exp: now + 3600, jti: randomUUID(), ...(department ? { dept: department } : {}) };
    const encode = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const input = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(claims)}`;
    return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey, 'base64url')}`;
  }

  /** Calls an operation as the holder of {@code bearer}; answers { status, body }. */
  async function post(operation, bearer, body) {
    const response = await fetch(`${base}/${operation}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bearer}` }, body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }

  /**
   * Rebuilds the dashboard's aggregates from the feedback items (the maintenance command, on the API jar's classpath):
   * until the write path feeds them change by change, this is how the local figures come up to date.
   */
  function rebuildInsights() {
    return execFileSync(join(javaHome, 'bin/java'), ['-Djava.util.logging.manager=org.jboss.logmanager.LogManager', '-cp', `${join(API_JAR, '../lib/boot')}/*:${join(API_JAR, '../lib/main')}/*`,
      'com.govfeedback.insights.InsightRebuild'], {
      env: { ...process.env, DYNAMODB_ENDPOINT: `http://127.0.0.1:${storePort}` }, encoding: 'utf8', timeout: 60_000,
    });
  }

  async function stop() {
    await stopProcess(api);
    await stopProcess(store);
    rmSync(work, { recursive: true, force: true });
  }
  return { base, token, post, rebuildInsights, stop, log: () => logLines.join('') };
}

/** Debian's Chromium, headless, kept off the network beyond the local stack. */
export async function startBrowser() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (.ci/run does)`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM, headless: true, timeout: 60_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe-core in the page against WCAG 2.1 A and AA; writes its report beside the screenshots; answers the violations. */
export async function axe(page, name) {
  // evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern (a script tag it would)
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), WCAG_21_AA);
  const violations = result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  writeFileSync(join(SCREENSHOTS, `${name}.axe.json`), JSON.stringify(violations, null, 2));
  return violations;
}

/** The serious and critical ones, the ones that fail a test. */
export function blocking(violations) {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Presses Tab through the page and answers the focusable controls Tab never reached (a radio group counts once, as the
 * browser gives it one stop).
 */
export async function unreachableByKeyboard(page) {
  const count = await page.evaluate(() => {
    const selector = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled])';
    const seenGroups = new Set();
    let n = 0;
    for (const el of document.querySelectorAll(selector)) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0 && !el.classList.contains('skip')) continue;
      if (el.type === 'radio') {
        if (seenGroups.has(el.name)) continue;
        seenGroups.add(el.name);
      }
      el.dataset.kbd = String(n++);
    }
    document.activeElement?.blur();
    return n;
  });
  const reached = new Set();
  for (let i = 0; i < count + 10; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el) return null;
      if (el.type === 'radio') return document.querySelector(`input[type=radio][name="${el.name}"][data-kbd]`)?.dataset.kbd ?? null;
      return el.dataset.kbd ?? null;
    });
    if (hit !== null) reached.add(hit);
  }
  return page.evaluate((seen) => [...document.querySelectorAll('[data-kbd]')]
    .filter((el) => !seen.includes(el.dataset.kbd)).map((el) => el.outerHTML.slice(0, 120)), [...reached]);
}

/** Whether the page, as it is laid out now, needs a horizontal scroll bar (content lost off the right edge). */
export async function overflowsHorizontally(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A picture of one part of a page (a chart's panel), for the docs. */
export async function screenshotOf(locator, name) {
  await locator.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
