// The dashboard's figures and chart options from plain aggregate data, without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarise, backlogChart, complianceChart, durationChart, satisfactionChart, departmentChart, toCsv, SATISFACTION_TARGET }
  from '../../main/resources/META-INF/resources/console/charts.js';

// counts come per department summed over the range; ratings per day
const DASHBOARD = {
  from: '2026-12-01', to: '2026-12-02',
  counts: [
    { department: 'HRSS_BUREAU', counters: { 'n.RED.IN_PROGRESS': 2, 'n.RED.RESOLVED': 3, 'n.ORANGE.SUBMITTED': 0,
      'ack.RED.n': 5, 'ack.RED.ms': 5 * 1800000, 'ack.RED.late': 1, 'res.RED.n': 3, 'res.RED.ms': 3 * 7200000, 'res.RED.late': 0 } },
    { department: 'HOUSING_FUND_CENTER', counters: { 'n.ORANGE.SUBMITTED': 4, 'n.RED.IN_PROGRESS': 1, 'res.ORANGE.n': 2,
      'res.ORANGE.ms': 2 * 36000000, 'res.ORANGE.late': 1 } },
  ],
  ratings: [
    { day: '2026-12-02', department: 'HRSS_BUREAU', counters: { 'score.5': 8, 'score.4': 1, 'score.1': 1 } },
    { day: '2026-12-01', department: 'HRSS_BUREAU', counters: { 'score.2': 1 } },
  ],
};
const summary = summarise(DASHBOARD);
const STATUS_NAMES = { IN_PROGRESS: '处理中', SUBMITTED: '待审核' };

test('the backlog counts unfinished cases by status and colour across departments', () => {
  const chart = backlogChart(summary, STATUS_NAMES);
  assert.deepEqual(chart.rows, [['状态', '红色', '橙色', '黄色', '蓝色', '合计'], ['处理中', 3, 0, 0, 0, 3], ['待审核', 0, 4, 0, 0, 4]]);
  assert.deepEqual(chart.option.series[0].data, [3, 0]);
  assert.equal(chart.option.series[0].stack, 'backlog');
});

test('on-time rates and mean times come from the stopped clocks', () => {
  assert.deepEqual(complianceChart(summary).rows[1], ['红色', '80.0%', '100.0%']);
  assert.deepEqual(complianceChart(summary).rows[2], ['橙色', '—', '50.0%']);
  assert.deepEqual(durationChart(summary).rows.slice(1, 3), [['红色', 0.5, 2], ['橙色', '—', 10]]);
});

test('satisfaction is ratings 4 and 5 over all ratings, per day, against the 90% target', () => {
  const chart = satisfactionChart(summary);
  assert.deepEqual(chart.rows.slice(1), [['2026-12-01', 1, 0, '0.0%'], ['2026-12-02', 10, 9, '90.0%']]);
  assert.equal(chart.option.series[0].markLine.data[0].yAxis, SATISFACTION_TARGET * 100);
});

test('departments are ranked by resolve on-time rate', () => {
  const chart = departmentChart(summary, { HRSS_BUREAU: '市人社局' });
  assert.deepEqual(chart.rows.slice(1), [['市人社局', 5, 2, '100.0%'], ['HOUSING_FUND_CENTER', 5, 5, '50.0%']]);
});

test('hot issues rank the clusters by reports in the range, then by id, named by their first feedback', async () => {
  const { clusterChart, topClusters } = await import('../../main/resources/META-INF/resources/console/charts.js');
  const withClusters = summarise({ ...DASHBOARD, clusters: [
    { department: 'HRSS_BUREAU', counters: { 'c.K2': 3, 'c.K1': 1, 'c.K9': 0 } },
    { department: 'HOUSING_FUND_CENTER', counters: { 'c.K1': 2, 'c.K3': 1 } },
  ] });
  assert.deepEqual(withClusters.clusters, { K2: 3, K1: 3, K9: 0, K3: 1 });
  assert.deepEqual(topClusters(withClusters.clusters, 2), [['K1', 3], ['K2', 3]], 'a tie goes to the smaller id; K9 has no report');
  const chart = clusterChart(withClusters, [{ clusterId: 'K1', trackingNo: '261202-AAAA-BBBB', excerpt: '社保卡闪退', domain: 'SOCIAL_INSURANCE', members: 4 }],
    { SOCIAL_INSURANCE: '社会保险' });
  assert.deepEqual(chart.rows, [['排名', '代表反馈', '内容摘要', '业务领域', '期间新增同类反馈', '累计反映人数'],
    [1, '261202-AAAA-BBBB', '社保卡闪退', '社会保险', 3, 4], [2, 'K2', '—', '—', 3, '—'], [3, 'K3', '—', '—', 1, '—']]);
  assert.deepEqual(chart.option.series[0].data, [3, 3, 1]);
  assert.deepEqual(chart.option.yAxis.data, ['261202-AAAA-BBBB', 'K2', 'K3']);
});

