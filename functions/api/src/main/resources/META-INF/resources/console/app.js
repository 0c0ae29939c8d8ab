// The staff console: sign-in, the work queue and the case page, as one page routed by the address's #fragment.
import { html, render, useState, useEffect, useRef } from './vendor/preact-htm.js';
import { call, session, keepSession, Refusal } from './api.js';
import { signInConfig, beginSignIn, callbackParameters, completeSignIn, signOutUrl } from './oidc.js';
import { beijingTime, countdown, clockState, COLOUR_WORDS, isOverdue, refusalInWords } from './format.js';
import { summarise, forDepartment, backlogChart, complianceChart, durationChart, percentileChart, satisfactionChart, departmentChart, clusterChart,
  spikeChart, toCsv, bulletin, monthRange } from './charts.js';

const ROLE_WORDS = { staff: '工作人员', supervisor: '主管', admin: '管理员', 'optimisation-office': '优化办' };
/** Staff and supervisors work for one department; admins and the optimisation office act city-wide. */
const WITH_DEPARTMENT = new Set(['staff', 'supervisor']);

// In the cloud the stack writes config.json and staff sign in at the identity provider; locally there is none.
const hostedSignIn = await signInConfig();
let hostedSignInProblem = '';
const signInAnswer = hostedSignIn && callbackParameters(location.search);
if (signInAnswer) {
  try {
    keepSession(await completeSignIn(hostedSignIn, signInAnswer));
    location.hash = '/queue';
  } catch {
    hostedSignInProblem = '统一身份认证登录未完成，请重新登录。';
  }
  // the code and state are spent: keep them out of the address bar and the history
  history.replaceState(null, '', location.pathname + location.hash);
}

// ---- shared state and hooks ------------------------------------------------------------------------------------------

let listsPromise;
/** The code lists (colours, types, domains, departments, statuses), read once per page load. */
function loadLists() {
  listsPromise ??= call('reference/lists').then((lists) => {
    const byCode = (entries) => Object.fromEntries(entries.map((e) => [e.code, e]));
    return {
      ...lists,
      colour: byCode(lists.colours), type: byCode(lists.types), domain: byCode(lists.domains),
      department: byCode(lists.departments), status: byCode(lists.statuses), improvementStatus: byCode(lists.improvementStatuses),
      statusNames: Object.fromEntries(lists.statuses.map((s) => [s.code, s.name])),
    };
  });
  return listsPromise;
}

function useLists() {
  const [lists, setLists] = useState(null);
  useEffect(() => { loadLists().then(setLists, () => setLists(null)); }, []);
  return lists;
}

