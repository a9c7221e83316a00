/** Names compared as sets of words, accents, case, hyphens and order ignored: "LEFÈVRE Élodie" = "Elodie Lefevre". */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .sort();
}

export function namesMatch(onDocument: string, onAccount: string): boolean {
  const a = nameWords(onDocument);
  const b = nameWords(onAccount);
  return a.length > 0 && a.length === b.length && a.every((w, i) => w === b[i]);
}

/** An identity document must not be expired on the day it is reviewed. */
export function notExpired(expiry: string, today: Date): boolean {
  return expiry >= today.toISOString().slice(0, 10);
}
