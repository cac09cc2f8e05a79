import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectiveRules, NATIONAL_DEFAULTS } from '../cooperations/rulepack.models.js';
import { actionFrom, defaultSchedule, guardBlock, isLate, mappingEnd, mayAdvance, scheduleProblems, type ParticipantFacts } from './cycles.models.js';

const config = NATIONAL_DEFAULTS.mappingStages.stages;
const p = (orgId: string, status: ParticipantFacts['status'], deadline = '2026-05-15'): ParticipantFacts => ({ orgId, status, deadline });
const facts = (participants: ParticipantFacts[], today = '2026-05-01') => ({ today, participants, answerDeadline: '2026-05-15' });

describe('mapping cycle stages', () => {
  it('lays the stages back to back from the start day with the rule pack lengths', () => {
    const s = defaultSchedule(config, '2026-03-02');
    assert.deepEqual(
      s.map((x) => [x.stage, x.plannedStart, x.plannedEnd]),
      [
        ['PERSIAPAN', '2026-03-02', '2026-03-31'],
        ['PROSES_PEMETAAN', '2026-04-01', '2026-05-15'],
        ['PENYUSUNAN_PEMBAHASAN', '2026-05-16', '2026-06-14'],
        ['PENETAPAN', '2026-06-15', '2026-07-14'],
      ],
    );
    assert.equal(mappingEnd(s), '2026-05-15');
    assert.deepEqual(s[1]!.responsibleRoles, ['PPKSD', 'OPD_HEAD']);
    assert.deepEqual(scheduleProblems(s), []);
  });

  it('refuses a schedule out of order or ending before it starts', () => {
    const s = defaultSchedule(config, '2026-03-02');
    assert.deepEqual(scheduleProblems([s[1]!, s[0]!, s[2]!, s[3]!]), [{ path: 'schedule', code: 'stage_order' }]);
    assert.deepEqual(scheduleProblems(s.map((x, i) => (i === 2 ? { ...x, plannedEnd: '2026-01-01' } : x))), [{ path: 'schedule.2.plannedEnd', code: 'period' }]);
    assert.deepEqual(scheduleProblems(s.map((x, i) => (i === 3 ? { ...x, plannedStart: '2026-05-01' } : x))), [{ path: 'schedule.3.plannedStart', code: 'overlap' }]);
  });

  it('has one named action per stage, none after DITETAPKAN', () => {
    assert.equal(actionFrom('PERSIAPAN'), 'start_mapping');
    assert.equal(actionFrom('PROSES_PEMETAAN'), 'start_discussion');
    assert.equal(actionFrom('PENYUSUNAN_PEMBAHASAN'), 'start_determination');
    assert.equal(actionFrom('PENETAPAN'), 'determine');
    assert.equal(actionFrom('DITETAPKAN'), null);
  });

  it('guards start_mapping: participants and a deadline still ahead', () => {
    assert.deepEqual(guardBlock('start_mapping', facts([])), { code: 'no_participants' });
    assert.deepEqual(guardBlock('start_mapping', facts([p('a', 'NOT_STARTED')], '2026-05-16')), { code: 'deadline_passed' });
    assert.equal(guardBlock('start_mapping', facts([p('a', 'NOT_STARTED')])), null);
  });

  it('guards start_discussion: every OPD answered, or its own deadline passed', () => {
    assert.deepEqual(guardBlock('start_discussion', facts([p('a', 'SUBMITTED'), p('b', 'DRAFT'), p('c', 'RETURNED', '2026-05-20')], '2026-05-16')), { code: 'answers_outstanding', orgIds: ['c'] });
    assert.equal(guardBlock('start_discussion', facts([p('a', 'SUBMITTED'), p('b', 'DRAFT')], '2026-05-16')), null);
    assert.equal(guardBlock('start_discussion', facts([p('a', 'SUBMITTED'), p('b', 'ACCEPTED')])), null);
  });

  it('guards start_determination and determine', () => {
    assert.deepEqual(guardBlock('start_determination', facts([p('a', 'SUBMITTED'), p('b', 'ACCEPTED')])), { code: 'reviews_pending', orgIds: ['a'] });
    assert.deepEqual(guardBlock('start_determination', facts([p('a', 'DRAFT')])), { code: 'nothing_accepted' });
    assert.equal(guardBlock('start_determination', facts([p('a', 'ACCEPTED'), p('b', 'NOT_STARTED')])), null);
    assert.deepEqual(guardBlock('determine', facts([])), { code: 'plenary_missing' });
    assert.deepEqual(guardBlock('determine', { ...facts([]), plenaryDecided: true }), { code: 'decree_missing' });
    assert.equal(guardBlock('determine', { ...facts([]), plenaryDecided: true, decree: { number: '100.3.3.2/45/2026', date: '2026-07-01' } }), null);
  });

  it('counts an OPD late only after its deadline and while not handed in', () => {
    assert.equal(isLate({ status: 'DRAFT', deadline: '2026-05-15' }, '2026-05-15'), false);
    assert.equal(isLate({ status: 'DRAFT', deadline: '2026-05-15' }, '2026-05-16'), true);
    assert.equal(isLate({ status: 'RETURNED', deadline: '2026-05-15' }, '2026-05-16'), true);
    assert.equal(isLate({ status: 'SUBMITTED', deadline: '2026-05-15' }, '2026-06-01'), false);
  });

  it('gives a rule pack stored before mappingStages existed the shipped stages', () => {
    const { mappingStages: _omitted, ...older } = NATIONAL_DEFAULTS;
    const rules = effectiveRules([{ tenantId: null, version: 1, validFrom: '2020-01-01', rules: older }], null, '2026-03-02');
    assert.deepEqual(rules.mappingStages, NATIONAL_DEFAULTS.mappingStages);
    assert.match(rules.mappingStages.note, /bukan ketentuan hukum/);
  });

  it('lets only the rule pack roles of the stage being closed advance it', () => {
    assert.equal(mayAdvance(['KSD_SECRETARIAT_ADMIN'], config, 'start_mapping'), true);
    assert.equal(mayAdvance(['KSD_SECRETARIAT_ADMIN'], config, 'start_determination'), false);
    assert.equal(mayAdvance(['TKKSD_KETUA'], config, 'start_determination'), true);
    assert.equal(mayAdvance(['PPKSD'], config, 'start_discussion'), false);
  });
});
