package com.voiceappoint.application.port.in;

/**
 * The engine's own sweep: holds whose time ran out and that nothing else expired (a caller who never confirmed, a call
 * whose end was never heard of) go back to the diary, and the dashboards are told. Run every few seconds by the
 * server; several servers may run it at once.
 */
public interface ExpireLapsedHoldsUseCase {

    /** @return how many holds this run expired */
    int expireLapsedHolds();
}
