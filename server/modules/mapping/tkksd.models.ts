import type { Position } from './tkksd.tables.js';

/**
 * Pure rules of the TKKSD and its liaisons. Dates are inclusive calendar days (WIB) as strings;
 * an open end (null) runs until a later decree ends it.
 */
export type Span = { validFrom: string; validTo: string | null };

export const isValidSpan = (s: Span) => s.validTo === null || s.validTo >= s.validFrom;

export const spansOverlap = (a: Span, b: Span) => (a.validTo === null || a.validTo >= b.validFrom) && (b.validTo === null || b.validTo >= a.validFrom);

export const isActiveOn = (s: Span, day: string) => s.validFrom <= day && (s.validTo === null || s.validTo >= day);

/** Whether `inner` lies inside `outer` (a member's term inside the decree period). */
export const isWithin = (inner: Span, outer: Span) => inner.validFrom >= outer.validFrom && (outer.validTo === null || (inner.validTo !== null && inner.validTo <= outer.validTo));

/** The first other period of the pemda that shares a day with the candidate; periods may not overlap. */
export const overlappingPeriod = <P extends Span & { id: string }>(periods: readonly P[], candidate: Span, exceptId?: string) =>
  periods.find((p) => p.id !== exceptId && spansOverlap(p, candidate));

/** The period in force on a day: at most one, since periods never overlap. */
export const currentPeriod = <P extends Span>(periods: readonly P[], day: string) => periods.find((p) => isActiveOn(p, day)) ?? null;

/** A period has one ketua at a time: another KETUA whose term shares a day with the candidate's refuses it. */
export const ketuaConflict = <M extends Span & { position: Position }>(members: readonly M[], candidate: Span & { position: Position }) =>
  candidate.position === 'KETUA' && members.some((m) => m.position === 'KETUA' && spansOverlap(m, candidate));

/**
 * The identity role a team position grants. There is no separate role for the wakil ketua: they
 * act as a member; the position itself is kept on the team record.
 */
export const POSITION_ROLES: Record<Position, 'TKKSD_KETUA' | 'TKKSD_SEKRETARIS' | 'TKKSD_ANGGOTA'> = {
  KETUA: 'TKKSD_KETUA',
  WAKIL_KETUA: 'TKKSD_ANGGOTA',
  SEKRETARIS: 'TKKSD_SEKRETARIS',
  ANGGOTA: 'TKKSD_ANGGOTA',
};

/** Team order for lists: ketua first, then wakil, sekretaris and anggota, each by name. */
export const byPosition = <M extends { position: Position; personName: string }>(a: M, b: M) =>
  POSITION_ORDER.indexOf(a.position) - POSITION_ORDER.indexOf(b.position) || a.personName.localeCompare(b.personName, 'id');
const POSITION_ORDER: readonly Position[] = ['KETUA', 'WAKIL_KETUA', 'SEKRETARIS', 'ANGGOTA'];

export type Coverage<O> = O & { activeCount: number; belowMinimum: boolean };

/** Active liaisons per OPD on a day and whether each OPD has fewer than the rule pack's minimum. */
export const liaisonCoverage = <O extends { id: string }>(opds: readonly O[], liaisons: readonly (Span & { opdId: string })[], minimum: number, day: string): Coverage<O>[] =>
  opds.map((o) => {
    const activeCount = liaisons.filter((l) => l.opdId === o.id && isActiveOn(l, day)).length;

    return { ...o, activeCount, belowMinimum: activeCount < minimum };
  });

export const warningCount = (coverage: readonly { belowMinimum: boolean }[]) => coverage.filter((c) => c.belowMinimum).length;

/**
 * Where an appointment may end: not before it started (a mistaken appointment is ended on its
 * first day), not after it would have ended anyway.
 */
export const endProblem = (s: Span, endDate: string): 'before_start' | 'after_end' | null =>
  endDate < s.validFrom ? 'before_start' : s.validTo !== null && endDate > s.validTo ? 'after_end' : null;

/** The calendar day after `day` (a successor starts the day after the departing person's last day). */
export const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
