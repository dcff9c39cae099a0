package com.voiceappoint.domain.availability;

import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.WeeklyHours;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything about a business's time that a booking question needs, loaded once: the zone, the opening hours,
 * the business-wide special days, and each provider's agenda. {@code providers} is in the business's stable
 * order, which breaks ties when "any provider" will do.
 */
public record BookingCalendar(
        ZoneId zone, WeeklyHours openingHours, Map<LocalDate, SpecialDay> specialDays, List<ProviderAgenda> providers) {
    public BookingCalendar {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(openingHours, "openingHours");
        specialDays = Map.copyOf(specialDays);
        providers = List.copyOf(providers);
    }

    /** The business's own windows on a date: its special day if it has one, else its weekly hours. */
    public List<OpeningWindow> openingWindows(LocalDate date) {
        SpecialDay special = specialDays.get(date);
        return special != null ? special.windows() : openingHours.on(date.getDayOfWeek());
    }

    /**
     * When a provider can see clients on a date: their own hours (or the business's when they have none),
     * overridden by their special day, and never outside the business's opening windows that day.
     */
    public List<OpeningWindow> workingWindows(ProviderAgenda agenda, LocalDate date) {
        List<OpeningWindow> business = openingWindows(date);
        if (business.isEmpty()) {
            return business;
        }
        Optional<SpecialDay> own = agenda.specialDay(date);
        if (own.isPresent()) {
            return OpeningWindow.intersect(business, own.get().windows());
        }
        return agenda.workingHours()
                .map(hours -> OpeningWindow.intersect(business, hours.on(date.getDayOfWeek())))
                .orElse(business);
    }

    public Optional<ProviderAgenda> agendaOf(ProviderId provider) {
        return providers.stream().filter(a -> a.provider().equals(provider)).findFirst();
    }
}
