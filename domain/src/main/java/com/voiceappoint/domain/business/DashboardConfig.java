package com.voiceappoint.domain.business;

import java.time.DayOfWeek;
import java.util.Locale;
import java.util.Objects;

/** How the dashboard first shows a business's calendar; created with the business, changed by its members. */
public record DashboardConfig(
        BusinessId businessId, CalendarView defaultView, DayOfWeek firstDayOfWeek, boolean showCancelled) {
    public enum CalendarView {
        DAY,
        WEEK,
        MONTH;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DashboardConfig {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(defaultView, "defaultView");
        Objects.requireNonNull(firstDayOfWeek, "firstDayOfWeek");
    }

    /** A week view starting on Monday, as calendars in Spain and most of Europe do. */
    public static DashboardConfig defaultsFor(BusinessId businessId) {
        return new DashboardConfig(businessId, CalendarView.WEEK, DayOfWeek.MONDAY, false);
    }
}
