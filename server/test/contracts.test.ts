import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { test } from 'node:test';
import { CONTRACT_JSON, CONTRACT_TYPES, fetchOpenApiDocument, generateTypes, serializeDocument } from '../../scripts/contracts.js';

const STALE = 'the API contract is out of date: run npm run contracts';

test('the committed API contract matches the OpenAPI document the app serves', async () => {
  const live = serializeDocument(await fetchOpenApiDocument());
  const committed = await fs.readFile(CONTRACT_JSON, 'utf8').catch(() => '');

  assert.ok(committed === live, STALE);
});

test('the web types are generated from the committed API contract', async () => {
  const committed = await fs.readFile(CONTRACT_JSON, 'utf8').catch(() => '');
  const types = await fs.readFile(CONTRACT_TYPES, 'utf8').catch(() => '');

  assert.ok(committed !== '' && types === (await generateTypes(committed)), STALE);
});
