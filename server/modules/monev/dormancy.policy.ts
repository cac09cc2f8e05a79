/**
 * Dormancy escalation, as pure rules. An episode starts on the WIB day a cooperation became
 * "tidak aktif"; step k (0-based) of the rule pack's ladder is reached k × everyDays later, and
 * the ladder stops at its last step. Dates are ISO calendar days (YYYY-MM-DD).
 */

export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The highest step reached on `today`, or null before the episode starts. */
export const stepReached = (episodeStart: string, today: string, everyDays: number, stepCount: number): number | null => {
  if (stepCount < 1 || everyDays < 1) throw new Error('the escalation ladder needs at least one step and a positive interval');
  const days = daysBetween(episodeStart, today);
  if (days < 0) return null;

  return Math.min(stepCount - 1, Math.floor(days / everyDays));
};

/** The day step k is reached. */
export const stepDay = (episodeStart: string, step: number, everyDays: number) => addDays(episodeStart, step * everyDays);

/**
 * What a run does today: notify the highest step reached, if it has not been told in this episode,
 * and record the lower steps it never told as skipped — a late run (a server down for weeks) sends
 * one notice to the step that matters now, not a burst to every step it missed.
 */
export const planEscalation = (p: { episodeStart: string; today: string; everyDays: number; stepCount: number; recorded: ReadonlySet<number> }) => {
  const reached = stepReached(p.episodeStart, p.today, p.everyDays, p.stepCount);
  if (reached === null || p.recorded.has(reached)) return null;
  const skipped: number[] = [];
  for (let k = 0; k < reached; k += 1) if (!p.recorded.has(k)) skipped.push(k);

  return { notify: reached, skipped };
};

/** The same day `months` calendar months later; a day the month lacks rolls back to its last day. */
export const addMonths = (day: string, months: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const month = m - 1 + months;
  const year = y + Math.floor(month / 12);
  const mm = ((month % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, mm + 1, 0)).getUTCDate();

  return new Date(Date.UTC(year, mm, Math.min(d, last))).toISOString().slice(0, 10);
};

/** Whether an item due on `dueDate` is worth a reminder today, and which one. */
export const reminderStatus = (dueDate: string, today: string, dueSoonDays: number): 'DUE_SOON' | 'OVERDUE' | null => {
  if (dueDate < today) return 'OVERDUE';

  return daysBetween(today, dueDate) <= dueSoonDays ? 'DUE_SOON' : null;
};
