/**
 * Bad input, identical in the production and the hotfix versions (the hotfix did not touch
 * validation). Two seed defects are documented as they are, not fixed: a null order crashes,
 * and a string total passes validation.
 */
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import PaymentProcessor from '../src/payment/paymentProcessor.js';
import {captureLog, randomSequence} from './support';

beforeEach(() => {
  vi.useFakeTimers();
  captureLog();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const INVALID: Array<[string, Record<string, unknown>]> = [
  ['a missing id', {total: 10}],
  ['an empty id', {id: '', total: 10}],
  ['a missing total', {id: 'ORD_1'}],
  ['a total of 0', {id: 'ORD_1', total: 0}],
  ['a negative total', {id: 'ORD_1', total: -5}],
  ['a NaN total', {id: 'ORD_1', total: Number.NaN}],
  ['a non-numeric string total', {id: 'ORD_1', total: 'abc'}],
];

describe('validateOrder', () => {
  it.each([
    ['a missing order', undefined],
    ['a null order', null],
    ...INVALID,
  ])('rejects %s', (_label, order) => {
    expect(new PaymentProcessor().validateOrder(order)).toBeFalsy();
  });

  it('accepts an order with an id and a positive total', () => {
    expect(new PaymentProcessor().validateOrder({id: 'ORD_1', total: 99.99})).toBeTruthy();
  });
});

describe('processPayment with bad input', () => {
  it.each(INVALID)('answers "Invalid order data" for %s, without calling the payment API', async (_label, order) => {
    const random = vi.spyOn(Math, 'random');
    const processor = new PaymentProcessor();
    const call = vi.spyOn(processor, 'callPaymentAPI');
    expect(await processor.processPayment(order)).toEqual({
      success: false,
      error: 'Invalid order data',
      orderId: order.id,
    });
    expect(call).not.toHaveBeenCalled();
    expect(random).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  // Seed defect: `order.id` is read before validating, and again in the catch block, so a
  // missing order rejects with a TypeError instead of answering "Invalid order data".
  it.each([
    ['null', null],
    ['undefined', undefined],
  ])('crashes on a %s order (TypeError, not a failed payment)', async (label, order) => {
    const processor = new PaymentProcessor();
    const validate = vi.spyOn(processor, 'validateOrder');
    await expect(processor.processPayment(order)).rejects.toThrow(
      new TypeError(`Cannot read properties of ${label} (reading 'id')`),
    );
    expect(validate).not.toHaveBeenCalled();
  });

  // Seed defect: `"99.99" > 0` is true in JavaScript, so a string total is accepted and sent
  // to the payment API as a string.
  it('accepts a string total such as "99.99" and sends it as a string', async () => {
    randomSequence(0.2); // a success in both versions
    const processor = new PaymentProcessor();
    expect(processor.validateOrder({id: 'ORD_1', total: '99.99'})).toBeTruthy();
    const call = vi.spyOn(processor, 'callPaymentAPI');
    const result = processor.processPayment({id: 'ORD_1', total: '99.99'});
    await vi.runAllTimersAsync();
    expect(await result).toMatchObject({success: true});
    expect(call.mock.calls[0]?.[0]).toMatchObject({amount: '99.99', orderId: 'ORD_1'});
  });
});
