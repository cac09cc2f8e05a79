import { describe, expect, it } from 'vitest';
import { parseJsonObject } from './jsonObject';

describe('parseJsonObject', () => {
  it('returns an object and names what is wrong with anything else', () => {
    expect(parseJsonObject('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonObject('{"a": ')).toEqual({ ok: false, reason: 'invalid' });
    for (const text of ['[1]', 'null', '3', '"x"']) expect(parseJsonObject(text)).toEqual({ ok: false, reason: 'notObject' });
  });
});
