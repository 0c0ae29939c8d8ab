// `make run` (scripts/start-local.sh) serves this machine only: the API and the store listen on 127.0.0.1, never on every
// interface. Read from the kernel's socket tables (/proc/net/tcp, tcp6) while the real script runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, freePort } from './stack.mjs';

const LISTEN = '0A';
const LOOPBACK = new Set(['0100007F', '00000000000000000000000001000000', '0000000000000000FFFF00000100007F']);

/** The local addresses (hex, as the kernel writes them) of the sockets listening on {@code port}. */
function listeningAddresses(port) {
  const wanted = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].filter(existsSync).flatMap((table) => readFileSync(table, 'utf8').trim().split('\n').slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter(([, local, , state]) => state === LISTEN && local.endsWith(`:${wanted}`))
    .map(([, local]) => local.split(':')[0]));
}

async function waitForFile(file, child, within) {
  const deadline = Date.now() + within;
  while (!existsSync(file)) {
    if (child.exitCode !== null) throw new Error(`start-local.sh exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`start-local.sh was not ready within ${within / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test('make run listens on 127.0.0.1 only, the API and the store', { skip: !existsSync('/proc/net/tcp') && 'no /proc/net/tcp here' }, async () => {
  const work = mkdtempSync(join(tmpdir(), 'local-run-'));
  const apiPort = await freePort();
  const storePort = await freePort();
  const ready = join(work, 'ready');
  const keys = join(work, 'keys');
  mkdirSync(keys);
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  writeFileSync(join(keys, 'public.pem'), publicKey);
  writeFileSync(join(keys, 'private.pem'), privateKey, { mode: 0o600 });
  const script = spawn(join(ROOT, 'scripts/start-local.sh'), [], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, API_PORT: String(apiPort), STORE_PORT: String(storePort), STORE_PATH: '', SWEEP_EVERY: '', READY_FILE: ready,
      NOTIFICATIONS_FILE: join(work, 'notifications.jsonl'), KEY_DIR: keys, API_JAVA_OPTS: '-Xmx256m' },
  });
  const output = [];
  script.stdout.on('data', (d) => output.push(String(d)));
  script.stderr.on('data', (d) => output.push(String(d)));
  try {
    await waitForFile(ready, script, 180_000);
    for (const [what, port] of [['the API', apiPort], ['the store', storePort]]) {
      const addresses = listeningAddresses(port);
      assert.ok(addresses.length > 0, `${what} listens on port ${port}`);
      assert.deepEqual(addresses.filter((a) => !LOOPBACK.has(a)), [], `${what} listens beyond the loopback interface: ${addresses}`);
    }
  } catch (e) {
    throw new Error(`${e.message}\n${output.join('')}`);
  } finally {
    if (script.exitCode === null && script.signalCode === null) {
      await new Promise((resolve) => {
        script.once('exit', resolve);
        script.kill('SIGTERM');
      });
    }
    rmSync(work, { recursive: true, force: true });
  }
});
