// The leaders' dashboard as plain data: the aggregates the API answers (insights/dashboard: counts and cluster reports per
// department over the range, ratings and domain volumes per day) summed into figures, and one function per chart that
// turns them into an ECharts option and the table of numbers behind it (shown under the chart for screen readers, and
// exported as CSV). No DOM and no ECharts here, so node's test runner checks them.

export const COLOURS = ['RED', 'ORANGE', 'YELLOW', 'BLUE'];
const COLOUR_NAMES = { RED: '红色', ORANGE: '橙色', YELLOW: '黄色', BLUE: '蓝色' };
const COLOUR_FILLS = { RED: '#a50e0e', ORANGE: '#e65100', YELLOW: '#c9a800', BLUE: '#0d47a1' };
/** The satisfaction target the city set: 90% of ratings 4 or 5. */
export const SATISFACTION_TARGET = 0.9;
const FINISHED = new Set(['CLOSED', 'MERGED', 'RESOLVED', 'REJECTED', 'WITHDRAWN']);
const CLUSTER_PREFIX = 'c.';
/** How many clusters the hot-issues chart ranks; the API names the city's and each department's first ones. */
export const TOP_CLUSTERS = 10;
/** A day is a spike when its volume is above this many times the mean of the days before it (a mean under 1 counts as 1). */
export const SPIKE_FACTOR = 3;
export const TRAILING_DAYS = 7;

function parse(counter) {
  return counter.split('.');
}

/**
 * The answer narrowed to one department's cells (every chart then shows that department), and to the domains it leads
 * ({@code domainDepartments}: domain code → department code); '' keeps the whole city.
 */
export function forDepartment(dashboard, department, domainDepartments = {}) {
  if (!department) return dashboard;
  const mine = (cells) => (cells ?? []).filter((cell) => cell.department === department);
  return { ...dashboard, counts: mine(dashboard.counts), ratings: mine(dashboard.ratings), clusters: mine(dashboard.clusters),
    domains: (dashboard.domains ?? []).filter((cell) => domainDepartments[cell.domain] === department) };
}

/** Sums the API's cells into the figures every chart reads. */
export function summarise(dashboard) {
  const backlog = {}; // status -> colour -> count (not yet finished)
  const received = {}; // colour -> count
  const clocks = {}; // "ack"|"res" -> colour -> {n, ms, late}
  const histograms = { ack: {}, res: {} }; // "ack"|"res" -> bucket ("le60", "over43200") -> count
  const departments = {}; // department -> {received, open, resolved, late}
  for (const cell of dashboard.counts) {
    const dept = (departments[cell.department] ??= { received: 0, open: 0, resolvedClocks: 0, late: 0 });
    for (const [counter, value] of Object.entries(cell.counters)) {
      const [kind, colour, last] = parse(counter);
      if (kind === 'n') {
        received[colour] = (received[colour] ?? 0) + value;
        dept.received += value;
        if (!FINISHED.has(last)) {
          (backlog[last] ??= {})[colour] = (backlog[last][colour] ?? 0) + value;
          dept.open += value;
        }
      } else if (colour === 'h') {
        histograms[kind][last] = (histograms[kind][last] ?? 0) + value;
      } else {
        const clock = ((clocks[kind] ??= {})[colour] ??= { n: 0, ms: 0, late: 0 });
        clock[last] += value;
        if (kind === 'res' && last === 'n') dept.resolvedClocks += value;
        if (kind === 'res' && last === 'late') dept.late += value;
      }
    }
  }
  const days = {}; // day -> {rated, satisfied, scores[1..5]}
  for (const cell of dashboard.ratings) {
    const day = (days[cell.day] ??= { rated: 0, satisfied: 0, scores: [0, 0, 0, 0, 0] });
    for (const [counter, value] of Object.entries(cell.counters)) {
      const score = Number(parse(counter)[1]);
      day.scores[score - 1] += value;
      day.rated += value;
      if (score >= 4) day.satisfied += value;
    }
  }
  const clusters = {}; // cluster id -> feedback that joined it in the range
  for (const cell of dashboard.clusters ?? []) {
    for (const [counter, value] of Object.entries(cell.counters)) {
      const id = counter.slice(CLUSTER_PREFIX.length);
      clusters[id] = (clusters[id] ?? 0) + value;
    }
  }
  const domainDays = {}; // domain -> day -> feedback received
  for (const cell of dashboard.domains ?? []) {
    (domainDays[cell.domain] ??= {})[cell.day] = cell.counters.fb ?? 0;
  }
  return { backlog, received, clocks, histograms, departments, days, clusters, domainDays };
}

