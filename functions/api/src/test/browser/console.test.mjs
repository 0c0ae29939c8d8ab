// The staff console in headless Chromium against the real local stack: sign-in, the queue, working a case from SUBMITTED
// to RESOLVED, a refusal in words, the stale-version prompt; axe-core, keyboard reach and 200% zoom on every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startStack, startBrowser, axe, blocking, unreachableByKeyboard, overflowsHorizontally, screenshot, screenshotOf, SCREENSHOTS }
  from './stack.mjs';

const DEPARTMENT = 'HRSS_BUREAU';
const COPIED = 'HOUSING_FUND_CENTER';
let stack;
let browser;
let page;
/** Console messages of content the page's Content-Security-Policy blocked, and uncaught script errors. */
const pageProblems = [];

/** Every feedback the tests submitted, so the dashboard's figures can be checked against what the API says of each. */
const submittedIds = [];

async function submit(text) {
  const { status, body } = await stack.post('feedback/submit', stack.token('citizen', `citizen-${Math.random()}`), {
    clientRequestId: `console-${Date.now()}-${Math.random()}`, text, channel: 'APP',
    context: { screenPath: '/social-security/card', appVersion: '5.3.1', os: 'Android', regionCode: '440305' },
  });
  assert.equal(status, 200, JSON.stringify(body));
  submittedIds.push(body.id);
  return body;
}

/** Every page must pass axe (no serious or critical WCAG 2.1 AA violation), be reachable by Tab, and fit at 200% zoom. */
async function checkPage(on, name) {
  await screenshot(on, name);
  assert.deepEqual(pageProblems, [], `${name}: blocked by the Content-Security-Policy, or a script error`);
  const violations = await axe(on, name);
  assert.deepEqual(blocking(violations), [], `${name}: axe found serious or critical WCAG 2.1 AA violations`);
  assert.deepEqual(await unreachableByKeyboard(on), [], `${name}: controls Tab never reaches`);
  const size = on.viewportSize();
  // 200% zoom halves the CSS pixels across the same screen: 1280 wide becomes 640
  await on.setViewportSize({ width: size.width / 2, height: size.height / 2 });
  // let the page lay itself out again (charts resize on the next frames)
  await on.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  try {
    assert.equal(await overflowsHorizontally(on), false, `${name}: content runs off the right edge at 200% zoom`);
    await screenshot(on, `${name}-zoom-200`);
  } finally {
    await on.setViewportSize(size);
  }
}

/** A console page in a browser context of its own (a colleague signed in beside the main page), its script errors reported too. */
async function colleaguePage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const other = await context.newPage();
  other.setDefaultTimeout(15_000);
  other.on('pageerror', (error) => pageProblems.push(String(error)));
  return other;
}

