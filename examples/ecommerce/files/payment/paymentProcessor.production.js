/**
 * Payment Processor - PRODUCTION VERSION
 * Payment processing system
 */

class PaymentProcessor {
    constructor() {
        this.apiUrl = 'https://payment-api.example.com';
        this.timeout = 30000; // 30 seconds
    }

    async processPayment(order) {
        try {
            console.log(`Processing payment for order ${order.id}`);
            
            // Order validation
            if (!this.validateOrder(order)) {
                throw new Error('Invalid order data');
            }

            // Simulate the payment API call
            const paymentData = {
                amount: order.total,
                currency: 'EUR',
                orderId: order.id,
                timestamp: new Date().toISOString()
            };

            // ⚠️ BUG: Timeout too short for some payment providers
            const response = await this.callPaymentAPI(paymentData);
            
            return {
                success: true,
                transactionId: response.transactionId,
                message: 'Payment processed successfully'
            };

        } catch (error) {
            return {
                success: false,
                error: error.message,
                orderId: order.id
            };
        }
    }

    validateOrder(order) {
        return order && order.id && order.total > 0;
    }

    async callPaymentAPI(paymentData) {
        // Simulate the problematic timeout
        return new Promise((resolve, reject) => {
            setTimeout(() => {
                // ⚠️ PROBLEM: Timeout too short!
                if (Math.random() > 0.3) { // 70% failure rate!
                    reject(new Error('Payment API timeout'));
                } else {
                    resolve({
                        transactionId: 'txn_' + Date.now(),
                        status: 'completed'
                    });
                }
            }, 5000); // Simulate 5 seconds of latency
        });
    }
}

module.exports = PaymentProcessor;
