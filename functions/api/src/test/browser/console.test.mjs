// The staff console in headless Chromium against the real local stack: sign-in, the queue, working a case from SUBMITTED
// to RESOLVED, a refusal in words, the stale-version prompt; axe-core, keyboard reach and 200% zoom on every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startStack, startBrowser, axe, blocking, unreachableByKeyboard, overflowsHorizontally, screenshot, SCREENSHOTS } from './stack.mjs';

const DEPARTMENT = 'HRSS_BUREAU';
let stack;
let browser;
let page;
/** Console messages of content the page's Content-Security-Policy blocked, and uncaught script errors. */
const pageProblems = [];

async function submit(text) {
  const { status, body } = await stack.post('feedback/submit', stack.token('citizen', `citizen-${Math.random()}`), {
    clientRequestId: `console-${Date.now()}-${Math.random()}`, text, channel: 'APP',
    context: { screenPath: '/social-security/card', appVersion: '5.3.1', os: 'Android', regionCode: '440305' },
  });
  assert.equal(status, 200, JSON.stringify(body));
  return body;
}

/** Every page must pass axe (no serious or critical WCAG 2.1 AA violation), be reachable by Tab, and fit at 200% zoom. */
async function checkPage(name) {
  await screenshot(page, name);
  assert.deepEqual(pageProblems, [], `${name}: blocked by the Content-Security-Policy, or a script error`);
  const violations = await axe(page, name);
  assert.deepEqual(blocking(violations), [], `${name}: axe found serious or critical WCAG 2.1 AA violations`);
  assert.deepEqual(await unreachableByKeyboard(page), [], `${name}: controls Tab never reaches`);
  const size = page.viewportSize();
  // 200% zoom halves the CSS pixels across the same screen: 1280 wide becomes 640
  await page.setViewportSize({ width: size.width / 2, height: size.height / 2 });
  // let the page lay itself out again (charts resize on the next frames)
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  try {
    assert.equal(await overflowsHorizontally(page), false, `${name}: content runs off the right edge at 200% zoom`);
    await screenshot(page, `${name}-zoom-200`);
  } finally {
    await page.setViewportSize(size);
  }
}

async function action(name, fields = {}) {
  const form = page.locator('form.action', { has: page.getByRole('heading', { name, exact: true }) });
  for (const [label, value] of Object.entries(fields)) {
    const field = form.getByLabel(label);
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await form.getByRole('button', { name, exact: true }).click();
}

before(async () => {
  stack = await startStack();
  browser = await startBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  page.setDefaultTimeout(15_000);
  page.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) pageProblems.push(message.text()); });
  page.on('pageerror', (error) => pageProblems.push(String(error)));
});

after(async () => {
  await browser?.close();
  await stack?.stop();
  console.log(`screenshots and axe reports: ${SCREENSHOTS}`);
});

test('a staff member signs in with the keyboard alone', async () => {
  const response = await page.goto(`${stack.base}/console/`);
  assert.match(response.headers()['content-security-policy'], /script-src 'self'; style-src 'self'/);
  await page.getByRole('heading', { name: '登录工作台' }).waitFor();
  await page.getByLabel('部门').selectOption(DEPARTMENT);
  await checkPage('sign-in');
  await page.getByLabel('姓名（登录名）').focus();
  await page.keyboard.type('wang');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: /^工作队列/ }).waitFor();
});

test('a wrong sign-in is refused in words', async () => {
  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto(`${stack.base}/console/#/sign-in`);
  await other.getByLabel('姓名（登录名）').fill('王 小明');
  await other.getByRole('button', { name: '登录' }).click();
  await other.getByRole('alert').filter({ hasText: '填写有误' }).waitFor();
  await context.close();
});

