import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerProblems, referencesIn } from './answers.models.js';
import { DefinitionSchema } from './questionnaires.models.js';

const definition = DefinitionSchema.parse({
  sections: [
    {
      id: 'umum',
      title: 'Umum',
      questions: [
        { id: 'nama', type: 'TEXT', label: 'Nama', required: true },
        { id: 'jenis', type: 'SINGLE_CHOICE', label: 'Jenis', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
        { id: 'mitra', type: 'MULTIPLE_CHOICE', label: 'Mitra', options: [{ value: 'x', label: 'X' }, { value: 'y', label: 'Y' }] },
        { id: 'jumlah', type: 'NUMBER', label: 'Jumlah', min: 0, max: 10 },
        { id: 'biaya', type: 'RUPIAH', label: 'Biaya' },
      ],
    },
    {
      id: 'potensi',
      title: 'Potensi',
      repeatable: true,
      itemKind: 'POTENSI',
      maxItems: 2,
      questions: [
        { id: 'judul', type: 'TEXT', label: 'Judul', required: true },
        { id: 'urusan', type: 'URUSAN', label: 'Urusan', required: true },
        { id: 'lokasi', type: 'REGION', label: 'Lokasi' },
        { id: 'lampiran', type: 'FILE', label: 'Lampiran' },
      ],
    },
  ],
});

const codes = (answers: Record<string, unknown>, submit = true) => answerProblems(definition, answers as never, submit).map((p) => `${p.path}:${p.code}`);

describe('answers against the questionnaire', () => {
  it('lets a draft leave required questions empty but not a submission', () => {
    assert.deepEqual(codes({}, false), []);
    assert.deepEqual(codes({}), ['answers.umum.nama:required']);
    assert.deepEqual(codes({ umum: { nama: '  ' }, potensi: [{ judul: 'Kopi' }] }), ['answers.umum.nama:required', 'answers.potensi.0.urusan:required']);
  });

  it('checks each type', () => {
    assert.deepEqual(
      codes({ umum: { nama: 5, jenis: 'c', mitra: ['x', 'z'], jumlah: 11, biaya: '1.500.000' } }),
      ['answers.umum.nama:wrong_type', 'answers.umum.jenis:not_an_option', 'answers.umum.mitra:not_an_option', 'answers.umum.jumlah:out_of_range', 'answers.umum.biaya:invalid_amount'],
    );
    assert.deepEqual(codes({ umum: { nama: 'x'.repeat(501) } }), ['answers.umum.nama:too_long']);
    assert.deepEqual(codes({ umum: { nama: 'Dinas', jenis: 'a', mitra: ['x', 'y'], jumlah: 3, biaya: '1500000.50' } }), []);
    assert.deepEqual(codes({ umum: { nama: 'Dinas', jumlah: '3' } }), ['answers.umum.jumlah:wrong_type']);
  });

  it('lists repeatable items, refuses too many and unknown keys', () => {
    const item = { judul: 'Kopi', urusan: ['3.27'] };
    assert.deepEqual(codes({ umum: { nama: 'D' }, potensi: [item, item] }), []);
    assert.deepEqual(codes({ umum: { nama: 'D' }, potensi: [item, item, item] }), ['answers.potensi:too_many_items']);
    assert.deepEqual(codes({ umum: { nama: 'D' }, potensi: item }), ['answers.potensi:wrong_type']);
    assert.deepEqual(codes({ umum: { nama: 'D', warna: 'biru' }, lain: {} }), ['answers.lain:unknown_section', 'answers.umum.warna:unknown_question']);
    assert.deepEqual(codes({ umum: { nama: 'D' }, potensi: [{ judul: 'Kopi', urusan: '3.27' }] }), ['answers.potensi.0.urusan:wrong_type']);
  });

  it('finds reference values with their paths for lookup', () => {
    const refs = referencesIn(definition, { potensi: [{ judul: 'Kopi', urusan: ['3.27'], lokasi: ['95.01'], lampiran: ['f1'] }] });
    assert.deepEqual(refs, [
      { path: 'answers.potensi.0.urusan.0', type: 'URUSAN', value: '3.27' },
      { path: 'answers.potensi.0.lokasi.0', type: 'REGION', value: '95.01' },
      { path: 'answers.potensi.0.lampiran.0', type: 'FILE', value: 'f1' },
    ]);
  });
});
