/**
 * Advanced Cart - items, quantities and totals in integer cents.
 *
 * Prices come in as euros (19.99) and are stored as integer cents (1999),
 * so every total is exact: no floating-point drift in the checkout.
 */
const config = require('./cartConfig');
const { toCents, formatCents, describe } = require('./money');

class AdvancedCart {
    constructor() {
        this.items = new Map(); // sku -> { sku, name, unitCents, quantity }
    }

    // --- Items and quantities ---

    addItem(item) {
        if (!item || typeof item !== 'object') {
            throw new TypeError('Item must be an object like { sku, name, price, quantity }');
        }
        const { sku, name, price, quantity = 1 } = item;
        requireText(sku, 'Item sku');
        requireText(name, `Name of ${sku}`);
        if (typeof price !== 'number' || !Number.isFinite(price) || price <= 0) {
            throw new RangeError(`Price of ${sku} must be a number of euros greater than 0, got ${describe(price)}`);
        }
        const unitCents = toCents(price);
        requireQuantity(quantity, sku);

        const existing = this.items.get(sku);
        if (existing && existing.unitCents !== unitCents) {
            throw new Error(`${sku} is already in the cart at ${formatCents(existing.unitCents, config.currency)}`);
        }
        const total = (existing ? existing.quantity : 0) + quantity;
        checkMaxQuantity(total, sku);
        this.items.set(sku, { sku, name, unitCents, quantity: total });
        return this;
    }

    updateQuantity(sku, quantity) {
        const existing = this.items.get(sku);
        if (!existing) {
            throw new Error(`${describe(sku)} is not in the cart`);
        }
        if (quantity === 0) {
            this.items.delete(sku);
            return this;
        }
        requireQuantity(quantity, sku);
        checkMaxQuantity(quantity, sku);
        existing.quantity = quantity;
        return this;
    }

    removeItem(sku) {
        return this.items.delete(sku);
    }

    getItems() {
        return [...this.items.values()].map((line) => ({
            ...line,
            lineCents: line.unitCents * line.quantity,
        }));
    }

    itemCount() {
        let count = 0;
        for (const line of this.items.values()) count += line.quantity;
        return count;
    }

    // --- Totals (integer cents) ---

    subtotalCents() {
        let cents = 0;
        for (const line of this.items.values()) cents += line.unitCents * line.quantity;
        return cents;
    }

    // --- Summary ---

    summary() {
        const money = (cents) => formatCents(cents, config.currency);
        const lines = this.getItems().map(
            (line) => `${line.quantity} x ${line.name} (${money(line.unitCents)}) = ${money(line.lineCents)}`,
        );
        lines.push(`Items: ${this.itemCount()}`);
        lines.push(`Subtotal: ${money(this.subtotalCents())}`);
        return lines.join('\n');
    }
}

function requireText(value, what) {
    if (typeof value !== 'string' || value.trim() === '') {
        throw new TypeError(`${what} must be a non-empty string, got ${describe(value)}`);
    }
}

function requireQuantity(quantity, sku) {
    if (!Number.isInteger(quantity) || quantity < 1) {
        throw new RangeError(`Quantity of ${sku} must be a whole number greater than 0, got ${describe(quantity)}`);
    }
}

function checkMaxQuantity(quantity, sku) {
    if (quantity > config.maxQuantityPerItem) {
        throw new RangeError(`At most ${config.maxQuantityPerItem} of ${sku} per order, got ${quantity}`);
    }
}

module.exports = AdvancedCart;
