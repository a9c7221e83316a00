import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** What an unverified caller's agent may see: enough to talk about the right address, not enough to use it. */
export function maskEmail(email: string | null): string | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${local[0]}***@${host[0] ?? ''}***${tld}`;
}

/** `+33 6 ** ** ** 12`: country code, first national digit and the last two digits stay. */
export function maskPhone(e164: string | null): string | null {
  if (!e164) return null;
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return '***';
  const formatted = parsed.formatInternational();
  const prefix = `+${parsed.countryCallingCode}`;
  const national = formatted.slice(prefix.length);
  const digitsTotal = national.replace(/\D/g, '').length;
  let seen = 0;
  const masked = national.replace(/\d/g, (d) => {
    seen += 1;
    return seen === 1 || seen > digitsTotal - 2 ? d : '*';
  });
  return prefix + masked;
}

/** Postal codes keep their first two characters (the French département), the rest is hidden. */
export function maskPostalCode(code: string | null): string | null {
  if (!code) return null;
  return code.slice(0, 2) + '*'.repeat(Math.max(0, code.length - 2));
}

export function maskText(value: string | null): string | null {
  if (!value) return null;
  return `${value[0]}***`;
}