/** The current time, re-read every second so countdowns run. */
function useNow() {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function parseRoute(hash) {
  const [, page = '', id] = (hash || '').replace(/^#/, '').split('/');
  return { page, id: id && decodeURIComponent(id) };
}

function go(path) {
  location.hash = path;
}

function signOut() {
  keepSession(null);
  if (hostedSignIn) location.assign(signOutUrl(hostedSignIn));
  else go('/sign-in');
}

/** Moves keyboard and screen-reader focus to the page's heading when the page changes. */
function useFocusHeading(key) {
  const heading = useRef(null);
  useEffect(() => { heading.current?.focus(); }, [key]);
  return heading;
}

function departmentName(lists, code) {
  return (code && lists?.department[code]?.name) || code || '—';
}

// ---- small pieces ----------------------------------------------------------------------------------------------------

function ColourChip({ colour, lists }) {
  if (!colour) return null;
  return html`<span class=${`chip chip-${colour.toLowerCase()}`}>${COLOUR_WORDS[colour] ?? colour}${lists?.colour[colour] ? ` · ${lists.colour[colour].name}` : ''}</span>`;
}

function Countdown({ dueAt, now }) {
  const left = countdown(dueAt, now);
  return html`<span class=${`countdown countdown-${left.level}`}>${left.text}</span>`;
}

function Field({ id, label, children, hint }) {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${hint ? html`<span class="hint" id=${`${id}-hint`}>${hint}</span>` : null}
    ${children}
  </div>`;
}

// ---- sign-in ---------------------------------------------------------------------------------------------------------

function HostedSignIn() {
  const heading = useFocusHeading('sign-in');
  return html`<section class="sign-in" aria-labelledby="sign-in-title">
    <h1 id="sign-in-title" tabindex="-1" ref=${heading}>登录工作台</h1>
    <p>工作人员通过统一身份认证登录，登录后回到本页。</p>
    <button type="button" class="primary" onClick=${async () => location.assign(await beginSignIn(hostedSignIn))}>通过统一身份认证登录</button>
    ${hostedSignInProblem ? html`<p class="error" role="alert">${hostedSignInProblem}</p>` : null}
  </section>`;
}

function SignIn() {
  if (hostedSignIn) return html`<${HostedSignIn} />`;
  const lists = useLists();
  const [role, setRole] = useState('staff');
  const [error, setError] = useState('');
  const heading = useFocusHeading('sign-in');

  async function submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const body = { role, name: form.get('name')?.trim(), department: WITH_DEPARTMENT.has(role) ? form.get('department') : undefined };
    try {
      keepSession(null);
      const signedIn = await call('dev/sign-in', body);
      keepSession(signedIn);
      go(`/${home(signedIn)}`);
    } catch (refusal) {
      setError(refusal instanceof Refusal && refusal.status === 404
        ? '本机未开启开发登录。请通过统一身份认证登录。'
        : refusalInWords(refusal.status, refusal.problem));
    }
  }

  return html`<section class="sign-in" aria-labelledby="sign-in-title">
    <h1 id="sign-in-title" tabindex="-1" ref=${heading}>登录工作台</h1>
    <p>本地运行时由本机签发开发令牌；正式环境通过统一身份认证登录。</p>
    <form onSubmit=${submit}>
      <fieldset>
        <legend>角色</legend>
        ${Object.entries(ROLE_WORDS).map(([code, word]) => html`<label class="choice">
          <input type="radio" name="role" value=${code} checked=${role === code} onChange=${() => setRole(code)} /> ${word}
        </label>`)}
      </fieldset>
      ${WITH_DEPARTMENT.has(role) ? html`<${Field} id="sign-in-department" label="部门">
        <select id="sign-in-department" name="department" required>
          ${(lists?.departments ?? []).map((d) => html`<option value=${d.code}>${d.name}</option>`)}
        </select>
      <//>` : null}
      <${Field} id="sign-in-name" label="姓名（登录名）" hint="字母、数字或汉字，最多32个字">
        <input id="sign-in-name" name="name" required maxlength="32" autocomplete="username" aria-describedby="sign-in-name-hint" />
      <//>
      <button type="submit" class="primary">登录</button>
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    </form>
  </section>`;
}

// ---- the work queue --------------------------------------------------------------------------------------------------

const QUEUE_KINDS = { department: '部门队列', copies: '抄送队列', review: '人工分拣队列' };

/**
 * The work queues: the department's (queue/list), its copy queue (queue/copies: cases it is copied on, led by another
 * department) and, for supervisors and admins, the manual triage queue. {@code kind} comes from the address (#/queue/copies).
 */
function Queue({ me, kind: asked }) {
  const lists = useLists();
  const now = useNow();
  const mayReview = me.role !== 'staff';
  const kind = QUEUE_KINDS[asked] && (asked !== 'review' || mayReview) ? asked : 'department';
  const [filters, setFilters] = useState({ status: '', colour: '', department: me.department ?? '', assignee: '', overdue: false });
  const [page, setPage] = useState({ items: [], nextCursor: null, loading: true, error: '' });
  const heading = useFocusHeading(`queue-${kind}`);

  async function load(cursor) {
    // the copy queue is filtered by status and colour here, on the loaded pages; a work queue by the API
    const request = kind === 'copies' ? { limit: 50, cursor }
      : { review: kind === 'review' || undefined, status: filters.status || undefined, colour: filters.colour || undefined, limit: 50, cursor };
    if (kind !== 'review' && me.role !== 'staff') request.department = filters.department || undefined;
    setPage((p) => ({ ...p, loading: true, error: '' }));
    try {
      const answer = await call(kind === 'copies' ? 'queue/copies' : 'queue/list', request);
      setPage((p) => ({ items: cursor ? [...p.items, ...answer.items] : answer.items, nextCursor: answer.nextCursor, loading: false, error: '' }));
    } catch (refusal) {
      if (refusal.status === 401) return signOut();
      setPage({ items: [], nextCursor: null, loading: false, error: refusalInWords(refusal.status, refusal.problem, lists?.statusNames) });
    }
  }

  // an admin belongs to no department: the first one is shown until another is picked
  useEffect(() => {
    if (!filters.department && lists?.departments.length) setFilters((f) => ({ ...f, department: lists.departments[0].code }));
  }, [lists]);
  useEffect(() => {
    if (kind === 'review' || filters.department) load();
  }, [kind, kind === 'copies' ? '' : filters.status, kind === 'copies' ? '' : filters.colour, filters.department]);

  const set = (name) => (event) => setFilters({ ...filters, [name]: event.target.type === 'checkbox' ? event.target.checked : event.target.value });
  const shown = page.items.filter((item) => (!filters.assignee || (item.progress?.assignee ?? '').includes(filters.assignee.trim()))
    && (!filters.overdue || isOverdue(item, now))
    && (kind !== 'copies' || ((!filters.status || item.status === filters.status) && (!filters.colour || item.sla?.colour === filters.colour))));
  const title = kind === 'review' ? '人工分拣队列' : `${kind === 'copies' ? '抄送队列' : '工作队列'} · ${departmentName(lists, filters.department)}`;

  return html`<section aria-labelledby="queue-title">
    <h1 id="queue-title" tabindex="-1" ref=${heading}>${title}</h1>
    <div class="tabs" role="group" aria-label="选择队列">
      ${Object.entries(QUEUE_KINDS).filter(([code]) => code !== 'review' || mayReview).map(([code, word]) => html`
        <button type="button" aria-pressed=${kind === code} onClick=${() => go(`/queue/${code}`)}>${word}</button>`)}
    </div>
    ${kind === 'copies' ? html`<p class="hint">其他部门主办、抄送本部门协办的反馈，按主办时限排序；只读查看，可回复群众并附内部备注，由主办部门办理。</p>` : null}
    <form class="filters" aria-label="筛选" onSubmit=${(e) => { e.preventDefault(); load(); }}>
      ${mayReview && kind !== 'review' ? html`<${Field} id="filter-department" label="部门">
        <select id="filter-department" value=${filters.department} onChange=${set('department')}>
          ${(lists?.departments ?? []).map((d) => html`<option value=${d.code}>${d.name}</option>`)}
        </select><//>` : null}
      <${Field} id="filter-status" label="状态">
        <select id="filter-status" value=${filters.status} onChange=${set('status')}>
          <option value="">全部状态</option>
          ${(lists?.statuses ?? []).filter((s) => !['CLOSED', 'MERGED', 'WITHDRAWN'].includes(s.code)).map((s) => html`<option value=${s.code}>${s.name}</option>`)}
        </select><//>
      <${Field} id="filter-colour" label="颜色">
        <select id="filter-colour" value=${filters.colour} onChange=${set('colour')}>
          <option value="">全部颜色</option>
          ${(lists?.colours ?? []).map((c) => html`<option value=${c.code}>${COLOUR_WORDS[c.code]} · ${c.name}</option>`)}
        </select><//>
      <${Field} id="filter-assignee" label="承办人">
        <input id="filter-assignee" value=${filters.assignee} onInput=${set('assignee')} autocomplete="off" /><//>
      <label class="choice"><input type="checkbox" checked=${filters.overdue} onChange=${set('overdue')} /> 只看已超时</label>
      <button type="submit">刷新</button>
    </form>
    <p role="status" class="summary">${page.loading ? '正在加载…' : `显示 ${shown.length} 条，按最近时限排序`}</p>
    ${page.error ? html`<p class="error" role="alert">${page.error}</p>` : null}
    <ul class="queue">
      ${shown.map((item) => html`<li key=${item.id}>
        <article class=${isOverdue(item, now) ? 'card overdue' : 'card'} aria-labelledby=${`case-${item.id}`}>
          <h2 id=${`case-${item.id}`}><a href=${`#/case/${encodeURIComponent(item.id)}`}>${item.trackingNo}</a></h2>
          <p class="line"><${ColourChip} colour=${item.sla?.colour} lists=${lists} /> <span class="status">${item.statusName}</span>
            ${item.similar && item.similar.members > 1 ? html`<span class="metoo">${item.similar.members} 人反映</span>` : null}</p>
          <p class="excerpt">${(item.text ?? '').slice(0, 80)}</p>
          <p class="line">最近时限：${beijingTime(item.sla?.nearestDueAt)} <${Countdown} dueAt=${item.sla?.nearestDueAt} now=${now} /></p>
          ${kind === 'copies' ? html`<p class="line">主办部门：${departmentName(lists, item.triage?.department)}</p>` : null}
          <p class="line">承办人：${item.progress?.assignee ?? '未指派'}</p>
        </article>
      </li>`)}
    </ul>
    ${page.nextCursor ? html`<button type="button" onClick=${() => load(page.nextCursor)}>加载更多</button>` : null}
  </section>`;
}

// ---- the case page ---------------------------------------------------------------------------------------------------

const ACTION_WORDS = {
  acknowledge: '受理', assign: '指派', transition: '变更状态', reply: '回复群众', transfer: '转办', merge: '合并', review: '复核分拣',
};
const OPERATION = {
  acknowledge: 'feedback/acknowledge', assign: 'feedback/assign', transition: 'feedback/transition', reply: 'feedback/reply',
  transfer: 'feedback/transfer', merge: 'feedback/merge', review: 'triage/review',
};

function percent(value) {
  return value == null ? '—' : `${Math.round(value * 100)}%`;
}

function CaseFacts({ feedback, lists }) {
  const c = feedback.context ?? {};
  const t = feedback.triage ?? {};
  return html`
    <section aria-labelledby="text-title">
      <h2 id="text-title">反馈内容（已脱敏）</h2>
      <blockquote class="text">${feedback.text}</blockquote>
    </section>
    <section aria-labelledby="context-title">
      <h2 id="context-title">提交情况</h2>
      <dl class="facts">
        <dt>提交时间</dt><dd>${beijingTime(feedback.receivedAt)}</dd>
        <dt>渠道</dt><dd>${feedback.channel ?? '—'}</dd>
        <dt>页面</dt><dd>${c.screenPath ?? '—'}</dd>
        <dt>设备与系统</dt><dd>${[c.deviceModel, c.os, c.osVersion].filter(Boolean).join(' ') || '—'}</dd>
        <dt>APP版本</dt><dd>${c.appVersion ?? '—'}</dd>
        <dt>地区</dt><dd>${c.regionCode ?? '—'}</dd>
      </dl>
    </section>
    <section aria-labelledby="triage-title">
      <h2 id="triage-title">智能分拣</h2>
      <dl class="facts">
        <dt>类型</dt><dd>${lists?.type[t.type]?.name ?? t.type ?? '—'}（置信度 ${percent(t.typeConfidence)}）</dd>
        <dt>业务领域</dt><dd>${lists?.domain[t.domain]?.name ?? t.domain ?? '—'}（置信度 ${percent(t.domainConfidence)}）</dd>
        <dt>主办部门</dt><dd>${departmentName(lists, t.department)}</dd>
        <dt>协办部门</dt><dd>${(t.copiedDepartments ?? []).map((d) => departmentName(lists, d)).join('、') || '无'}</dd>
        <dt>情感倾向</dt><dd>${({ negative: '负面', neutral: '中性', positive: '正面' })[t.sentiment] ?? t.sentiment ?? '—'}</dd>
        <dt>分拣依据</dt><dd>${(t.evidence ?? []).join('、') || '—'}</dd>
        <dt>人工复核</dt><dd>${t.needsReview ? '需要人工复核' : '不需要'}</dd>
      </dl>
    </section>`;
}

function Clocks({ sla, now }) {
  if (!sla) return null;
  const rows = [['受理时限', sla.acknowledge], ['办结时限', sla.resolve], ['申诉答复时限', sla.appeal]].filter(([, clock]) => clock);
  return html`<section aria-labelledby="sla-title">
    <h2 id="sla-title">办理时限</h2>
    <table class="clocks">
      <thead><tr><th scope="col">时钟</th><th scope="col">截止时间</th><th scope="col">状态</th><th scope="col">倒计时</th></tr></thead>
      <tbody>${rows.map(([name, clock]) => html`<tr>
        <th scope="row">${name}</th><td>${beijingTime(clock.dueAt)}</td><td>${clockState(clock)}</td>
        <td>${clock.status === 'OPEN' || clock.status === 'OVERDUE' ? html`<${Countdown} dueAt=${clock.dueAt} now=${now} />` : clock.status === 'PAUSED' ? '暂停中' : '—'}</td>
      </tr>`)}</tbody>
    </table>
    <p>督办级别：${sla.escalationLevel > 0 ? `${sla.escalationLevel} 级（${sla.escalationName ?? sla.escalationCode}）` : '未督办'}</p>
  </section>`;
}

function History({ feedback }) {
  const p = feedback.progress ?? {};
  return html`<section aria-labelledby="similar-title">
      <h2 id="similar-title">同类反馈</h2>
      <p>共 <strong>${feedback.similar?.members ?? 1}</strong> 人反映此问题（含本条）${feedback.similar ? `，归并组 ${feedback.similar.clusterId}` : ''}；
        合并进来的反馈 ${p.meTooCount ?? 0} 条，关注者 ${p.followerCount ?? 0} 人。</p>
      <p>承办人：${p.assignee ?? '未指派'}${p.expectedBy ? `，预计 ${p.expectedBy} 完成` : ''}${p.mergedInto ? `；已合并到 ${p.mergedInto}` : ''}</p>
    </section>
    <section aria-labelledby="history-title">
      <h2 id="history-title">办理记录</h2>
      ${(p.history ?? []).length ? null : html`<p>尚无办理记录。</p>`}
      <ol class="history">${(p.history ?? []).map((step) => html`<li>
        <p><strong>${beijingTime(step.at)}</strong> ${step.fromName} → ${step.toName}${step.by ? `（${step.by}）` : ''}</p>
        ${step.publicNote ? html`<p>公开说明：${step.publicNote}</p>` : null}
        ${step.internalNote ? html`<p class="internal">内部备注：${step.internalNote}</p>` : null}
      </li>`)}</ol>
    </section>`;
}

/** One action's form; fields are named as the API's request fields. */
function ActionForm({ action, onAct, children }) {
  return html`<form class="action" aria-labelledby=${`act-${action}-title`} onSubmit=${(event) => { event.preventDefault(); onAct(action, event.target); }}>
    <h3 id=${`act-${action}-title`}>${ACTION_WORDS[action]}</h3>
    ${children}
    <button type="submit" class="primary">${ACTION_WORDS[action]}</button>
  </form>`;
}

/**
 * Whether the signed-in staff member sees this case as a copy: their department is copied on it, another leads it. A copied
 * department reads it and may reply to the citizen (with an internal note for the lead department); the lead department
 * decides the case (docs/lifecycle.md, "Who may do what").
 */
function isCopy(feedback, me) {
  return me.role === 'staff' && feedback.triage?.department !== me.department;
}

function Actions({ feedback, lists, me, onAct }) {
  const next = lists?.status[feedback.status]?.next ?? [];
  const [to, setTo] = useState('');
  const departments = lists?.departments ?? [];
  const text = (action, name, label, options = {}) => html`<${Field} id=${`act-${action}-${name}`} label=${label}>
    ${options.long
      ? html`<textarea id=${`act-${action}-${name}`} name=${name} rows="2" required=${options.required} maxlength="2000"></textarea>`
      : html`<input id=${`act-${action}-${name}`} name=${name} required=${options.required} type=${options.type ?? 'text'} value=${options.value} />`}
  <//>`;
  const select = (action, name, label, entries, options = {}) => html`<${Field} id=${`act-${action}-${name}`} label=${label}>
    <select id=${`act-${action}-${name}`} name=${name} required=${options.required} onChange=${options.onChange}>
      ${options.blank ? html`<option value="">${options.blank}</option>` : null}
      ${entries.map((e) => html`<option value=${e.code}>${e.name}</option>`)}
    </select><//>`;

  const reply = html`<${ActionForm} action="reply" onAct=${onAct}>
        ${text('reply', 'message', '回复内容（群众可见）', { long: true, required: true })}
        ${text('reply', 'internalNote', '内部备注（仅工作人员可见）', { long: true })}
      <//>`;
  if (isCopy(feedback, me)) {
    return html`<section aria-labelledby="actions-title" class="actions">
      <h2 id="actions-title">协办操作</h2>
      <p>本部门为抄送协办部门：可回复群众，并给主办部门留内部备注；受理、指派、变更状态、转办和合并由主办部门办理。</p>
      <div class="action-grid">${reply}</div>
    </section>`;
  }
  return html`<section aria-labelledby="actions-title" class="actions">
    <h2 id="actions-title">办理操作</h2>
    <div class="action-grid">
      <${ActionForm} action="acknowledge" onAct=${onAct}>${text('acknowledge', 'publicNote', '公开说明（群众可见）', { long: true })}<//>
      <${ActionForm} action="assign" onAct=${onAct}>
        ${text('assign', 'owner', '承办人', { required: true, value: me.name })}
        ${text('assign', 'expectedBy', '预计完成日期', { type: 'date' })}
        ${text('assign', 'publicNote', '公开说明（群众可见）', { long: true })}
      <//>
      <${ActionForm} action="transition" onAct=${onAct}>
        ${select('transition', 'to', '目标状态', next.map((code) => ({ code, name: lists?.statusNames[code] ?? code })),
          { required: true, blank: next.length ? '请选择' : '已结束，不能变更', onChange: (e) => setTo(e.target.value) })}
        ${to === 'DEFERRED' ? text('transition', 'targetQuarter', '计划季度（如 2027Q1）', { required: true }) : null}
        ${text('transition', 'publicNote', '公开说明（群众可见）', { long: true })}
        ${text('transition', 'internalNote', '内部备注（仅工作人员可见）', { long: true })}
      <//>
      ${reply}
      <${ActionForm} action="transfer" onAct=${onAct}>
        ${select('transfer', 'department', '转至部门', departments, { required: true, blank: '请选择' })}
        ${text('transfer', 'reason', '转办原因', { long: true, required: true })}
      <//>
      <${ActionForm} action="merge" onAct=${onAct}>
        ${text('merge', 'into', '合并到（原反馈编号）', { required: true })}
        ${text('merge', 'publicNote', '公开说明（群众可见）', { long: true })}
      <//>
      ${me.role !== 'staff' ? html`<${ActionForm} action="review" onAct=${onAct}>
        ${select('review', 'colour', '颜色', (lists?.colours ?? []).map((c) => ({ code: c.code, name: `${COLOUR_WORDS[c.code]} · ${c.name}` })), { blank: '保持不变' })}
        ${select('review', 'department', '主办部门', departments, { blank: '保持不变' })}
        ${text('review', 'note', '复核说明', { long: true })}
      <//>` : null}
    </div>
  </section>`;
}

function CasePage({ id, me }) {
  const lists = useLists();
  const now = useNow();
  const [feedback, setFeedback] = useState(null);
  const [notice, setNotice] = useState({ kind: '', text: '' });
  const [stale, setStale] = useState(null);
  const heading = useFocusHeading(feedback ? `case-${id}` : null);

  async function reload() {
    try {
      setFeedback(await call('feedback/get', { id }));
      setStale(null);
      setNotice({ kind: 'ok', text: '已重新加载最新内容。' });
      heading.current?.focus();
    } catch (refusal) {
      if (refusal.status === 401) return signOut();
      setNotice({ kind: 'error', text: refusalInWords(refusal.status, refusal.problem) });
    }
  }

  useEffect(() => {
    setFeedback(null);
    call('feedback/get', { id }).then(setFeedback, (refusal) => {
      if (refusal.status === 401) return signOut();
      setNotice({ kind: 'error', text: refusalInWords(refusal.status, refusal.problem) });
    });
  }, [id]);

  async function act(action, form) {
    const body = { id, version: feedback.version };
    for (const [name, value] of new FormData(form)) if (String(value).trim()) body[name] = String(value).trim();
    setNotice({ kind: '', text: '' });
    try {
      const changed = await call(OPERATION[action], body);
      form.reset();
      if (action === 'merge') {
        setNotice({ kind: 'ok', text: `已合并到 ${body.into}。` });
      } else {
        setNotice({ kind: 'ok', text: `已${ACTION_WORDS[action]}。当前状态：${changed.statusName}。` });
      }
      setFeedback(changed);
    } catch (refusal) {
      if (refusal.status === 401) return signOut();
      if (refusal.status === 409) {
        // a stale version is never retried or overwritten: the staff member reloads and decides again
        const current = await call('feedback/get', { id }).catch(() => null);
        if (current && current.version !== body.version) {
          setStale({ seen: body.version, now: current.version });
          return;
        }
      }
      setNotice({ kind: 'error', text: `${ACTION_WORDS[action]}未成功：${refusalInWords(refusal.status, refusal.problem, lists?.statusNames)}` });
    }
  }

  if (!feedback) {
    return html`<section><h1 tabindex="-1">反馈详情</h1>
      ${notice.text ? html`<p class="error" role="alert">${notice.text}</p>` : html`<p role="status">正在加载…</p>`}
      <p><a href="#/queue">返回工作队列</a></p></section>`;
  }
  const copy = isCopy(feedback, me);
  return html`<article class="case" aria-labelledby="case-title">
    <p>${copy ? html`<a href="#/queue/copies">← 返回抄送队列</a>` : html`<a href="#/queue">← 返回工作队列</a>`}</p>
    <h1 id="case-title" tabindex="-1" ref=${heading}>反馈 ${feedback.trackingNo}</h1>
    <p class="line"><${ColourChip} colour=${feedback.sla?.colour} lists=${lists} /> <span class="status">${feedback.statusName}</span>
      <span>编号 ${feedback.id}</span> <span>第 ${feedback.version} 版</span></p>
    ${copy ? html`<p class="copy-note">抄送件：由${departmentName(lists, feedback.triage.department)}主办，本部门协办，只读查看。</p>` : null}
    ${stale ? html`<div class="stale" role="alert">
      <p>此反馈已被他人更新（您看到的是第 ${stale.seen} 版，现在是第 ${stale.now} 版）。为避免覆盖他人的修改，您的操作没有提交。</p>
      <p>请重新加载，核对最新内容后再操作。</p>
      <button type="button" class="primary" onClick=${reload}>重新加载</button>
    </div>` : null}
    <div class=${`notice ${notice.kind}`} role=${notice.kind === 'error' ? 'alert' : 'status'}>${notice.text}</div>
    <div class="case-columns">
      <div>
        <${CaseFacts} feedback=${feedback} lists=${lists} />
        <${Clocks} sla=${feedback.sla} now=${now} />
        <${History} feedback=${feedback} />
      </div>
      <${Actions} key=${feedback.version} feedback=${feedback} lists=${lists} me=${me} onAct=${act} />
    </div>
  </article>`;
}


// ---- the improvements board (需求池看板) ------------------------------------------------------------------------------

const PRIORITY_LEVELS = ['P0', 'P1', 'P2', 'P3', 'P4'];

/** Moves on the tracker are for the optimisation office and the lead department's supervisors (docs/improvements.md). */
function managesImprovement(me, improvement) {
  return me.role === 'optimisation-office' || (me.role === 'supervisor' && improvement.leadDepartment === me.department);
}

/** What a move to {@code to} asks for besides a public note: the fields improvement/move requires or takes for it. */
function MoveFields({ id, to }) {
  const field = (name, label, required) => html`<${Field} id=${`${id}-${name}`} label=${label}>
    <input id=${`${id}-${name}`} name=${name} required=${required} autocomplete="off" /><//>`;
  switch (to) {
    case 'ACCEPTED': return field('target', '目标版本或季度（可选）', false);
    case 'DECLINED': return field('declineReason', '不采纳原因（群众可见）', true);
    case 'DUPLICATE_OF': return field('duplicateOf', '重复的改进编号', true);
    case 'RELEASED': return html`${field('release.appVersion', '上线版本（如 5.10.0）', true)}${field('release.note', '上线说明（可选）', false)}`;
    default: return null;
  }
}

/** A card's move controls: the tracker's allowed moves as a list, the fields the chosen one needs, one button. */
function MoveForm({ card, lists, onMove }) {
  const [to, setTo] = useState('');
  const id = `move-${card.tracker.id}`;
  const names = lists?.improvementStatus ?? {};
  async function submit(event) {
    event.preventDefault();
    const body = { to };
    for (const [name, value] of new FormData(event.target)) {
      const text = String(value).trim();
      if (!text || name === 'to') continue;
      if (name.startsWith('release.')) (body.release ??= {})[name.slice('release.'.length)] = text;
      else body[name] = text;
    }
    if (await onMove(card, body)) setTo('');
  }
  return html`<form class="move" aria-label=${`移动「${card.tracker.title}」`} onSubmit=${submit}>
    <${Field} id=${`${id}-to`} label="移动到">
      <select id=${`${id}-to`} name="to" required value=${to} onChange=${(e) => setTo(e.target.value)}>
        <option value="">请选择</option>
        ${card.allowedMoves.map((code) => html`<option value=${code}>${names[code]?.name ?? code}</option>`)}
      </select><//>
    <${MoveFields} id=${id} to=${to} />
    ${to ? html`<${Field} id=${`${id}-publicNote`} label="公开说明（可选）">
      <input id=${`${id}-publicNote`} name="publicNote" autocomplete="off" /><//>` : null}
    <button type="submit" class="primary">移动</button>
  </form>`;
}

function ImprovementCard({ card, lists, me, onMove }) {
  const t = card.tracker;
  const level = card.priority?.level ?? 'P4';
  return html`<li>
    <article class="card improvement" aria-labelledby=${`imp-${t.id}`}>
      <h3 id=${`imp-${t.id}`}>${t.title}</h3>
      <p class="line"><span class=${`chip chip-priority chip-${level.toLowerCase()}`}>${level}</span>
        <span>优先级分 ${card.priority ? Math.round(card.priority.score) : '—'}</span></p>
      <p class="line">牵头：${departmentName(lists, card.leadDepartment)}</p>
      <p class="line">关联反馈 ${t.linkedFeedback} 条 · ${t.supporters} 人支持${t.target ? ` · 目标 ${t.target}` : ''}${t.expectedDate ? ` · 预计 ${t.expectedDate}` : ''}</p>
      ${managesImprovement(me, card) && card.allowedMoves.length ? html`<${MoveForm} card=${card} lists=${lists} onMove=${onMove} />` : null}
    </article>
  </li>`;
}

/**
 * The 需求池 as a board: a column per tracker status (improvement/pool, one listing per status), cards with their priority
 * chip, highest priority first; the office and the lead department's supervisors move cards with the tracker's allowed
 * moves; refusals are put in words and a stale version asks for a reload.
 */
function ImprovementBoard({ me }) {
  const lists = useLists();
  const heading = useFocusHeading('improvements');
  const cityWide = me.role === 'optimisation-office' || me.role === 'admin';
  const [department, setDepartment] = useState(cityWide ? '' : me.department);
  const [level, setLevel] = useState('');
  const [columns, setColumns] = useState(null);
  const [notice, setNotice] = useState({ kind: '', text: '' });
  const [stale, setStale] = useState(null);
  const statuses = lists?.improvementStatuses ?? [];

  async function listing(status, cursor) {
    return call('improvement/pool', { status, department: department || undefined, limit: 50, cursor });
  }

  async function load() {
    if (!statuses.length) return;
    try {
      const pages = await Promise.all(statuses.map((s) => listing(s.code)));
      setColumns(Object.fromEntries(statuses.map((s, i) => [s.code, pages[i]])));
    } catch (refusal) {
      if (refusal.status === 401) return signOut();
      setNotice({ kind: 'error', text: refusalInWords(refusal.status, refusal.problem, {}, '改进') });
    }
  }
  useEffect(() => { load(); }, [lists, department]);

  async function more(status) {
    const page = await listing(status, columns[status].nextCursor);
    setColumns({ ...columns, [status]: { items: [...columns[status].items, ...page.items], nextCursor: page.nextCursor } });
  }

  async function reload() {
    setStale(null);
    await load();
    setNotice({ kind: 'ok', text: '已重新加载最新内容。' });
    heading.current?.focus();
  }

  /** Sends a move on the version the card shows; answers whether it was made. */
  async function move(card, body) {
    const names = lists.improvementStatus;
    setNotice({ kind: '', text: '' });
    try {
      const moved = await call('improvement/move', { ...body, id: card.tracker.id, version: card.version });
      setNotice({ kind: 'ok', text: `已将「${card.tracker.title}」移至「${moved.tracker.statusLabel}」。` });
      await load();
      return true;
    } catch (refusal) {
      if (refusal.status === 401) return signOut();
      if (refusal.status === 409) {
        // a stale version is never retried: the board is read again and the move decided anew
        const current = await call('improvement/get', { id: card.tracker.id }).catch(() => null);
        if (current && current.version !== card.version) {
          setStale({ title: card.tracker.title, seen: card.version, now: current.version });
          return false;
        }
      }
      const statusNames = Object.fromEntries(Object.values(names).map((s) => [s.code, s.name]));
      setNotice({ kind: 'error', text: `移动未成功：${refusalInWords(refusal.status, refusal.problem, statusNames, '改进')}` });
      return false;
    }
  }

  const departments = lists?.departments ?? [];
  const shown = (status) => (columns?.[status]?.items ?? []).filter((card) => !level || card.priority?.level === level);
  return html`<section aria-labelledby="improvements-title">
    <h1 id="improvements-title" tabindex="-1" ref=${heading}>改进看板 · ${department ? departmentName(lists, department) : '全市'}</h1>
    <form class="filters" aria-label="看板筛选" onSubmit=${(e) => { e.preventDefault(); load(); }}>
      ${cityWide ? html`<${Field} id="board-department" label="牵头部门">
        <select id="board-department" value=${department} onChange=${(e) => setDepartment(e.target.value)}>
          <option value="">全市（所有部门）</option>
          ${departments.map((d) => html`<option value=${d.code}>${d.name}</option>`)}
        </select><//>` : null}
      <${Field} id="board-level" label="优先级">
        <select id="board-level" value=${level} onChange=${(e) => setLevel(e.target.value)}>
          <option value="">全部</option>
          ${PRIORITY_LEVELS.map((p) => html`<option value=${p}>${p}</option>`)}
        </select><//>
      <button type="submit">刷新</button>
    </form>
    ${stale ? html`<div class="stale" role="alert">
      <p>「${stale.title}」已被他人更新（您看到的是第 ${stale.seen} 版，现在是第 ${stale.now} 版）。为避免覆盖他人的修改，您的移动没有提交。</p>
      <p>请重新加载，核对最新状态后再操作。</p>
      <button type="button" class="primary" onClick=${reload}>重新加载</button>
    </div>` : null}
    <div class=${`notice ${notice.kind}`} role=${notice.kind === 'error' ? 'alert' : 'status'}>${notice.text}</div>
    ${columns ? html`<div class="board">${statuses.map((s) => html`<section class="board-column" aria-labelledby=${`column-${s.code}`} key=${s.code}>
      <h2 id=${`column-${s.code}`}>${s.name}（${shown(s.code).length}）</h2>
      <ul class="board-cards">${shown(s.code).map((card) => html`<${ImprovementCard} key=${card.tracker.id} card=${card} lists=${lists} me=${me} onMove=${move} />`)}</ul>
      ${columns[s.code].nextCursor ? html`<button type="button" onClick=${() => more(s.code)}>加载更多：${s.name}</button>` : null}
    </section>`)}</div>` : html`<p role="status">正在加载…</p>`}
  </section>`;
}

// ---- the leaders' dashboard ------------------------------------------------------------------------------------------

/** ECharts' default 12px labels are too small for the console's readers. */
const LARGE_TYPE = {
  textStyle: { fontSize: 16 },
  legend: { textStyle: { fontSize: 16 } },
  categoryAxis: { axisLabel: { fontSize: 16, color: '#111' } },
  valueAxis: { axisLabel: { fontSize: 16, color: '#111' }, nameTextStyle: { fontSize: 16 } },
};

/** One ECharts chart; the library is loaded the first time a chart is shown. */
function Chart({ option, label }) {
  const box = useRef(null);
  useEffect(() => {
    let chart;
    let gone = false;
    import('./vendor/echarts.js').then((echarts) => {
      if (gone) return;
      chart = echarts.init(box.current, LARGE_TYPE, { renderer: 'canvas' });
      chart.setOption(option);
    });
    // follows its box, whether the window or the reader's zoom changed it
    const sizes = new ResizeObserver(() => chart?.resize());
    sizes.observe(box.current);
    return () => { gone = true; sizes.disconnect(); chart?.dispose(); };
  }, [option]);
  return html`<div class="chart" ref=${box} role="img" aria-label=${`${label}（数据见下表）`}></div>`;
}

function download(name, rows) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
  link.download = `${name}.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function ChartPanel({ id, chart, range }) {
  const [head, ...body] = chart.rows;
  return html`<section class="panel" aria-labelledby=${`${id}-title`}>
    <h2 id=${`${id}-title`}>${chart.title}</h2>
    <${Chart} option=${chart.option} label=${chart.title} />
    <table class="figures" id=${`${id}-table`}>
      <caption>${chart.title}：数据</caption>
      <thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
      <tbody>${body.length ? body.map((row) => html`<tr>${row.map((v, i) => (i === 0 ? html`<th scope="row">${v}</th>` : html`<td>${v}</td>`))}</tr>`)
        : html`<tr><td colspan=${head.length}>${chart.empty ?? '所选时段无数据'}</td></tr>`}</tbody>
    </table>
    ${chart.note ? html`<p class="hint">${chart.note}</p>` : null}
    <button type="button" onClick=${() => download(`${id}-${range}`, chart.rows)}>导出 CSV：${chart.title}</button>
  </section>`;
}

function isoDay(date) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(date);
}

/** The city's overdue cases (queue/overdue), the most overdue first, narrowed to the chosen department. */
function OverdueList({ lists, department, departmentNames }) {
  const now = useNow();
  const [items, setItems] = useState(null);
  const [error, setError] = useState('');
  useEffect(() => {
    call('queue/overdue', {}).then((answer) => setItems(answer.items), (refusal) => setError(refusalInWords(refusal.status, refusal.problem)));
  }, []);
  const shown = (items ?? []).filter((item) => !department || item.triage.department === department);
  return html`<section class="panel overdue" aria-labelledby="overdue-title">
    <h2 id="overdue-title">超时与督办案件（${department ? departmentNames[department] ?? department : '全市'}）</h2>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    <table class="figures" id="overdue-table">
      <caption>超时未办结的反馈，超时最久的在前；每个部门最多20件</caption>
      <thead><tr><th scope="col">编号</th><th scope="col">部门</th><th scope="col">颜色</th><th scope="col">超时</th><th scope="col">督办级别</th></tr></thead>
      <tbody>${items === null ? html`<tr><td colspan="5">正在加载…</td></tr>` : shown.length ? shown.map((item) => html`<tr>
        <th scope="row"><a href=${`#/case/${encodeURIComponent(item.id)}`}>${item.trackingNo}</a></th>
        <td>${departmentName(lists, item.triage.department)}</td>
        <td><${ColourChip} colour=${item.sla.colour} lists=${lists} /></td>
        <td><${Countdown} dueAt=${item.sla.nearestDueAt} now=${now} /></td>
        <td>${item.sla.escalationLevel > 0 ? `${item.sla.escalationLevel} 级（${item.sla.escalationName ?? item.sla.escalationCode}）` : '未督办'}</td>
      </tr>`) : html`<tr><td colspan="5">暂无超时案件</td></tr>`}</tbody>
    </table>
  </section>`;
}

function Dashboard() {
  const lists = useLists();
  const heading = useFocusHeading('dashboard');
  const [range, setRange] = useState({ from: isoDay(new Date(Date.now() - 29 * 86400000)), to: isoDay(new Date()) });
  const [department, setDepartment] = useState('');
  const [data, setData] = useState(null);
  const [error, setError] = useState('');

  async function load(event) {
    event?.preventDefault();
    setError('');
    try {
      setData(await call('insights/dashboard', { from: range.from, to: range.to }));
    } catch (refusal) {
      if (refusal.status === 401) return signOut();
      setError(refusalInWords(refusal.status, refusal.problem));
    }
  }
  useEffect(() => { load(); }, []);

  // one answer holds every department's items: the department filter narrows it here, with no further request
  const domainDepartments = Object.fromEntries((lists?.domains ?? []).map((d) => [d.code, d.department]));
  const domainNames = Object.fromEntries((lists?.domains ?? []).map((d) => [d.code, d.name]));
  const summary = data && lists ? summarise(forDepartment(data, department, domainDepartments)) : null;
  const departmentNames = Object.fromEntries((lists?.departments ?? []).map((d) => [d.code, d.name]));
  const charts = summary ? [['backlog', backlogChart(summary, lists.statusNames)], ['compliance', complianceChart(summary)],
    ['duration', durationChart(summary)], ['percentiles', percentileChart(summary)], ['satisfaction', satisfactionChart(summary)],
    ['departments', departmentChart(summary, departmentNames)],
    ['clusters', { ...clusterChart(summary, data.clusterLabels, domainNames), note: '期间新增：所选时段内加入该组的同类反馈（首条反馈不计）；累计：该组目前的反馈总数。' }],
    ['spikes', { ...spikeChart(summary, data.from, data.to, domainNames), empty: '所选时段无突增',
      note: '前7日日均按当日之前7天计（无反馈的日子计0，日均不足1按1计）；当日量超过其3倍标为突增。' }]] : [];
  return html`<section aria-labelledby="dashboard-title">
    <h1 id="dashboard-title" tabindex="-1" ref=${heading}>领导驾驶舱</h1>
    <form class="filters" aria-label="时段" onSubmit=${load}>
      <${Field} id="range-from" label="开始日期"><input id="range-from" type="date" value=${range.from} onInput=${(e) => setRange({ ...range, from: e.target.value })} required /><//>
      <${Field} id="range-to" label="结束日期"><input id="range-to" type="date" value=${range.to} onInput=${(e) => setRange({ ...range, to: e.target.value })} required /><//>
      <${Field} id="dashboard-department" label="部门">
        <select id="dashboard-department" value=${department} onChange=${(e) => setDepartment(e.target.value)}>
          <option value="">全市（所有部门）</option>
          ${(lists?.departments ?? []).map((d) => html`<option value=${d.code}>${d.name}</option>`)}
        </select>
      <//>
      <button type="submit">查询</button>
    </form>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    <p role="status" class="summary">${summary ? `${department ? departmentNames[department] ?? department : '全市'}，${data.from} 至 ${data.to}，按提交日统计；评价按评价日统计。` : '正在加载…'}</p>
    <div class="panels">${charts.map(([id, chart]) => html`<${ChartPanel} key=${id} id=${id} chart=${chart} range=${`${department || 'city'}-${data.from}-${data.to}`} />`)}</div>
    ${lists ? html`<${OverdueList} lists=${lists} department=${department} departmentNames=${departmentNames} />` : null}
  </section>`;
}

// ---- the monthly bulletin (月度通报) ----------------------------------------------------------------------------------

function FiguresTable({ id, title, rows }) {
  const [head, ...body] = rows;
  return html`<table class="figures" id=${id}>
    <caption>${title}</caption>
    <thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
    <tbody>${body.length ? body.map((row) => html`<tr>${row.map((v, i) => (i === 0 ? html`<th scope="row">${v}</th>` : html`<td>${v}</td>`))}</tr>`)
      : html`<tr><td colspan=${head.length}>本月无数据</td></tr>`}</tbody>
  </table>`;
}

function Bulletin() {
  const lists = useLists();
  const heading = useFocusHeading('bulletin');
  const lastMonth = isoDay(new Date(Date.now() - new Date().getDate() * 86400000)).slice(0, 7);
  const [month, setMonth] = useState(lastMonth);
  const [data, setData] = useState(null);
  const [error, setError] = useState('');

  async function load(event) {
    event?.preventDefault();
    setError('');
    try {
      setData({ month, answer: await call('insights/dashboard', monthRange(month)) });
    } catch (refusal) {
      if (refusal.status === 401) return signOut();
      setError(refusalInWords(refusal.status, refusal.problem));
    }
  }
  useEffect(() => { load(); }, []);

  const departmentNames = Object.fromEntries((lists?.departments ?? []).map((d) => [d.code, d.name]));
  const report = data && lists ? bulletin(summarise(data.answer), lists.statusNames, departmentNames, data.month) : null;
  return html`<section class="bulletin" aria-labelledby="bulletin-title">
    <form class="filters no-print" aria-label="月份" onSubmit=${load}>
      <${Field} id="bulletin-month" label="月份"><input id="bulletin-month" type="month" value=${month} onInput=${(e) => setMonth(e.target.value)} required /><//>
      <button type="submit">生成</button>
      <button type="button" onClick=${() => print()}>打印</button>
    </form>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    <h1 id="bulletin-title" tabindex="-1" ref=${heading}>${report ? report.title : '月度通报'}</h1>
    ${report ? html`<p class="headline">${report.headline}</p>
      ${report.tables.map((table, i) => html`<${FiguresTable} key=${table.title} id=${`bulletin-table-${i}`} title=${`${['一', '二', '三'][i]}、${table.title}`} rows=${table.rows} />`)}
      <p class="source">数据来源：政务反馈工作台统计数据（按提交日统计，评价按评价日统计），${data.answer.from} 至 ${data.answer.to}。</p>`
      : html`<p role="status">正在加载…</p>`}
  </section>`;
}

// ---- the frame -------------------------------------------------------------------------------------------------------

const TITLES = { 'sign-in': '登录', queue: '工作队列', case: '反馈详情', improvements: '改进看板', dashboard: '领导驾驶舱', bulletin: '月度通报' };
const LEADERS = new Set(['supervisor', 'admin']);

/** Which pages a role opens: case work for staff, supervisors and admins; the figures for leaders; the board for everyone. */
function opens(me, page) {
  if (page === 'dashboard' || page === 'bulletin') return LEADERS.has(me.role);
  if (page === 'queue') return me.role !== 'optimisation-office';
  return Boolean(TITLES[page]) && page !== 'sign-in';
}

/** Where a role starts: the optimisation office works no queue, it manages the 需求池. */
function home(me) {
  return me.role === 'optimisation-office' ? 'improvements' : 'queue';
}

function App() {
  const [route, setRoute] = useState(parseRoute(location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  const me = session();
  const lists = useLists();
  let page = route.page;
  if (!me && page !== 'sign-in') page = 'sign-in';
  if (me && !opens(me, page)) page = home(me);
  useEffect(() => {
    document.title = `${TITLES[page]} - 政务反馈工作台`;
    // the address names the page shown, so the next move to another page (sign-in, sign-out) is a change it follows
    if (page !== route.page) history.replaceState(null, '', `#/${page}`);
  }, [page, route.page]);

  return html`
    <a class="skip" href="#main" onClick=${(e) => { e.preventDefault(); document.getElementById('main').focus(); }}>跳到主要内容</a>
    <header class="banner">
      <p class="product">政务反馈工作台</p>
      ${me ? html`<nav aria-label="主导航">
        ${['queue', 'improvements', 'dashboard', 'bulletin'].filter((p) => opens(me, p)).map((p) => html`
          <a href=${`#/${p}`} aria-current=${page === p ? 'page' : undefined}>${TITLES[p]}</a>`)}
        <span class="me">${me.name}（${ROLE_WORDS[me.role]}${me.department ? ` · ${departmentName(lists, me.department)}` : ''}）</span>
        <button type="button" onClick=${signOut}>退出登录</button>
      </nav>` : null}
    </header>
    <main id="main" tabindex="-1">
      ${page === 'sign-in' ? html`<${SignIn} />` : null}
      ${page === 'queue' ? html`<${Queue} me=${me} kind=${route.id} />` : null}
      ${page === 'case' ? html`<${CasePage} id=${route.id} me=${me} />` : null}
      ${page === 'improvements' ? html`<${ImprovementBoard} me=${me} />` : null}
      ${page === 'dashboard' ? html`<${Dashboard} />` : null}
      ${page === 'bulletin' ? html`<${Bulletin} />` : null}
    </main>`;
}

const root = document.getElementById('app');
root.textContent = '';
render(html`<${App} />`, root);
