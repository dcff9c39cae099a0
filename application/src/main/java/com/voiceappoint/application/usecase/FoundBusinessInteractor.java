package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.in.FoundBusinessUseCase;
import com.voiceappoint.application.port.in.ManageBusinessesUseCase.NewBusiness;
import java.util.Optional;

/** A business without an account behind it, founded as an account's is ({@link BusinessFounding}). */
public final class FoundBusinessInteractor implements FoundBusinessUseCase {
    private final BusinessFounding founding;

    FoundBusinessInteractor(BusinessFounding founding) {
        this.founding = founding;
    }

    @Override
    public Founded found(Command command) {
        NewBusiness business = command.business();
        BusinessFounding.Draft draft = BusinessFounding.Draft.parse(
                business.name(),
                business.businessType(),
                business.language(),
                business.timezone(),
                business.currency(),
                business.country());
        String providerName = command.firstProvider()
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .orElse(draft.name());
        return founding.inTransactionRetryingSlugRaces(() -> founding.found(draft, Optional.empty(), providerName));
    }
}
