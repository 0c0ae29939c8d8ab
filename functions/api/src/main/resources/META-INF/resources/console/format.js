// Pure helpers the console's pages share: time in Beijing time, countdowns, colour labels, the API's refusals in words.
// No DOM here, so node's test runner checks them directly.

const BEIJING = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});

/** An instant as Beijing time, e.g. "2026/12/02 21:05"; a dash when absent. */
export function beijingTime(iso) {
  return iso ? BEIJING.format(new Date(iso)) : '—';
}

/** "2小时05分" style duration of a positive number of milliseconds. */
function span(ms) {
  const minutes = Math.floor(ms / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days}天${hours}小时`;
  if (hours > 0) return `${hours}小时${String(rest).padStart(2, '0')}分`;
  return `${rest}分钟`;
}

/**
 * How a deadline stands at {@code now}: the words to show and a level for styling
 * (overdue, soon: within 2 hours, later, none).
 */
export function countdown(dueAt, now) {
  if (!dueAt) return { text: '无时限', level: 'none' };
  const left = new Date(dueAt).getTime() - now;
  if (left < 0) return { text: `已超时 ${span(-left)}`, level: 'overdue' };
  return { text: `剩余 ${span(left)}`, level: left <= 2 * 3600000 ? 'soon' : 'later' };
}

/** A clock's state in words (the API's MET, OPEN, PAUSED, OVERDUE). */
export function clockState(clock) {
  if (!clock) return '未开始';
  const names = { OPEN: '计时中', PAUSED: '已暂停（等待群众补充）', MET: clock.breached ? '已完成（超时）' : '已完成', OVERDUE: '已超时' };
  return names[clock.status] ?? clock.status;
}

export const COLOUR_WORDS = { RED: '红色', ORANGE: '橙色', YELLOW: '黄色', BLUE: '蓝色' };

/** Whether a feedback in a queue has a deadline behind it at {@code now}. */
export function isOverdue(item, now) {
  const sla = item.sla;
  if (!sla) return false;
  if ([sla.acknowledge, sla.resolve, sla.appeal].some((c) => c && c.status === 'OVERDUE')) return true;
  return Boolean(sla.nearestDueAt) && new Date(sla.nearestDueAt).getTime() < now;
}

const FIELD_WORDS = {
  id: '反馈编号', into: '合并到的反馈编号', owner: '承办人', expectedBy: '预计完成日期', to: '目标状态', publicNote: '公开说明',
  internalNote: '内部备注', message: '回复内容', department: '部门', reason: '原因', colour: '颜色', note: '说明', version: '版本',
  targetQuarter: '计划季度', status: '状态', limit: '条数', cursor: '翻页位置', role: '角色', name: '姓名',
  declineReason: '不采纳原因', duplicateOf: '重复的改进编号', target: '目标版本或季度', expectedDate: '预计日期',
  'release.appVersion': '上线版本', 'release.note': '上线说明',
};

/**
 * An API refusal (RFC 9457 problem document and its HTTP status) as a sentence for staff, in Chinese, keeping the API's own
 * detail beside it so nothing is hidden. {@code statusNames} maps status codes to their Chinese names; {@code subject} is
 * what was acted on (反馈, 改进).
 */
export function refusalInWords(status, problem, statusNames = {}, subject = '反馈') {
  const detail = problem?.detail ? `（${problem.detail}）` : '';
  const name = (code) => statusNames[code] ?? code;
  switch (status) {
    case 400: return '请求格式有误，未执行。';
    case 401: return '登录已失效，请重新登录。';
    case 403: return `您的角色或部门无权执行此操作，未执行。${detail}`;
    case 404: return `找不到该${subject}，或您无权查看，未执行。${detail}`;
    case 409:
      if (Array.isArray(problem?.allowed)) {
        // the detail names the current status first: "ACCEPTED (已受理) cannot move to …"
        const from = /([A-Z][A-Z_]+) \(/.exec(problem.detail ?? '')?.[1];
        const options = problem.allowed.length ? `可转为：${problem.allowed.map(name).join('、')}。` : `该${subject}已结束，不能再变更。`;
        return `当前状态${from ? `「${name(from)}」` : ''}不允许这一变更，未执行。${options}`;
      }
      return `操作与${subject}的当前状态冲突，未执行。${detail}`;
    case 413: return '内容太长，未执行。';
    case 422: {
      const errors = Array.isArray(problem?.errors) ? problem.errors : [];
      if (errors.length) return `填写有误，未执行：${errors.map((e) => `${FIELD_WORDS[e.field] ?? e.field}（${e.message}）`).join('；')}。`;
      return `填写有误，未执行。${detail}`;
    }
    case 429: return '操作过于频繁，请稍后再试。';
    default: return '服务暂时不可用，本次操作未生效，请稍后重试。';
  }
}
