package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.account.PlatformOperator;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.BusinessUsage;
import com.voiceappoint.domain.business.StatusChange;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The platform seen from above every business: who operates it, what each business uses, which are suspended. */
public interface PlatformRepository {

    /** Gives the user operator rights; false when they had them already (their first grant's date is kept). */
    boolean grantOperator(UserId user, Instant at);

    /** Takes the user's operator rights away; false when they had none. */
    boolean revokeOperator(UserId user);

    boolean isOperator(UserId user);

    /** Every operator, the longest-serving first. */
    List<PlatformOperator> operators();

    /**
     * The businesses (deleted ones left out) whose name or slug holds {@code search}, ignoring case (all of them when it
     * is empty), by name then id, from the {@code offset}-th on, at most {@code limit}, with their usage in {@code
     * month}.
     */
    List<BusinessUsage> businesses(String search, TimeRange month, int offset, int limit);

    /** How many businesses {@link #businesses} finds for {@code search} in all. */
    int countBusinesses(String search);

    /** One business's usage in {@code month}; empty when it does not exist or was deleted. */
    Optional<BusinessUsage> usage(BusinessId business, TimeRange month);

    /**
     * Suspends or reactivates the business as the change says, and records the change with it; false, and nothing
     * recorded, when the business already was so (or does not exist). Call inside a transaction.
     */
    boolean changeStatus(StatusChange change);

    /** The business's suspensions and reactivations, the latest first. */
    List<StatusChange> statusChanges(BusinessId business);
}
