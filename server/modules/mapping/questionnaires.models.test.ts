import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DefinitionSchema } from './questionnaires.models.js';
import { DEFAULT_QUESTIONNAIRE } from './questionnaires.usecases.js';

const q = (extra: Record<string, unknown>) => ({ id: 'q1', label: 'Pertanyaan', ...extra });
const def = (questions: unknown[], section: Record<string, unknown> = {}) => ({ sections: [{ id: 's1', title: 'Bagian', questions, ...section }] });
const issues = (v: unknown) => {
  const r = DefinitionSchema.safeParse(v);

  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('questionnaire definitions', () => {
  it('accepts the shipped default with its repeatable, machine-readable sections', () => {
    const d = DEFAULT_QUESTIONNAIRE.definition;
    assert.deepEqual(d.sections.map((s) => [s.id, s.repeatable, s.itemKind ?? null]), [
      ['potensi', true, 'POTENSI'],
      ['permasalahan', true, 'PERMASALAHAN'],
      ['kebutuhan', true, 'KEBUTUHAN'],
      ['kesiapan', false, null],
    ]);
    const potensi = d.sections[0]!.questions;
    for (const maps of ['title', 'description', 'urusanCodes', 'issueIds', 'locationCodes', 'candidatePartners', 'expectedBenefit', 'costEstimateIdr'])
      assert.ok(potensi.some((x) => x.maps === maps), `potensi maps ${maps}`);
    assert.deepEqual([...new Set(d.sections.flatMap((s) => s.questions.map((x) => x.type)))].sort(), ['FILE', 'LONG_TEXT', 'MULTIPLE_CHOICE', 'NUMBER', 'REGION', 'RUPIAH', 'SINGLE_CHOICE', 'STRATEGIC_ISSUE', 'TEXT', 'URUSAN']);
  });

  it('is strict: unknown keys and types are refused', () => {
    assert.ok(issues(def([q({ type: 'TEXT', colour: 'red' })])).length > 0);
    assert.ok(issues(def([q({ type: 'DATE' })])).length > 0);
    assert.ok(issues({ sections: [], extra: 1 }).length > 0);
  });

  it('needs two distinct options on choice questions and none elsewhere', () => {
    assert.match(issues(def([q({ type: 'SINGLE_CHOICE', options: [{ value: 'a', label: 'A' }] })])).join(), /at least two options/);
    assert.match(issues(def([q({ type: 'MULTIPLE_CHOICE', options: [{ value: 'a', label: 'A' }, { value: 'a', label: 'B' }] })])).join(), /unique/);
    assert.match(issues(def([q({ type: 'TEXT', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] })])).join(), /only choice/);
    assert.deepEqual(issues(def([q({ type: 'SINGLE_CHOICE', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] })])), []);
  });

  it('checks ids, ranges and repeatable-only settings', () => {
    assert.match(issues(def([q({ type: 'TEXT' }), q({ type: 'NUMBER' })])).join(), /duplicate question id/);
    assert.match(issues({ sections: [def([q({ type: 'TEXT' })]).sections[0], def([q({ type: 'TEXT' })]).sections[0]] }).join(), /duplicate section id/);
    assert.ok(issues(def([q({ id: 'Bad Id', type: 'TEXT' })])).length > 0);
    assert.match(issues(def([q({ type: 'NUMBER', min: 5, max: 1 })])).join(), /max below min/);
    assert.match(issues(def([q({ type: 'TEXT', min: 1 })])).join(), /number questions/);
    assert.match(issues(def([q({ type: 'TEXT' })], { itemKind: 'POTENSI' })).join(), /repeatable/);
  });
});
