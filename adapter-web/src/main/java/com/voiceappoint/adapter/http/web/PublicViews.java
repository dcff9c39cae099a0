package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.PublicBookingUseCase.BusinessPage;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.shared.Money;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the public pages' templates show, worked out by {@link PublicPages}: the templates only lay it out. */
public final class PublicViews {
    private PublicViews() {}

    /** The deposit a client booking the service is asked to pay now: none when the business takes no payments. */
    public static Optional<Money> deposit(BusinessPage page, Service service) {
        return page.takesDeposits()
                ? service.deposit().filter(amount -> amount.amount().signum() > 0)
                : Optional.empty();
    }

    /** One day of the business's week, its special hours or closure overriding its usual ones. */
    public record DayHours(LocalDate date, boolean today, List<OpeningWindow> windows, Optional<String> special) {
        public boolean closed() {
            return windows.isEmpty();
        }
    }

    /** Services under their category's name; {@code heading} is empty for those in none. */
    public record ServiceGroup(Optional<String> heading, List<Service> services) {}

    /**
     * A month as a calendar table: weeks from Monday, each day a link when it has a free time ({@code href} empty
     * otherwise); {@code previous} and {@code next} are empty where no booking can be made.
     */
    public record MonthView(
            YearMonth month,
            List<DayOfWeek> weekdays,
            List<List<Optional<DayCell>>> weeks,
            Optional<String> previous,
            Optional<String> next,
            boolean anyRoom) {}

    public record DayCell(LocalDate date, boolean today, Optional<String> href) {}

    /** Start times of one part of the day: {@code part} is morning, afternoon or evening. */
    public record TimeGroup(String part, List<Instant> starts) {}

    /**
     * Where choosing a time goes: a GET to the next step of booking, a POST that moves an appointment; the hidden
     * fields carry the steps before.
     */
    public record TimeForm(String method, String action, Map<String, String> hidden) {
        public boolean post() {
            return method.equals("post");
        }
    }

    /** The client's details as typed, and what is wrong with them, by field (name, phone, email). */
    public record ClientForm(String name, String phone, String email, String key, Map<String, String> errors) {
        public static ClientForm empty(String key) {
            return new ClientForm("", "", "", key, Map.of());
        }

        public boolean has(String field) {
            return errors.containsKey(field);
        }

        public String error(String field) {
            return errors.get(field);
        }

        /** Ties a field to its error for screen readers, and to the hint both contact fields share. */
        public String describedBy(String field) {
            return has(field) ? field + "-error contact-hint" : "contact-hint";
        }
    }
}
