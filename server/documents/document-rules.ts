/** Proofs must be under 3 months old on the day the reviewer accepts them (domain.md). */
export const PROOF_MAX_AGE_MONTHS = 3;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/**
 * The oldest issue date still accepted on `today` (a UTC day): the same day 3 months earlier, the month's last
 * day when that month is shorter (31 May → 28 February).
 */
export function oldestAcceptedIssue(today: Date): string {
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth() - PROOF_MAX_AGE_MONTHS;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(today.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

/** Why a proof's issue date is refused on `today`, or null when it is fine. */
export function proofDateProblem(issuedOn: string, today: Date): 'proof_date_invalid' | 'proof_in_future' | 'proof_too_old' | null {
  if (!isCalendarDay(issuedOn)) return 'proof_date_invalid';
  if (issuedOn > today.toISOString().slice(0, 10)) return 'proof_in_future';
  if (issuedOn < oldestAcceptedIssue(today)) return 'proof_too_old';
  return null;
}