test('the queue shows the department\'s case with its colour chip and a running countdown, and filters it', async () => {
  const feedback = await submit('社保卡页面一直闪退，电话13812345678');
  assert.equal(feedback.triage.department, DEPARTMENT);
  await page.getByRole('button', { name: '刷新' }).click();
  const card = page.locator('article.card', { hasText: feedback.trackingNo });
  await card.waitFor();
  await card.locator('.chip-orange').waitFor();
  const first = await card.locator('.countdown').textContent();
  assert.match(first, /^剩余 /);
  await page.waitForTimeout(1100);
  await checkPage('queue');

  await page.getByLabel('颜色').selectOption('RED');
  await page.getByText('显示 0 条').waitFor();
  await page.getByLabel('颜色').selectOption('');
  await card.waitFor();
  await page.getByLabel('只看已超时').check();
  await page.getByText('显示 0 条').waitFor();
  await page.getByLabel('只看已超时').uncheck();
  await page.getByLabel('承办人').fill('nobody');
  await page.getByText('显示 0 条').waitFor();
  await page.getByLabel('承办人').fill('');
  await card.waitFor();
});

test('a case is worked from SUBMITTED to RESOLVED through the console; a refusal is shown in words', async () => {
  await page.locator('article.card h2 a').first().click();
  await page.getByRole('heading', { name: /^反馈 / }).waitFor();
  const id = (await page.locator('.line span', { hasText: '编号 ' }).textContent()).replace('编号 ', '').trim();
  await page.getByText('138****5678').waitFor();
  assert.equal(await page.getByText('13812345678').count(), 0, 'the unmasked phone number is never shown');
  await page.getByRole('rowheader', { name: '受理时限' }).waitFor();
  await checkPage('case');

  await action('受理', { '公开说明（群众可见）': '已收到，正在核实' });
  await page.getByRole('status').filter({ hasText: '已受理。当前状态：已受理' }).waitFor();
  await action('指派', { 承办人: 'wang', 预计完成日期: '2026-12-31' });
  await page.getByText('承办人：wang，预计 2026-12-31 完成', { exact: true }).waitFor();
  await action('变更状态', { 目标状态: 'IN_PROGRESS', '公开说明（群众可见）': '处理中' });
  await page.getByRole('status').filter({ hasText: '当前状态：处理中' }).waitFor();
  await action('回复群众', { '回复内容（群众可见）': '请更新到5.3.2版本后再试' });
  await page.getByRole('status').filter({ hasText: '已回复群众' }).waitFor();

  await action('合并', { '合并到（原反馈编号）': '01ARZ3NDEKTSV4RRFFQ69G5FAV' });
  await page.getByRole('alert').filter({ hasText: '合并未成功' }).waitFor();
  await screenshot(page, 'case-refusal');

  await action('变更状态', { 目标状态: 'RESOLVED', '公开说明（群众可见）': '已修复' });
  await page.getByRole('status').filter({ hasText: '当前状态：已办结' }).waitFor();
  const stored = await stack.post('feedback/get', stack.token('staff', 'auditor', DEPARTMENT), { id });
  assert.equal(stored.body.status, 'RESOLVED');
  assert.deepEqual(stored.body.progress.history.map((s) => s.to), ['ACCEPTED', 'ACCEPTED', 'IN_PROGRESS', 'IN_PROGRESS', 'RESOLVED']);
  await screenshot(page, 'case-resolved');
});

test('a stale version prompts a reload and never overwrites a colleague\'s change', async () => {
  const feedback = await submit('社保卡挂失页面提交后没有反应');
  await page.goto(`${stack.base}/console/#/case/${feedback.id}`);
  await page.getByRole('heading', { name: `反馈 ${feedback.trackingNo}` }).waitFor();
  const colleague = stack.token('staff', 'li', DEPARTMENT);
  const changed = await stack.post('feedback/acknowledge', colleague, { id: feedback.id, publicNote: '同事已受理', version: feedback.version });
  assert.equal(changed.status, 200);

  await action('回复群众', { '回复内容（群众可见）': '这条回复不能覆盖同事的修改' });
  const prompt = page.getByRole('alert').filter({ hasText: '已被他人更新' });
  await prompt.waitFor();
  await screenshot(page, 'case-stale');
  const afterPrompt = await stack.post('feedback/get', colleague, { id: feedback.id });
  assert.equal(afterPrompt.body.version, changed.body.version, 'nothing was written on the stale version');

  await prompt.getByRole('button', { name: '重新加载' }).click();
  await page.getByText(`第 ${changed.body.version} 版`).waitFor();
  await page.getByText('公开说明：同事已受理').waitFor();
  assert.equal(await prompt.count(), 0);
});

