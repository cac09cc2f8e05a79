import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// jsdom lays nothing out, so the rules that keep a 360 px phone from scrolling sideways are read
// from the stylesheet itself; the end-to-end journeys measure the real page in Chromium.
const css = fs.readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), 'app.css'), 'utf8');

const declarationsOf = (selector: string) => {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  return [...css.matchAll(new RegExp(`(?:^|\\n)${escaped}\\s*\\{([^}]*)\\}`, 'g'))].map((m) => m[1] ?? '').join(';');
};

describe('stylesheet rules for narrow screens', () => {
  it('keeps the visually hidden labels inside a wide table within its own scroll region', () => {
    // An absolutely positioned element is clipped only by a scroll container that is also its
    // containing block; otherwise the hidden labels at the end of each row widen the whole page.
    expect(declarationsOf('.visually-hidden')).toMatch(/position:\s*absolute/);
    expect(declarationsOf('.table-scroll')).toMatch(/overflow-x:\s*auto/);
    expect(declarationsOf('.table-scroll')).toMatch(/position:\s*relative/);
  });
});
