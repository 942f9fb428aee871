/** The theme's format of a last-updated date (day, short month, year, UTC) in a locale. */
export function lastUpdatedText(locale: string, isoDate: string): string {
  return new Intl.DateTimeFormat(locale, {day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC'}).format(
    new Date(isoDate),
  );
}