/**
 * The q-th quantile (0 < q ≤ 1) of a duration histogram whose buckets are named by their upper bound in minutes
 * ({le60: 3, le120: 5, over43200: 1}): the bound of the bucket the quantile falls in, so "at most" that long; null
 * without data. A quantile in the overflow bucket answers its lower bound with over = true.
 */
export function percentile(histogram, q) {
  const buckets = Object.entries(histogram).map(([name, count]) => ({ over: name.startsWith('over'), minutes: Number(name.replace(/^(le|over)/, '')), count }))
    .sort((a, b) => a.over - b.over || a.minutes - b.minutes);
  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const bucket of buckets) {
    seen += bucket.count;
    if (seen >= q * total) return { minutes: bucket.minutes, over: bucket.over };
  }
  return null;
}

/** A percentile in words: "≤ 2小时", "≤ 3天", "> 30天". */
export function durationWords(p) {
  if (!p) return '—';
  const { minutes } = p;
  const amount = minutes % 1440 === 0 ? `${minutes / 1440}天` : minutes % 60 === 0 ? `${minutes / 60}小时` : `${minutes}分钟`;
  return `${p.over ? '>' : '≤'} ${amount}`;
}

/** Acknowledge and resolve time percentiles (p50, p90), from the duration histograms, in hours. */
export function percentileChart(summary) {
  const kinds = [['ack', '受理用时'], ['res', '办结用时']];
  const quantiles = [[0.5, 'P50（中位数）'], [0.9, 'P90']];
  const at = (kind, q) => percentile(summary.histograms[kind], q);
  const hoursOf = (p) => (p ? Number((p.minutes / 60).toFixed(2)) : null);
  const rows = [['指标', ...quantiles.map(([, name]) => name), '样本数'],
    ...kinds.map(([kind, name]) => [name, ...quantiles.map(([q]) => durationWords(at(kind, q))),
      Object.values(summary.histograms[kind]).reduce((a, b) => a + b, 0)])];
  return {
    title: '受理与办结用时分位数', rows,
    option: { tooltip: { trigger: 'axis' }, legend: {}, xAxis: { type: 'category', data: kinds.map(([, name]) => name) }, yAxis: { type: 'value', name: '小时（不超过）' },
      series: quantiles.map(([q, name]) => ({ name, type: 'bar', data: kinds.map(([kind]) => hoursOf(at(kind, q))) })) },
  };
}

const ratio = (part, whole) => (whole > 0 ? part / whole : null);
const percent = (value) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
const hours = (ms, n) => (n > 0 ? Number((ms / n / 3600000).toFixed(1)) : null);

/** Open cases by status, stacked by colour. */
export function backlogChart(summary, statusNames) {
  const statuses = Object.keys(summary.backlog);
  const rows = [['状态', ...COLOURS.map((c) => COLOUR_NAMES[c]), '合计'],
    ...statuses.map((s) => {
      const counts = COLOURS.map((c) => summary.backlog[s][c] ?? 0);
      return [statusNames[s] ?? s, ...counts, counts.reduce((a, b) => a + b, 0)];
    })];
  return {
    title: '在办积压（按状态、颜色）', rows,
    option: {
      tooltip: { trigger: 'axis' }, legend: {}, xAxis: { type: 'category', data: rows.slice(1).map((r) => r[0]) }, yAxis: { type: 'value' },
      series: COLOURS.map((c, i) => ({ name: COLOUR_NAMES[c], type: 'bar', stack: 'backlog', color: COLOUR_FILLS[c], data: rows.slice(1).map((r) => r[i + 1]) })),
    },
  };
}

/** Share of stopped clocks that met their deadline, per colour, for acknowledging and for resolving. */
export function complianceChart(summary) {
  const onTime = (kind, c) => {
    const clock = summary.clocks[kind]?.[c];
    return clock ? ratio(clock.n - clock.late, clock.n) : null;
  };
  const rows = [['颜色', '受理按时率', '办结按时率'], ...COLOURS.map((c) => [COLOUR_NAMES[c], percent(onTime('ack', c)), percent(onTime('res', c))])];
  const series = (name, kind) => ({ name, type: 'bar', data: COLOURS.map((c) => (onTime(kind, c) === null ? null : Number((onTime(kind, c) * 100).toFixed(1)))) });
  return {
    title: '按时率（按颜色）', rows,
    option: { tooltip: { trigger: 'axis' }, legend: {}, xAxis: { type: 'category', data: COLOURS.map((c) => COLOUR_NAMES[c]) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } }, series: [series('受理按时率', 'ack'), series('办结按时率', 'res')] },
  };
}

