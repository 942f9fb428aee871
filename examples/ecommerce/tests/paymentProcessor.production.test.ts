/**
 * The production payment processor, bug included: what `node test-payment.js` shows on the
 * Friday evening of lesson 02. Fake timers and a controlled Math.random make it instant and
 * deterministic, although the code waits 5 s and fails at random.
 */
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import PaymentProcessor from '../src/payment/paymentProcessor.js';
import {captureLog, randomSequence, successRate, track} from './support';

const ORDER = {id: 'ORD_12345', total: 99.99, items: ['product1', 'product2']};

let logged: () => string[];
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('production PaymentProcessor', () => {
  beforeEach(() => {
    vi.useFakeTimers({now: new Date('2026-11-27T18:00:00Z')});
    logged = captureLog();
  });

  it('settles after exactly 5000 ms of simulated latency (not at 4999)', async () => {
    randomSequence(0.1);
    const payment = track(new PaymentProcessor().processPayment(ORDER));
    await vi.advanceTimersByTimeAsync(4999);
    expect(payment.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(payment.settled).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each([0.3000001, 0.5, 0.9999])('fails with "Payment API timeout" when Math.random() is %s (> 0.3)', async (value) => {
    randomSequence(value);
    const result = new PaymentProcessor().processPayment(ORDER);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await result).toEqual({success: false, error: 'Payment API timeout', orderId: 'ORD_12345'});
  });

  it.each([0, 0.1, 0.3])('succeeds with a txn_ id when Math.random() is %s (<= 0.3)', async (value) => {
    randomSequence(value);
    const result = new PaymentProcessor().processPayment(ORDER);
    const settledAt = Date.now() + 5000;
    await vi.advanceTimersByTimeAsync(5000);
    expect(await result).toEqual({
      success: true,
      transactionId: `txn_${settledAt}`,
      message: 'Payment processed successfully',
    });
  });

  it('tries once: no retry, one Math.random() per payment', async () => {
    const random = randomSequence(0.9);
    const result = new PaymentProcessor().processPayment(ORDER);
    await vi.runAllTimersAsync();
    expect((await result).success).toBe(false);
    expect(random).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('logs the order it processes (the first line of each run of test-payment.js)', async () => {
    randomSequence(0.1);
    const result = new PaymentProcessor().processPayment(ORDER);
    await vi.runAllTimersAsync();
    await result;
    expect(logged()).toEqual(['Processing payment for order ORD_12345']);
  });

  it('sends amount, currency, order id and timestamp to the payment API', async () => {
    randomSequence(0.1);
    const processor = new PaymentProcessor();
    const call = vi.spyOn(processor, 'callPaymentAPI');
    const result = processor.processPayment(ORDER);
    await vi.runAllTimersAsync();
    await result;
    expect(call).toHaveBeenCalledExactlyOnceWith({
      amount: 99.99,
      currency: 'EUR',
      orderId: 'ORD_12345',
      timestamp: '2026-11-27T18:00:00.000Z',
    });
  });

  it('never uses this.timeout (30 s): the failures come from the latency and Math.random()', async () => {
    const processor = new PaymentProcessor();
    expect(processor.timeout).toBe(30000);
    processor.timeout = 1; // Would time out at once, if the code used it.
    randomSequence(0.1);
    const payment = track(processor.processPayment(ORDER));
    await vi.advanceTimersByTimeAsync(4999);
    expect(payment.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(payment.value).toMatchObject({success: true});
  });

});

describe('production PaymentProcessor over 10,000 seeded orders', () => {
  it('succeeds for 30% of 10,000 seeded orders (within 1.5 points)', async () => {
    const rate = await successRate((order) => new PaymentProcessor().processPayment(order), 10_000, 20261127);
    expect(rate).toBeGreaterThanOrEqual(28.5);
    expect(rate).toBeLessThanOrEqual(31.5);
  });
});
