package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.StaffUseCase;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A member's view of a business's diary: its staff, which of them is the member, and what the member may do to an
 * appointment, by the same rules the use cases apply (managers and above act on any; staff on their own, and book
 * only for themselves), so a page offers no button that would be refused.
 */
final class Diary {

    private final Workplace w;
    private final List<Provider> staff;
    private final Optional<ProviderId> own;

    private Diary(Workplace w, List<Provider> staff) {
        this.w = w;
        this.staff = staff;
        this.own = staff.stream()
                .filter(p -> p.userId().map(w.member().userId()::equals).orElse(false))
                .map(Provider::id)
                .findFirst();
    }

    static Diary of(Workplace w, StaffUseCase staff) {
        return new Diary(w, staff.list(w.member(), w.business().id()));
    }

    List<Provider> staff() {
        return staff;
    }

    List<Provider> activeStaff() {
        return staff.stream().filter(Provider::active).toList();
    }

    Optional<Provider> provider(ProviderId id) {
        return staff.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Whether the member may book with this staff member. */
    boolean mayBookFor(Provider provider) {
        if (!provider.active()) {
            return false;
        }
        return w.can(Permission.MANAGE_APPOINTMENTS)
                || (w.can(Permission.MANAGE_OWN_APPOINTMENTS)
                        && own.filter(provider.id()::equals).isPresent());
    }

    boolean mayBookAtAll() {
        return staff.stream().anyMatch(this::mayBookFor);
    }

    /** Whether the member may cancel, move, complete or mark this appointment. */
    boolean mayChange(AppointmentDetails details) {
        return w.can(Permission.MANAGE_APPOINTMENTS)
                || (w.can(Permission.MANAGE_OWN_APPOINTMENTS)
                        && own.filter(details.appointment().providerId()::equals)
                                .isPresent());
    }

    /** Whether the member may give it to another staff member when moving it. */
    boolean mayChangeProvider() {
        return w.can(Permission.MANAGE_APPOINTMENTS);
    }

    static boolean cancellable(AppointmentStatus status) {
        return status.canBecome(AppointmentStatus.CANCELLED);
    }

    /** Completed or missed: only once it has started. */
    static boolean closable(AppointmentDetails details, Instant now) {
        return details.appointment().status().canBecome(AppointmentStatus.COMPLETED)
                && !details.appointment().start().isAfter(now);
    }

    static boolean movable(AppointmentStatus status) {
        return status.blocksTime();
    }
}
