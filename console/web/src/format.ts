// Words and numbers as an officer reads them.

/** "3 h 20 min", "2 d 4 h": how long something has waited. */
export function ageOf(isoInstant: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(isoInstant)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** An instant as "2026-05-31 10:00 UTC": one zone for every bank's officers. */
export function instant(isoInstant: string): string {
  return `${isoInstant.slice(0, 10)} ${isoInstant.slice(11, 16)} UTC`;
}

/** A decimal amount with thin grouping, never through a float. */
export function amount(decimal: string): string {
  return decimal.replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009');
}

/** "BankAMSP" → "BankA". */
export function bankName(mspId: string): string {
  return mspId.endsWith('MSP') ? mspId.slice(0, -3) : mspId;
}

/** A ledger identity id (the certificate's subject and issuer) as the subject's CN, which a colleague recognises. */
export function personName(identityId: string): string {
  return /CN=([^/:]+)/.exec(identityId)?.[1] ?? identityId;
}