/** Mean hours to acknowledge and to resolve, per colour. */
export function durationChart(summary) {
  const mean = (kind, c) => {
    const clock = summary.clocks[kind]?.[c];
    return clock ? hours(clock.ms, clock.n) : null;
  };
  const rows = [['颜色', '平均受理用时（小时）', '平均办结用时（小时）'], ...COLOURS.map((c) => [COLOUR_NAMES[c], mean('ack', c) ?? '—', mean('res', c) ?? '—'])];
  return {
    title: '平均用时（按颜色）', rows,
    option: { tooltip: { trigger: 'axis' }, legend: {}, xAxis: { type: 'category', data: COLOURS.map((c) => COLOUR_NAMES[c]) }, yAxis: { type: 'value', name: '小时' },
      series: [{ name: '受理', type: 'bar', data: COLOURS.map((c) => mean('ack', c)) }, { name: '办结', type: 'bar', data: COLOURS.map((c) => mean('res', c)) }] },
  };
}

/** Satisfaction (ratings 4–5 of all ratings) per day against the 90% target. */
export function satisfactionChart(summary) {
  const days = Object.keys(summary.days).sort();
  const rows = [['日期', '评价数', '满意数', '满意率'], ...days.map((d) => {
    const day = summary.days[d];
    return [d, day.rated, day.satisfied, percent(ratio(day.satisfied, day.rated))];
  })];
  return {
    title: '好差评满意率（目标 90%）', rows,
    option: { tooltip: { trigger: 'axis' }, xAxis: { type: 'category', data: days }, yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [{ name: '满意率', type: 'line', data: days.map((d) => Number((ratio(summary.days[d].satisfied, summary.days[d].rated) * 100).toFixed(1))),
        markLine: { symbol: 'none', data: [{ yAxis: SATISFACTION_TARGET * 100, name: '目标' }], lineStyle: { color: '#a50e0e', type: 'dashed' } } }] },
  };
}

/** Departments ranked by resolve on-time rate, then by fewest open cases. */
export function departmentChart(summary, departmentNames) {
  const ranked = Object.entries(summary.departments).map(([code, d]) => ({ code, ...d, onTime: ratio(d.resolvedClocks - d.late, d.resolvedClocks) }))
    .sort((a, b) => (b.onTime ?? -1) - (a.onTime ?? -1) || a.open - b.open);
  const rows = [['部门', '受理总数', '在办', '办结按时率'], ...ranked.map((d) => [departmentNames[d.code] ?? d.code, d.received, d.open, percent(d.onTime)])];
  return {
    title: '部门排名（办结按时率）', rows,
    option: { tooltip: { trigger: 'axis' }, grid: { containLabel: true }, xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', inverse: true, data: rows.slice(1).map((r) => r[0]) },
      series: [{ name: '办结按时率', type: 'bar', data: ranked.map((d) => (d.onTime === null ? null : Number((d.onTime * 100).toFixed(1)))) }] },
  };
}

const byCountThenId = ([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0);

/** The clusters with the most reports in the range, most first, then by id (as the API picks the ones it names). */
export function topClusters(clusters, n = TOP_CLUSTERS) {
  return Object.entries(clusters).filter(([, count]) => count > 0).sort(byCountThenId).slice(0, n);
}

/**
 * Hot issues: the similar-feedback clusters that gained the most reports in the range ("me too": the feedback that joined
 * them; the first report, which names a cluster, is not counted), named by their first feedback.
 */
export function clusterChart(summary, labels, domainNames = {}) {
  const named = Object.fromEntries((labels ?? []).map((label) => [label.clusterId, label]));
  const ranked = topClusters(summary.clusters);
  const rows = [['排名', '代表反馈', '内容摘要', '业务领域', '期间新增同类反馈', '累计反映人数'], ...ranked.map(([id, count], i) => {
    const label = named[id];
    return [i + 1, label?.trackingNo ?? id, label?.excerpt ?? '—', domainNames[label?.domain] ?? label?.domain ?? '—', count, label?.members ?? '—'];
  })];
  return {
    title: '热点问题（同类反馈新增最多）', rows,
    option: { tooltip: { trigger: 'axis' }, grid: { containLabel: true }, xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.slice(1).map((r) => r[1]) },
      series: [{ name: '期间新增同类反馈', type: 'bar', data: ranked.map(([, count]) => count) }] },
  };
}