test('a spike is a day above three times the mean of the seven days before it, a mean under 1 counting as 1', async () => {
  const { spikes, spikeChart, addDays } = await import('../../main/resources/META-INF/resources/console/charts.js');
  assert.equal(addDays('2026-12-01', -1), '2026-11-30');
  assert.equal(addDays('2028-02-28', 1), '2028-02-29');
  const day = (d, domain, fb) => ({ day: d, domain, counters: { fb } });
  const withDomains = summarise({ ...DASHBOARD, domains: [
    // the week before: 14 reports, a mean of 2; 7 is above 6, 6 is not
    ...['11-24', '11-25', '11-26', '11-27', '11-28', '11-29', '11-30'].map((d) => day(`2026-${d}`, 'SOCIAL_INSURANCE', 2)),
    day('2026-12-01', 'SOCIAL_INSURANCE', 7), day('2026-12-02', 'SOCIAL_INSURANCE', 6),
    // a quiet domain: 3 is not above 3 × 1, 4 is
    day('2026-12-01', 'HOUSING_FUND', 3), day('2026-12-02', 'HOUSING_FUND', 4),
  ] });
  assert.deepEqual(spikes(withDomains, '2026-12-01', '2026-12-02'), [
    { day: '2026-12-01', domain: 'SOCIAL_INSURANCE', volume: 7, mean: 2 },
    { day: '2026-12-02', domain: 'HOUSING_FUND', volume: 4, mean: 3 / 7 }]);
  const chart = spikeChart(withDomains, '2026-12-01', '2026-12-02', { SOCIAL_INSURANCE: '社会保险', HOUSING_FUND: '住房公积金' });
  assert.deepEqual(chart.rows, [['日期', '业务领域', '当日反馈量', '前7日日均', '倍数'], ['2026-12-01', '社会保险', 7, 2, '3.5倍'],
    ['2026-12-02', '住房公积金', 4, 0.4, '9.3倍']]);
  assert.deepEqual(chart.option.xAxis.data, ['2026-12-01', '2026-12-02'], 'the trailing week is read, not shown');
  assert.deepEqual(chart.option.series.map((s) => [s.name, s.data, s.markPoint.data.map((p) => p.coord)]), [
    ['住房公积金', [3, 4], [['2026-12-02', 4]]], ['社会保险', [7, 6], [['2026-12-01', 7]]]]);
});

test('CSV quotes what needs quoting and starts with a byte-order mark', () => {
  assert.equal(toCsv([['部门', '说明'], ['市人社局', '含,逗号与"引号"']]), '\uFEFF部门,说明\r\n市人社局,"含,逗号与""引号"""\r\n');
});

