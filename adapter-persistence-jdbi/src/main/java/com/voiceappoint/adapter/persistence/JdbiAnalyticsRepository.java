package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.port.out.AnalyticsRepository;
import com.voiceappoint.domain.analytics.AppointmentStats;
import com.voiceappoint.domain.analytics.CallStats;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.Duration;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The figures in SQL, one pass over each table's rows for the period, on the indexes the lists already use. */
public final class JdbiAnalyticsRepository implements AnalyticsRepository {
    private static final String BOOKED = Rows.sqlList(AppointmentStatus.booked());
    private static final String EARNING = Rows.sqlList(AppointmentStatus.earning());
    private final Jdbi jdbi;

    JdbiAnalyticsRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public CallStats calls(BusinessId businessId, TimeRange period) {
        return jdbi.withHandle(h -> {
            record Totals(long calls, Optional<Duration> average, long converted) {}
            Totals totals = h.createQuery("select count(*) as calls, "
                            + "floor(avg(extract(epoch from ended_at - started_at)) "
                            + "  filter (where ended_at >= started_at)) as average_seconds, "
                            + "count(*) filter (where exists (select 1 from voice_call_appointments l "
                            + "  join appointments a on a.business_id = l.business_id and a.id = l.appointment_id "
                            + "  where l.business_id = c.business_id and l.call_id = c.call_id "
                            + "  and a.status in " + BOOKED + ")) as converted "
                            + "from voice_calls c where business_id = :business "
                            + "and first_seen_at >= :from and first_seen_at < :to")
                    .bind("business", businessId.value())
                    .bind("from", Rows.timestamp(period.start()))
                    .bind("to", Rows.timestamp(period.end()))
                    .map((rs, ctx) -> new Totals(
                            rs.getLong("calls"),
                            Optional.ofNullable(rs.getBigDecimal("average_seconds"))
                                    .map(seconds -> Duration.ofSeconds(seconds.longValueExact())),
                            rs.getLong("converted")))
                    .one();
            Map<String, Long> reasons = new LinkedHashMap<>();
            h.createQuery("select ended_reason, count(*) as n from voice_calls where business_id = :business "
                            + "and first_seen_at >= :from and first_seen_at < :to and ended_reason is not null "
                            + "group by ended_reason")
                    .bind("business", businessId.value())
                    .bind("from", Rows.timestamp(period.start()))
                    .bind("to", Rows.timestamp(period.end()))
                    .map((rs, ctx) -> reasons.put(rs.getString("ended_reason"), rs.getLong("n")))
                    .list();
            return new CallStats(totals.calls(), totals.average(), reasons, totals.converted());
        });
    }

    @Override
    public AppointmentStats appointments(BusinessId businessId, TimeRange period) {
        AppointmentStats.Tally tally = new AppointmentStats.Tally();
        jdbi.useHandle(h -> h.createQuery("select source, status, service_id, price_currency, count(*) as n, "
                        + "coalesce(sum(price_amount) filter (where status in " + EARNING + "), 0) as earned "
                        + "from appointments where business_id = :business and starts_at >= :from and starts_at < :to "
                        + "group by source, status, service_id, price_currency")
                .bind("business", businessId.value())
                .bind("from", Rows.timestamp(period.start()))
                .bind("to", Rows.timestamp(period.end()))
                .map((rs, ctx) -> {
                    long n = rs.getLong("n");
                    tally.add(
                            BookingSource.parse(rs.getString("source")),
                            AppointmentStatus.parse(rs.getString("status")),
                            new ServiceId(Rows.uuid(rs, "service_id")),
                            n,
                            new Money(
                                    rs.getBigDecimal("earned"), Currency.getInstance(rs.getString("price_currency"))));
                    return n;
                })
                .list());
        return tally.stats();
    }
}
