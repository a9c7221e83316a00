import type { ActivityKind } from '../api';

export const COLORS: Record<ActivityKind, string> = {
  swaps: '#c0392b',
  twoFactorDisablements: '#8e44ad',
  emailReplacements: '#d68910',
  unmasks: '#2874a6',
  searches: '#7f8c8d',
  reviews: '#229954',
};

export const DAY_MS = 86_400_000;

/** `<input type="date">` value (local calendar day) ↔ ISO instant at the start of that UTC day. */
export const dayInput = (date: Date) => date.toISOString().slice(0, 10);
export const startOfUtcDay = (day: string) => new Date(`${day}T00:00:00.000Z`);

export function periodOf(days: number) {
  const today = dayInput(new Date());
  const to = new Date(startOfUtcDay(today).getTime() + DAY_MS);
  return { from: dayInput(new Date(to.getTime() - days * DAY_MS)), to: today };
}

/** Every UTC day of the period, so a quiet day shows as an empty bar rather than disappearing. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = new Date(from).getTime(); t < new Date(to).getTime() && days.length < 93; t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
