package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.in.PaymentUpkeepUseCase;
import com.voiceappoint.application.port.out.PaymentPorts;
import com.voiceappoint.application.port.out.TransactionRunner;
import java.time.Clock;
import java.util.Optional;

final class PaymentUpkeepInteractor implements PaymentUpkeepUseCase {
    /** At most this many lapsed payments a run; the next run takes the rest. */
    static final int BATCH = 200;

    private final PaymentPorts ports;
    private final TransactionRunner transactions;
    private final RefundDesk desk;
    private final Clock clock;
    private final Optional<NoShowCharges> noShows;

    PaymentUpkeepInteractor(
            PaymentPorts ports,
            TransactionRunner transactions,
            RefundDesk desk,
            Clock clock,
            Optional<NoShowCharges> noShows) {
        this.ports = ports;
        this.transactions = transactions;
        this.desk = desk;
        this.clock = clock;
        this.noShows = noShows;
    }

    @Override
    public int settle() {
        int lapsed = transactions.inTransaction(() -> ports.store().expireLapsed(clock.instant(), BATCH));
        return lapsed
                + desk.sendUnsettled()
                + noShows.map(NoShowCharges::chargeUnsent).orElse(0);
    }
}
