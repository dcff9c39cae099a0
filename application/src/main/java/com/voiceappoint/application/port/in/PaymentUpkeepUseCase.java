package com.voiceappoint.application.port.in;

/**
 * The payments' own sweep, run every few seconds by the server (several servers may run it at once): deposits whose
 * deadline passed are marked lapsed, and refunds and no-show fees whose answer from Stripe never came are asked again
 * under their own idempotency keys, so each is made once.
 */
public interface PaymentUpkeepUseCase {

    /** @return how many open payments this run marked lapsed, and how many refunds and no-show fees it settled */
    int settle();
}