test('a supervisor sees the manual triage queue', async () => {
  const unsure = await submit('建议增加夜间模式');
  assert.equal(unsure.triage.needsReview, true, 'this text needs a review; pick another one if the model changed');
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('radio', { name: '主管' }).check();
  await page.getByLabel('部门').selectOption(DEPARTMENT);
  await page.getByLabel('姓名（登录名）').fill('zhao');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '人工分拣队列' }).click();
  await page.locator('article.card', { hasText: unsure.trackingNo }).waitFor();
  await checkPage('review-queue');

  await page.locator('article.card', { hasText: unsure.trackingNo }).getByRole('link').click();
  await action('复核分拣', { 颜色: 'YELLOW', 主办部门: 'BIG_DATA_BUREAU', 复核说明: '确认' });
  await page.getByRole('status').filter({ hasText: '已复核分拣' }).waitFor();
  await page.locator('.chip-yellow').waitFor();
});

test('the leaders\' dashboard shows the aggregates the API answers, as charts and tables, with CSV export', async () => {
  assert.match(stack.rebuildInsights(), /aggregate items written: [1-9]/);
  const supervisor = stack.token('supervisor', 'zhao', DEPARTMENT);
  const { body } = await stack.post('insights/dashboard', supervisor, {});
  const received = (department) => body.counts.filter((c) => c.department === department)
    .reduce((sum, c) => sum + Object.entries(c.counters).filter(([k]) => k.startsWith('n.')).reduce((a, [, v]) => a + v, 0), 0);
  assert.equal(received(DEPARTMENT), 2, 'the two feedback the console worked for this department');

  await page.getByRole('link', { name: '领导驾驶舱' }).click();
  await page.getByRole('heading', { name: '领导驾驶舱' }).waitFor();
  const row = page.locator('#departments-table tbody tr', { hasText: '市人力资源和社会保障局' });
  await row.waitFor();
  assert.equal(await row.locator('td').first().textContent(), String(received(DEPARTMENT)));
  await page.locator('#backlog-table tbody tr', { hasText: '已受理' }).waitFor();
  await page.locator('.chart canvas').first().waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 CSV：部门排名/ }).click()]);
  assert.match(download.suggestedFilename(), /^departments-.*\.csv$/);
  await page.locator('#percentiles-table tbody tr', { hasText: '办结用时' }).waitFor();
  // the city-wide overdue list shows what queue/overdue answers (nothing is overdue yet in a fresh stack)
  const overdue = (await stack.post('queue/overdue', supervisor, {})).body.items;
  await page.locator('#overdue-table tbody tr', { hasText: overdue.length ? overdue[0].trackingNo : '暂无超时案件' }).waitFor();
  assert.equal(await page.locator('#overdue-table tbody tr').count(), Math.max(overdue.length, 1));
  await checkPage('dashboard');

  // the department filter narrows every chart to that department, from the same answer
  await page.getByLabel('部门', { exact: true }).selectOption(DEPARTMENT);
  await page.getByRole('status').filter({ hasText: /^市人力资源和社会保障局，/ }).waitFor();
  assert.deepEqual(await page.locator('#departments-table tbody th').allTextContents(), ['市人力资源和社会保障局']);
  await checkPage('dashboard-department');
});

test('the monthly bulletin (月度通报) states the month\'s figures from the same aggregates and prints without controls', async () => {
  const supervisor = stack.token('supervisor', 'zhao', DEPARTMENT);
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 7);
  const [year, number] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  const { body } = await stack.post('insights/dashboard', supervisor, { from: `${month}-01`, to: `${month}-${last}` });
  const received = body.counts.reduce((sum, c) => sum + Object.entries(c.counters).filter(([k]) => k.startsWith('n.')).reduce((a, [, v]) => a + v, 0), 0);

  await page.getByRole('link', { name: '月度通报' }).click();
  await page.getByRole('textbox', { name: '月份' }).fill(month);
  await page.getByRole('button', { name: '生成' }).click();
  await page.getByRole('heading', { name: `${year}年${number}月政务服务反馈月度通报` }).waitFor();
  await page.locator('.headline', { hasText: `本月共受理群众反馈${received}件` }).waitFor();
  await page.locator('#bulletin-table-0 tbody tr', { hasText: '市人力资源和社会保障局' }).waitFor();
  await checkPage('bulletin');

  await page.emulateMedia({ media: 'print' });
  try {
    assert.equal(await page.locator('.banner').isVisible(), false, 'the banner and navigation are not printed');
    assert.equal(await page.getByRole('button', { name: '打印' }).isVisible(), false, 'nor are the controls');
    await screenshot(page, 'bulletin-print');
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
});

