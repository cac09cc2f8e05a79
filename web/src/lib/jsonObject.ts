/** Text an administrator typed as a JSON object (a rule pack, a rubric): the object, or why not. */
export const parseJsonObject = (text: string): { ok: true; value: Record<string, unknown> } | { ok: false; reason: 'invalid' | 'notObject' } => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'notObject' };

  return { ok: true, value: value as Record<string, unknown> };
};
