/**
 * Advanced Cart - items and quantities.
 */
const config = require('./cartConfig');

class AdvancedCart {
    constructor() {
        this.items = new Map(); // sku -> { sku, name, price, quantity }
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
        requireQuantity(quantity, sku);

        const existing = this.items.get(sku);
        if (existing && existing.price !== price) {
            throw new Error(`${sku} is already in the cart at ${existing.price}`);
        }
        const total = (existing ? existing.quantity : 0) + quantity;
        checkMaxQuantity(total, sku);
        this.items.set(sku, { sku, name, price, quantity: total });
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
        return [...this.items.values()].map((line) => ({ ...line }));
    }

    itemCount() {
        let count = 0;
        for (const line of this.items.values()) count += line.quantity;
        return count;
    }
}

function describe(value) {
    return typeof value === 'string' ? JSON.stringify(value) : String(value);
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