test('an admin, who belongs to no department, sees the first department\'s queue and can switch', async () => {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('radio', { name: '管理员' }).check();
  assert.equal(await page.getByLabel('部门').count(), 0, 'an admin picks no department');
  await page.getByLabel('姓名（登录名）').fill('admin1');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText(/^显示 \d+ 条/).waitFor();
  assert.equal(await page.getByRole('alert').count(), 0);
  await page.getByLabel('部门').selectOption(DEPARTMENT);
  await page.getByRole('heading', { name: '工作队列 · 市人力资源和社会保障局' }).waitFor();
  await page.locator('article.card').first().waitFor();
});

test('in the cloud a staff member signs in at the identity provider with the code flow and PKCE, and signs out there', async () => {
  // a stand-in identity provider at the console's origin (the local CSP allows only 'self'), routed inside the browser
  const idp = `${stack.base}/test-idp`;
  const config = {
    authorizationEndpoint: `${idp}/authorize`, tokenEndpoint: `${idp}/token`, logoutEndpoint: `${idp}/logout`,
    clientId: 'console-client', redirectUri: `${stack.base}/console/`, scope: 'openid profile email',
  };
  const idToken = stack.token('staff', 'li', DEPARTMENT);
  let authorization;
  let exchange;
  const cloud = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  cloud.on('pageerror', (error) => pageProblems.push(String(error)));
  try {
    await cloud.route(`${stack.base}/console/config.json`, (route) => route.fulfill({ json: config }));
    await cloud.route(`${idp}/authorize?*`, (route) => {
      authorization = new URL(route.request().url()).searchParams;
      const back = new URL(config.redirectUri);
      back.search = new URLSearchParams({ code: 'the-code', state: authorization.get('state') }).toString();
      return route.fulfill({ status: 302, headers: { Location: back.toString() } });
    });
    await cloud.route(`${idp}/token`, (route) => {
      exchange = new URLSearchParams(route.request().postData());
      return route.fulfill({ json: { id_token: idToken, access_token: 'unused', token_type: 'Bearer', expires_in: 3600 } });
    });
    await cloud.route(`${idp}/logout?*`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>signed out</title>' }));

    await cloud.goto(`${stack.base}/console/`);
    const signIn = cloud.getByRole('button', { name: '通过统一身份认证登录' });
    await signIn.waitFor();
    await screenshot(cloud, 'hosted-sign-in');
    assert.deepEqual(blocking(await axe(cloud, 'hosted-sign-in')), [], 'hosted sign-in: axe violations');
    assert.deepEqual(await unreachableByKeyboard(cloud), [], 'hosted sign-in: controls Tab never reaches');
    await signIn.click();
    await cloud.getByRole('heading', { name: '工作队列' }).waitFor();
    assert.equal(authorization.get('code_challenge_method'), 'S256');
    assert.equal(exchange.get('code'), 'the-code');
    const challenge = createHash('sha256').update(exchange.get('code_verifier')).digest('base64url');
    assert.equal(authorization.get('code_challenge'), challenge, 'the verifier sent is the one the challenge was made from');
    assert.equal(new URL(cloud.url()).search, '', 'the spent code and state leave the address bar');
    await cloud.getByText('li（工作人员').waitFor();

    await cloud.getByRole('button', { name: '退出登录' }).click();
    await cloud.waitForURL(`${idp}/logout?*`);
    assert.equal(new URL(cloud.url()).searchParams.get('logout_uri'), config.redirectUri);
  } finally {
    await cloud.close();
  }
});
