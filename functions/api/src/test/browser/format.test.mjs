// The console's pure helpers, without a browser: countdowns, overdue, and the API's refusals in words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countdown, isOverdue, refusalInWords, clockState, beijingTime } from '../../main/resources/META-INF/resources/console/format.js';

const NOW = Date.parse('2026-12-02T12:00:00Z');

test('a countdown says how long is left, or how late it is, and flags the last two hours', () => {
  assert.deepEqual(countdown('2026-12-02T14:05:00Z', NOW), { text: '剩余 2小时05分', level: 'later' });
  assert.deepEqual(countdown('2026-12-02T13:30:00Z', NOW), { text: '剩余 1小时30分', level: 'soon' });
  assert.deepEqual(countdown('2026-12-05T13:00:00Z', NOW), { text: '剩余 3天1小时', level: 'later' });
  assert.deepEqual(countdown('2026-12-02T11:59:00Z', NOW), { text: '已超时 1分钟', level: 'overdue' });
  assert.deepEqual(countdown(null, NOW), { text: '无时限', level: 'none' });
});

test('times are shown in Beijing time', () => {
  assert.equal(beijingTime('2026-12-02T12:00:00Z'), '2026/12/02 20:00');
});

test('a feedback is overdue when a clock says so or its nearest deadline has passed', () => {
  assert.equal(isOverdue({ sla: { nearestDueAt: '2026-12-02T11:00:00Z' } }, NOW), true);
  assert.equal(isOverdue({ sla: { nearestDueAt: '2026-12-02T13:00:00Z', resolve: { status: 'OVERDUE' } } }, NOW), true);
  assert.equal(isOverdue({ sla: { nearestDueAt: '2026-12-02T13:00:00Z', resolve: { status: 'OPEN' } } }, NOW), false);
  assert.equal(isOverdue({}, NOW), false);
});

test('a paused clock says it waits for the citizen; a late one says it was late', () => {
  assert.equal(clockState({ status: 'PAUSED' }), '已暂停（等待群众补充）');
  assert.equal(clockState({ status: 'MET', breached: true }), '已完成（超时）');
});

test('refusals are put in words: a refused move names the allowed ones, a field error names the field', () => {
  const names = { SUBMITTED: '待审核', RESOLVED: '已办结', ACCEPTED: '已受理', REJECTED: '不予采纳' };
  assert.equal(refusalInWords(409, { detail: 'SUBMITTED (待审核) cannot move to RESOLVED (已办结); allowed: ACCEPTED, REJECTED', allowed: ['ACCEPTED', 'REJECTED'] }, names),
    '当前状态「待审核」不允许这一变更，未执行。可转为：已受理、不予采纳。');
  assert.equal(refusalInWords(422, { errors: [{ field: 'message', message: 'is required' }] }),
    '填写有误，未执行：回复内容（is required）。');
  assert.match(refusalInWords(404, { detail: 'no feedback x' }), /^找不到该反馈/);
  const labels = { ACCEPTED: '已采纳', IN_DEVELOPMENT: '开发中', LONG_TERM: '长期规划' };
  assert.equal(refusalInWords(409, { detail: 'improvement in ACCEPTED (已采纳) cannot move to RELEASED (已上线); allowed: IN_DEVELOPMENT, LONG_TERM',
    allowed: ['IN_DEVELOPMENT', 'LONG_TERM'] }, labels, '改进'), '当前状态「已采纳」不允许这一变更，未执行。可转为：开发中、长期规划。');
  assert.equal(refusalInWords(422, { errors: [{ field: 'declineReason', message: 'is required' }] }, {}, '改进'),
    '填写有误，未执行：不采纳原因（is required）。');
  assert.match(refusalInWords(404, { detail: 'no improvement x' }, {}, '改进'), /^找不到该改进/);
  assert.match(refusalInWords(403, {}), /无权/);
  assert.match(refusalInWords(503, null), /稍后重试/);
});
