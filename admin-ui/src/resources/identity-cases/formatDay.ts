/** A calendar date (YYYY-MM-DD) in the console's language, never shifted by the time zone. */
export const formatDay = (day: string, locale: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : date.toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' });
};