test('acknowledge and resolve percentiles come from the duration histograms summed across departments', async () => {
  const { percentile, percentileChart, durationWords } = await import('../../main/resources/META-INF/resources/console/charts.js');
  const withHistograms = summarise({ ...DASHBOARD, counts: [
    ...DASHBOARD.counts,
    { department: 'HRSS_BUREAU', counters: { 'ack.h.le30': 5, 'res.h.le120': 1, 'res.h.le480': 2 } },
    { department: 'HOUSING_FUND_CENTER', counters: { 'res.h.le2880': 1, 'res.h.over43200': 1 } },
  ] });
  assert.deepEqual(withHistograms.histograms.res, { le120: 1, le480: 2, le2880: 1, over43200: 1 });
  assert.equal(withHistograms.clocks.ack.h, undefined, 'histogram counters are not a colour');
  // resolve times, 5 clocks: the 3rd (p50) is in le480, the 5th (p90 = 4.5th) in the overflow bucket
  assert.deepEqual(percentile(withHistograms.histograms.res, 0.5), { minutes: 480, over: false });
  assert.deepEqual(percentile(withHistograms.histograms.res, 0.9), { minutes: 43200, over: true });
  assert.deepEqual(percentile({ le15: 1, le1440: 9 }, 0.1), { minutes: 15, over: false });
  assert.equal(percentile({}, 0.5), null);
  assert.deepEqual(percentileChart(withHistograms).rows, [
    ['指标', 'P50（中位数）', 'P90', '样本数'], ['受理用时', '≤ 30分钟', '≤ 30分钟', 5], ['办结用时', '≤ 8小时', '> 30天', 5]]);
  assert.deepEqual(percentileChart(withHistograms).option.series[0].data, [0.5, 8]);
  assert.equal(durationWords({ minutes: 4320, over: false }), '≤ 3天');
});

test('the department filter narrows every figure to that department\'s items', async () => {
  const { forDepartment } = await import('../../main/resources/META-INF/resources/console/charts.js');
  const housing = summarise(forDepartment({ ...DASHBOARD,
    clusters: [{ department: 'HRSS_BUREAU', counters: { 'c.K1': 1 } }, { department: 'HOUSING_FUND_CENTER', counters: { 'c.K2': 2 } }],
    domains: [{ day: '2026-12-01', domain: 'HOUSING_FUND', counters: { fb: 2 } }, { day: '2026-12-01', domain: 'SOCIAL_INSURANCE', counters: { fb: 5 } }],
  }, 'HOUSING_FUND_CENTER', { HOUSING_FUND: 'HOUSING_FUND_CENTER', SOCIAL_INSURANCE: 'HRSS_BUREAU' }));
  assert.deepEqual(Object.keys(housing.departments), ['HOUSING_FUND_CENTER']);
  assert.deepEqual(housing.received, { ORANGE: 4, RED: 1 });
  assert.deepEqual(housing.days, {}, 'its department has no ratings in the range');
  assert.deepEqual(housing.clusters, { K2: 2 });
  assert.deepEqual(housing.domainDays, { HOUSING_FUND: { '2026-12-01': 2 } }, 'the domains it leads');
  assert.equal(forDepartment(DASHBOARD, ''), DASHBOARD);
});

test('the monthly bulletin states the month\'s figures in words and carries the ranking, backlog and percentile tables', async () => {
  const { bulletin, monthRange } = await import('../../main/resources/META-INF/resources/console/charts.js');
  assert.deepEqual(monthRange('2026-02'), { from: '2026-02-01', to: '2026-02-28' });
  assert.deepEqual(monthRange('2028-02'), { from: '2028-02-01', to: '2028-02-29' });
  assert.deepEqual(monthRange('2026-12'), { from: '2026-12-01', to: '2026-12-31' });
  const report = bulletin(summary, STATUS_NAMES, { HRSS_BUREAU: '人社局', HOUSING_FUND_CENTER: '公积金中心' }, '2026-12');
  assert.equal(report.title, '2026年12月政务服务反馈月度通报');
  // received 5 + 5 (one ORANGE SUBMITTED is 0); open 2 + 5; ack 4 of 5 on time; res 4 of 5 on time; 9 of 11 ratings satisfied
  assert.equal(report.headline, '本月共受理群众反馈10件，尚未办结7件。受理按时率80.0%，办结按时率80.0%；'
    + '办结用时中位数—，P90 —。群众评价11件，满意率81.8%，低于90%目标。');
  assert.deepEqual(report.tables.map((t) => t.title), [departmentChart(summary, {}).title, backlogChart(summary, STATUS_NAMES).title, '受理与办结用时分位数']);
  assert.deepEqual(report.tables[1].rows, backlogChart(summary, STATUS_NAMES).rows);
});
