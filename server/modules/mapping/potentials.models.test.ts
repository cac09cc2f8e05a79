import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractItems, itemsToInsert, mayPropose, maySetStatus } from './potentials.models.js';
import { DefinitionSchema } from './questionnaires.models.js';

const definition = DefinitionSchema.parse({
  sections: [
    { id: 'profil', title: 'Profil', questions: [{ id: 'nama', type: 'TEXT', label: 'Nama', maps: 'title' }] },
    {
      id: 'potensi',
      title: 'Potensi',
      repeatable: true,
      itemKind: 'POTENSI',
      questions: [
        { id: 'judul', type: 'TEXT', label: 'Judul', maps: 'title' },
        { id: 'uraian', type: 'LONG_TEXT', label: 'Uraian', maps: 'description' },
        { id: 'urusan', type: 'URUSAN', label: 'Urusan', maps: 'urusanCodes' },
        { id: 'lokasi', type: 'REGION', label: 'Lokasi', maps: 'locationCodes' },
        { id: 'biaya', type: 'RUPIAH', label: 'Biaya', maps: 'costEstimateIdr' },
        { id: 'jenis', type: 'SINGLE_CHOICE', label: 'Jenis', maps: 'kind', options: [{ value: 'potensi', label: 'Potensi' }, { value: 'kebutuhan', label: 'Kebutuhan' }] },
        { id: 'catatan', type: 'TEXT', label: 'Catatan' },
      ],
    },
    { id: 'lain', title: 'Daftar tanpa jenis', repeatable: true, questions: [{ id: 'judul', type: 'TEXT', label: 'Judul', maps: 'title' }] },
  ],
});

describe('extractItems', () => {
  it('reads every item of a repeatable section with an itemKind through the questions’ maps', () => {
    const items = extractItems(definition, {
      profil: { nama: 'Bukan butir' },
      potensi: [
        { judul: ' Kopi arabika Baliem ', uraian: 'Kebun rakyat', urusan: ['3.27'], lokasi: ['95.01'], biaya: '1500000', catatan: 'tidak dipetakan' },
        { judul: 'Air bersih', jenis: 'kebutuhan', biaya: '2500000.5' },
      ],
      lain: [{ judul: 'Tanpa itemKind' }],
    });
    assert.equal(items.length, 2);
    assert.deepEqual(items[0], {
      sectionId: 'potensi',
      itemIndex: 0,
      kind: 'POTENSI',
      title: 'Kopi arabika Baliem',
      description: 'Kebun rakyat',
      urusanCodes: ['3.27'],
      issueIds: [],
      locationCodes: ['95.01'],
      candidatePartners: '',
      expectedBenefit: '',
      costEstimateIdr: '1500000.00',
    });
    assert.equal(items[1]!.kind, 'KEBUTUHAN', 'a question mapped to kind overrides the section’s itemKind');
    assert.equal(items[1]!.costEstimateIdr, '2500000.50');
    assert.ok(!JSON.stringify(items).includes('tidak dipetakan'), 'unmapped questions are ignored');
  });

  it('skips empty items and titles an untitled one by its description', () => {
    const items = extractItems(definition, { potensi: [{}, { judul: '  ', urusan: [] }, { uraian: 'Jalan tembus Wamena–Elelim\nuntuk logistik' }, { judul: 'X', biaya: 'banyak' }] });
    assert.deepEqual(
      items.map((i) => [i.itemIndex, i.title, i.costEstimateIdr]),
      [
        [2, 'Jalan tembus Wamena–Elelim', null],
        [3, 'X', null],
      ],
    );
  });

  it('ignores a section answered with something other than a list', () => {
    assert.deepEqual(extractItems(definition, { potensi: { judul: 'x' } }), []);
  });
});

describe('replacing on a new acceptance', () => {
  it('keeps items acted on and does not add them again', () => {
    const extracted = extractItems(definition, { potensi: [{ judul: 'Kopi' }, { judul: 'Air bersih' }] });
    assert.deepEqual(itemsToInsert(extracted, [{ sectionId: 'potensi', title: ' kopi ', sourceTitle: 'kopi' }]).map((i) => i.title), ['Air bersih']);
    assert.deepEqual(itemsToInsert(extracted, [{ sectionId: 'potensi', title: 'Kopi arabika (dikoreksi TKKSD)', sourceTitle: 'Kopi' }]).map((i) => i.title), ['Air bersih'], 'recognised by the title the OPD wrote');
    assert.deepEqual(itemsToInsert(extracted, [{ sectionId: 'lain', title: 'Kopi', sourceTitle: 'Kopi' }]).length, 2);
  });
});

describe('status rules', () => {
  it('leaves a followed-through item alone and proposes only what was prioritised or adopted', () => {
    assert.equal(maySetStatus('DITINDAKLANJUTI'), false);
    assert.equal(maySetStatus('DIBATALKAN'), true);
    assert.deepEqual((['DIUSULKAN', 'DIPRIORITASKAN', 'DITETAPKAN', 'DIBATALKAN', 'DITINDAKLANJUTI'] as const).filter(mayPropose), ['DIPRIORITASKAN', 'DITETAPKAN', 'DITINDAKLANJUTI']);
  });
});
