package com.voiceappoint.adapter.persistence;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.WeeklyHours;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The weekly_hours table holds the business's hours (no provider) and each provider's own; one reader, one writer. */
final class WeeklyHoursRows {
    private WeeklyHoursRows() {}

    /**
     * Replaces a week as a whole. Call inside a transaction: the owner's row (the business, or the provider) stays
     * locked until it ends, so a second replacement of the same week waits, then deletes what this one wrote; two
     * replacements never both keep their rows.
     */
    static void replace(Handle h, BusinessId businessId, Optional<ProviderId> provider, WeeklyHours hours) {
        UUID providerId = provider.map(ProviderId::value).orElse(null);
        if (providerId == null) {
            h.createQuery("select 1 from businesses where id = :business for no key update")
                    .bind("business", businessId.value())
                    .mapTo(Integer.class)
                    .findOne();
        } else {
            h.createQuery("select 1 from providers where business_id = :business and id = :provider "
                            + "for no key update")
                    .bind("business", businessId.value())
                    .bind("provider", providerId)
                    .mapTo(Integer.class)
                    .findOne();
        }
        h.createUpdate("delete from weekly_hours where business_id = :business "
                        + "and provider_id is not distinct from cast(:provider as uuid)")
                .bind("business", businessId.value())
                .bind("provider", providerId)
                .execute();
        PreparedBatch batch =
                h.prepareBatch("insert into weekly_hours (business_id, provider_id, weekday, opens_minute, "
                        + "closes_minute) values (:business, :provider, :weekday, :opens, :closes)");
        hours.asMap()
                .forEach((day, windows) -> windows.forEach(w -> batch.bind("business", businessId.value())
                        .bind("provider", providerId)
                        .bind("weekday", day.getValue())
                        .bind("opens", w.openingMinute())
                        .bind("closes", w.closingMinute())
                        .add()));
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    /** Every set of hours of the business, keyed by provider (empty for the business's own). */
    static Map<Optional<ProviderId>, WeeklyHours> readAll(Handle h, BusinessId businessId) {
        Map<Optional<ProviderId>, Map<DayOfWeek, List<OpeningWindow>>> byOwner = new HashMap<>();
        h.createQuery("select provider_id, weekday, opens_minute, closes_minute from weekly_hours "
                        + "where business_id = :business")
                .bind("business", businessId.value())
                .map((rs, ctx) -> {
                    Optional<ProviderId> owner =
                            Rows.optionalUuid(rs, "provider_id").map(ProviderId::new);
                    byOwner.computeIfAbsent(owner, o -> new EnumMap<>(DayOfWeek.class))
                            .computeIfAbsent(DayOfWeek.of(rs.getInt("weekday")), d -> new ArrayList<>())
                            .add(new OpeningWindow(
                                    Rows.timeOfDay(rs.getInt("opens_minute")),
                                    Rows.timeOfDay(rs.getInt("closes_minute"))));
                    return owner;
                })
                .list();
        Map<Optional<ProviderId>, WeeklyHours> result = new HashMap<>();
        byOwner.forEach((owner, days) -> result.put(owner, WeeklyHours.of(days)));
        return result;
    }
}
