/**
 * The Luhn check digit that ends every ICCID and IMEI: one home for the simulator, which makes
 * them, and for the recognition of identifiers in files and in Find Card, which checks them.
 */

/** The check digit for a string of digits. */
export function luhnDigit(body: string): number {
  let sum = 0;
  let double = true;
  for (let i = body.length - 1; i >= 0; i--) {
    let d = body.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return (10 - (sum % 10)) % 10;
}

/** Whether the last digit of `digits` is the Luhn check digit of the others. */
export function luhnValid(digits: string): boolean {
  return /^\d{2,}$/.test(digits) && luhnDigit(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48;
}