/** The Beijing day {@code n} days after (or before) the day {@code iso} (yyyy-MM-dd). */
export function addDays(iso, n) {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + n)).toISOString().slice(0, 10);
}

function daysFrom(from, to) {
  const days = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * Each domain's days in the range whose volume is above {@link SPIKE_FACTOR} times the mean of the {@link TRAILING_DAYS}
 * days before it (days without feedback count as 0; a mean under 1 counts as 1, so a quiet domain's few reports are no
 * spike), by day, then domain.
 */
export function spikes(summary, from, to) {
  const found = [];
  for (const [domain, volumes] of Object.entries(summary.domainDays)) {
    for (const day of daysFrom(from, to)) {
      const volume = volumes[day] ?? 0;
      let trailing = 0;
      for (let back = 1; back <= TRAILING_DAYS; back++) trailing += volumes[addDays(day, -back)] ?? 0;
      const mean = trailing / TRAILING_DAYS;
      if (volume > SPIKE_FACTOR * Math.max(mean, 1)) found.push({ day, domain, volume, mean });
    }
  }
  return found.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
}

/** Daily volume per domain in the range, the spikes marked on the lines and listed in the table. */
export function spikeChart(summary, from, to, domainNames = {}) {
  const days = daysFrom(from, to);
  const found = spikes(summary, from, to);
  const domains = Object.keys(summary.domainDays).filter((d) => days.some((day) => summary.domainDays[d][day])).sort();
  const rows = [['日期', '业务领域', '当日反馈量', '前7日日均', '倍数'], ...found.map((s) => [s.day, domainNames[s.domain] ?? s.domain, s.volume,
    Number(s.mean.toFixed(1)), s.mean > 0 ? `${(s.volume / s.mean).toFixed(1)}倍` : '前7日无反馈'])];
  return {
    title: `业务领域突增（当日量超过前${TRAILING_DAYS}日日均${SPIKE_FACTOR}倍）`, rows,
    option: { tooltip: { trigger: 'axis' }, legend: { type: 'scroll' }, grid: { containLabel: true }, xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', name: '反馈量', minInterval: 1 },
      series: domains.map((domain) => ({ name: domainNames[domain] ?? domain, type: 'line', data: days.map((day) => summary.domainDays[domain][day] ?? 0),
        markPoint: { symbol: 'pin', data: found.filter((s) => s.domain === domain).map((s) => ({ name: '突增', coord: [s.day, s.volume], value: s.volume })) } })) },
  };
}

/** A table as CSV (RFC 4180 quoting), with a byte-order mark so spreadsheet programs read the Chinese correctly. */
export function toCsv(rows) {
  const cell = (value) => {
    const text = String(value ?? '');
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** The first and last Beijing day of a month given as yyyy-MM. */
export function monthRange(month) {
  const [year, number] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/**
 * The monthly bulletin (月度通报) from the same figures as the dashboard: a headline paragraph and the tables a printed
 * report carries (departments ranked, backlog, percentiles).
 */
export function bulletin(summary, statusNames, departmentNames, month) {
  const [year, number] = month.split('-').map(Number);
  const total = (kind, field) => Object.values(summary.clocks[kind] ?? {}).reduce((sum, clock) => sum + clock[field], 0);
  const onTime = (kind) => ratio(total(kind, 'n') - total(kind, 'late'), total(kind, 'n'));
  const received = Object.values(summary.received).reduce((a, b) => a + b, 0);
  const open = Object.values(summary.departments).reduce((sum, d) => sum + d.open, 0);
  const days = Object.values(summary.days);
  const rated = days.reduce((sum, d) => sum + d.rated, 0);
  const satisfaction = ratio(days.reduce((sum, d) => sum + d.satisfied, 0), rated);
  const target = satisfaction === null ? '' : satisfaction >= SATISFACTION_TARGET ? '，达到90%目标' : '，低于90%目标';
  return {
    title: `${year}年${number}月政务服务反馈月度通报`,
    headline: `本月共受理群众反馈${received}件，尚未办结${open}件。受理按时率${percent(onTime('ack'))}，办结按时率${percent(onTime('res'))}；`
      + `办结用时中位数${durationWords(percentile(summary.histograms.res, 0.5))}，P90 ${durationWords(percentile(summary.histograms.res, 0.9))}。`
      + `群众评价${rated}件，满意率${percent(satisfaction)}${target}。`,
    tables: [departmentChart(summary, departmentNames), backlogChart(summary, statusNames), percentileChart(summary)]
      .map(({ title, rows }) => ({ title, rows })),
  };
}
