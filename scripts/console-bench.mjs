// Console first render in headless Chromium, for `make bench`: the time from opening the queue page with a signed-in
// session to its cards on screen, against the local stack seeded with one department's open feedback.
import { startStack, startBrowser } from '../functions/api/src/test/browser/stack.mjs';

const SEEDED = 50;
const RUNS = 15;
const DEPARTMENT = 'HRSS_BUREAU';

const stack = await startStack();
let browser;
try {
  for (let i = 0; i < SEEDED; i++) {
    const { status, body } = await stack.post('feedback/submit', stack.token('citizen', `bench-${i}`), {
      clientRequestId: `console-bench-${i}`, text: `社保卡页面第${i}次打开闪退`, channel: 'APP', context: { screenPath: '/social-security/card', appVersion: '5.3.1', os: 'Android', regionCode: '440305' },
    });
    if (status !== 200) throw new Error(`seeding answered ${status}: ${JSON.stringify(body)}`);
  }
  browser = await startBrowser();
  const session = JSON.stringify({ token: stack.token('staff', 'bench', DEPARTMENT), role: 'staff', name: 'bench', department: DEPARTMENT });
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript((value) => sessionStorage.setItem('console.session', value), session);
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`${stack.base}/console/#/queue`);
    await page.locator('article.card').first().waitFor();
    times.push(Date.now() - started);
    await context.close();
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  console.log(`console first render (queue page, ${SEEDED} open feedback, ${RUNS} fresh tabs): p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${times.at(-1)} ms`);
} finally {
  await browser?.close();
  await stack.stop();
}