/** Signs in on {@code on} through the local sign-in form, signing out first when someone is signed in. */
async function signIn(on, roleWord, department, name) {
  await on.goto(`${stack.base}/console/#/sign-in`);
  await on.getByRole('heading', { name: /登录工作台|工作队列|改进看板/ }).first().waitFor();
  if (await on.getByRole('button', { name: '退出登录' }).count()) await on.getByRole('button', { name: '退出登录' }).click();
  await on.getByRole('radio', { name: roleWord }).check();
  if (department) await on.getByLabel('部门').selectOption(department);
  await on.getByLabel('姓名（登录名）').fill(name);
  await on.getByRole('button', { name: '登录' }).click();
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
  await checkPage(page, 'sign-in');
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
  await checkPage(page, 'queue');

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
  await checkPage(page, 'case');

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

test('a copied department finds the case in its copy queue, reads it and may reply with an internal note; others get nothing', async () => {
  // triage leads this with HRSS_BUREAU and copies HOUSING_FUND_CENTER
  const copied = await submit('公积金提取需要社保缴费证明，社保局系统查不到');
  assert.equal(copied.triage.department, DEPARTMENT);
  assert.deepEqual(copied.triage.copiedDepartments, [COPIED], 'pick another text if the model changed');
  const notCopied = await stack.post('queue/copies', stack.token('staff', 'tax', 'TAX_BUREAU'), {});
  assert.equal(notCopied.status, 200);
  assert.equal(notCopied.body.items.some((item) => item.id === copied.id), false, 'a department that was not copied gets nothing');

  const colleague = await colleaguePage();
  try {
    await signIn(colleague, '工作人员', COPIED, 'chen');
    await colleague.getByRole('button', { name: '抄送队列' }).click();
    await colleague.getByRole('heading', { name: '抄送队列 · 市住房公积金管理中心' }).waitFor();
    const card = colleague.locator('article.card', { hasText: copied.trackingNo });
    await card.getByText('主办部门：市人力资源和社会保障局').waitFor();
    await card.locator('.chip-yellow, .chip-orange, .chip-red, .chip-blue').waitFor();
    assert.match(await card.locator('.countdown').textContent(), /^(剩余|已超时) /);
    await checkPage(colleague, 'copy-queue');

    await card.getByRole('link').click();
    await colleague.getByText('抄送件：由市人力资源和社会保障局主办，本部门协办，只读查看。').waitFor();
    await colleague.getByRole('heading', { name: '协办操作' }).waitFor();
    assert.equal(await colleague.getByRole('heading', { name: '受理', exact: true }).count(), 0, 'the lead department acknowledges');
    assert.equal(await colleague.getByRole('heading', { name: '变更状态', exact: true }).count(), 0);
    await checkPage(colleague, 'case-copy');
    const reply = colleague.locator('form.action', { has: colleague.getByRole('heading', { name: '回复群众', exact: true }) });
    await reply.getByLabel('回复内容（群众可见）').fill('公积金提取部分由我中心核实');
    await reply.getByLabel('内部备注（仅工作人员可见）').fill('请主办部门同步社保缴费记录');
    await reply.getByRole('button', { name: '回复群众' }).click();
    await colleague.getByRole('status').filter({ hasText: '已回复群众' }).waitFor();
    await colleague.getByText('内部备注：请主办部门同步社保缴费记录').waitFor();
    const stored = await stack.post('feedback/get', stack.token('staff', 'auditor', DEPARTMENT), { id: copied.id });
    assert.equal(stored.body.progress.history.at(-1).internalNote, '请主办部门同步社保缴费记录');
  } finally {
    await colleague.context().close();
  }
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
  await checkPage(page, 'review-queue');

  await page.locator('article.card', { hasText: unsure.trackingNo }).getByRole('link').click();
  await action('复核分拣', { 颜色: 'YELLOW', 主办部门: 'BIG_DATA_BUREAU', 复核说明: '确认' });
  await page.getByRole('status').filter({ hasText: '已复核分拣' }).waitFor();
  await page.locator('.chip-yellow').waitFor();
});

test('the improvements board shows the 需求池 by tracker status with priority chips; the lead department\'s supervisor moves a card, '
  + 'sees a refusal in words and a stale-version prompt; staff see no move controls; the office sees the whole city', async () => {
  const office = stack.token('optimisation-office', 'zhou');
  async function improvement(title, text, leadDepartment) {
    const feedback = await submit(text);
    const created = await stack.post('improvement/create', office, { clientRequestId: `board-${Date.now()}-${submittedIds.length}`, title,
      problem: title, feedbackIds: [feedback.id], leadDepartment });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const graded = await stack.post('improvement/grade', office, { id: created.body.tracker.id, urgency: 5, effort: 'S', version: created.body.version });
    assert.equal(graded.status, 200, JSON.stringify(graded.body));
    return graded.body;
  }
  const card = await improvement('电子社保卡页面闪退', '电子社保卡页面打开就闪退，每次都这样', DEPARTMENT);
  await improvement('个税申报入口难找', '个税APP里申报入口藏得太深了，找了半天', 'TAX_BUREAU');

  // the main page is the HRSS_BUREAU supervisor's (signed in by the triage queue's test)
  await page.getByRole('link', { name: '改进看板' }).click();
  await page.getByRole('heading', { name: '改进看板 · 市人力资源和社会保障局' }).waitFor();
  const column = (label) => page.locator('section.board-column', { has: page.getByRole('heading', { name: new RegExp(`^${label}（`) }) });
  const tile = (title) => page.locator('article.improvement', { hasText: title });
  await column('待审核').locator('article.improvement', { hasText: '电子社保卡页面闪退' }).waitFor();
  assert.equal(await tile('个税申报入口难找').count(), 0, 'a supervisor\'s board holds their department\'s improvements');
  assert.equal(await tile('电子社保卡页面闪退').locator('.chip-priority').textContent(), card.priority.level);
  assert.equal(await page.locator('section.board-column').count(), 8, 'a column per tracker status');
  await checkPage(page, 'improvements');

  async function moveTo(title, to, fields = {}) {
    const form = tile(title).locator('form.move');
    await form.getByLabel('移动到').selectOption(to);
    for (const [label, value] of Object.entries(fields)) await form.getByLabel(label).fill(value);
    await form.getByRole('button', { name: '移动' }).click();
  }
  await moveTo('电子社保卡页面闪退', 'ACCEPTED', { '目标版本或季度（可选）': '5.10.0' });
  await page.getByRole('status').filter({ hasText: '已将「电子社保卡页面闪退」移至「已采纳」' }).waitFor();
  await column('已采纳').locator('article.improvement', { hasText: '电子社保卡页面闪退' }).waitFor();
  const accepted = await stack.post('improvement/get', office, { id: card.tracker.id });
  assert.equal(accepted.body.tracker.status, 'ACCEPTED');
  assert.equal(accepted.body.tracker.target, '5.10.0');

  await moveTo('电子社保卡页面闪退', 'DUPLICATE_OF', { 重复的改进编号: card.tracker.id });
  await page.getByRole('alert').filter({ hasText: '移动未成功：填写有误，未执行：重复的改进编号' }).waitFor();
  await screenshot(page, 'improvements-refusal');

  // the office moves it meanwhile: what the page shows is a version behind
  const behind = await stack.post('improvement/move', office, { id: card.tracker.id, to: 'IN_DEVELOPMENT', version: accepted.body.version });
  assert.equal(behind.status, 200, JSON.stringify(behind.body));
  await moveTo('电子社保卡页面闪退', 'LONG_TERM');
  const prompt = page.getByRole('alert').filter({ hasText: '已被他人更新' });
  await prompt.waitFor();
  await screenshot(page, 'improvements-stale');
  assert.equal((await stack.post('improvement/get', office, { id: card.tracker.id })).body.version, behind.body.version,
    'nothing was written on the stale version');
  await prompt.getByRole('button', { name: '重新加载' }).click();
  await column('开发中').locator('article.improvement', { hasText: '电子社保卡页面闪退' }).waitFor();
  assert.equal(await prompt.count(), 0);

  const other = await colleaguePage();
  try {
    await signIn(other, '工作人员', DEPARTMENT, 'liu');
    await other.getByRole('link', { name: '改进看板' }).click();
    await other.locator('article.improvement', { hasText: '电子社保卡页面闪退' }).waitFor();
    assert.equal(await other.locator('form.move').count(), 0, 'staff propose and link; moves are for those who manage');

    await signIn(other, '优化办', null, 'zhou');
    await other.getByRole('heading', { name: '改进看板 · 全市' }).waitFor();
    assert.equal(await other.getByRole('link', { name: '工作队列' }).count(), 0, 'the office works no case queue');
    await other.locator('article.improvement', { hasText: '个税申报入口难找' }).locator('form.move').waitFor();
    await other.locator('article.improvement', { hasText: '电子社保卡页面闪退' }).locator('form.move').waitFor();
    await checkPage(other, 'improvements-office');
  } finally {
    await other.context().close();
  }
});

test('the leaders\' dashboard shows the aggregates the API answers, as charts and tables, with CSV export', async () => {
  // near-duplicates: the first names a cluster, the three after it join it; with the day's other reports of the domain, a spike
  const hot = [];
  for (let i = 0; i < 4; i++) hot.push(await submit(`社保卡申领页面上传照片一直失败，提示系统繁忙${'！'.repeat(i)}`));
  assert.deepEqual(hot.slice(1).map((f) => f.similar.clusterId), [hot[0].id, hot[0].id, hot[0].id], 'pick another text if similarity changed');
  assert.match(stack.rebuildInsights(), /aggregate items written: [1-9]/);
  const supervisor = stack.token('supervisor', 'zhao', DEPARTMENT);
  const { body } = await stack.post('insights/dashboard', supervisor, {});
  const received = (department) => body.counts.filter((c) => c.department === department)
    .reduce((sum, c) => sum + Object.entries(c.counters).filter(([k]) => k.startsWith('n.')).reduce((a, [, v]) => a + v, 0), 0);
  const stored = await Promise.all(submittedIds.map((id) => stack.post('feedback/get', supervisor, { id })));
  assert.equal(received(DEPARTMENT), stored.filter((f) => f.body.triage.department === DEPARTMENT).length,
    'every feedback the tests sent this department, counted once');

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

  // hot issues: the cluster the API counts most reports for, named by its first feedback
  const reports = {};
  for (const cell of body.clusters) for (const [counter, n] of Object.entries(cell.counters)) reports[counter.slice(2)] = (reports[counter.slice(2)] ?? 0) + n;
  assert.equal(reports[hot[0].id], 3);
  const label = body.clusterLabels.find((l) => l.clusterId === hot[0].id);
  const lists = (await (await fetch(`${stack.base}/reference/lists`, { method: 'POST' })).json());
  const domainName = Object.fromEntries(lists.domains.map((d) => [d.code, d.name]));
  assert.deepEqual(await page.locator('#clusters-table tbody tr').first().locator('th, td').allTextContents(),
    ['1', hot[0].trackingNo, label.excerpt, domainName[label.domain], '3', String(label.members)]);
  // spikes: each domain's day against the mean of the 7 days before it, from the API's daily volumes
  const volume = (domain, day) => body.domains.find((c) => c.domain === domain && c.day === day)?.counters.fb ?? 0;
  const dayBefore = (day, n) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86400000).toISOString().slice(0, 10);
  const expected = [];
  for (let day = body.from; day <= body.to; day = dayBefore(day, -1)) {
    for (const domain of [...new Set(body.domains.map((c) => c.domain))].sort()) {
      let week = 0;
      for (let n = 1; n <= 7; n++) week += volume(domain, dayBefore(day, n));
      if (volume(domain, day) > 3 * Math.max(week / 7, 1)) expected.push([day, domainName[domain], String(volume(domain, day))]);
    }
  }
  assert.ok(expected.length > 0, 'the day\'s reports of the hot domain are a spike');
  const spikeRows = await page.locator('#spikes-table tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].slice(0, 3).map((c) => c.textContent)));
  assert.deepEqual(spikeRows, expected);
  const [spikeCsv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 CSV：业务领域突增/ }).click()]);
  assert.match(spikeCsv.suggestedFilename(), /^spikes-.*\.csv$/);
  await screenshotOf(page.locator('section.panel', { has: page.locator('#clusters-title') }), 'dashboard-clusters');
  await screenshotOf(page.locator('section.panel', { has: page.locator('#spikes-title') }), 'dashboard-spikes');
  await checkPage(page, 'dashboard');

  // the department filter narrows every chart to that department, from the same answer
  await page.getByLabel('部门', { exact: true }).selectOption(DEPARTMENT);
  await page.getByRole('status').filter({ hasText: /^市人力资源和社会保障局，/ }).waitFor();
  assert.deepEqual(await page.locator('#departments-table tbody th').allTextContents(), ['市人力资源和社会保障局']);
  await checkPage(page, 'dashboard-department');
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
  await checkPage(page, 'bulletin');

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
