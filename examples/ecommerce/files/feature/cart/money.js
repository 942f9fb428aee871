/**
 * Money helpers: every amount in the cart is an integer number of cents.
 *
 * Why: JavaScript numbers are binary floating point, so 0.1 + 0.2 gives
 * 0.30000000000000004. Integer cents add up exactly: 10 + 20 === 30.
 */

/** A readable form of any value for error messages. */
function describe(value) {
    return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Converts euros (a finite number with at most 2 decimals) to integer cents. */
function toCents(amount) {
    if (typeof amount !== 'number' || !Number.isFinite(amount)) {
        throw new TypeError(`Amount must be a finite number of euros, got ${describe(amount)}`);
    }
    const cents = Math.round(amount * 100);
    // 19.99 * 100 is 1998.9999999999998: rounding recovers 1999, but 19.999 is not a price.
    if (Math.abs(amount * 100 - cents) > 1e-6) {
        throw new RangeError(`Amount must have at most 2 decimals, got ${amount}`);
    }
    if (!Number.isSafeInteger(cents)) {
        throw new RangeError(`Amount is too large, got ${amount}`);
    }
    return cents;
}

/** Formats integer cents for people: 1999 -> "19.99 EUR", -500 -> "-5.00 EUR". */
function formatCents(cents, currency = 'EUR') {
    if (!Number.isSafeInteger(cents)) {
        throw new TypeError(`Cents must be a whole number, got ${describe(cents)}`);
    }
    const sign = cents < 0 ? '-' : '';
    const abs = Math.abs(cents);
    const euros = Math.floor(abs / 100);
    const rest = String(abs % 100).padStart(2, '0');
    return `${sign}${euros}.${rest} ${currency}`;
}

module.exports = { toCents, formatCents, describe };
