package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.CallerAppointmentsUseCase;
import com.voiceappoint.application.port.in.ClientsUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.business.Invitation;
import com.voiceappoint.domain.catalog.ServiceCategory;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.TimeOff;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every change a caller asks for runs inside a transaction, a single statement too. Outside one, a database lost after
 * the statement ran but before its answer came back leaves the change made while the caller hears "nothing was
 * changed" (and a retry then finds the invitation gone, the client taken, the appointment already cancelled). Inside
 * one, a loss before the commit really changes nothing, and a loss during it is reported as an unknown outcome. (What
 * follows a booking, its link and code, may be lost on its own: the booking is answered with what was kept.)
 */
class WritesInTransactionsTest {
    /** Repository methods that only read (or lock what a transaction is about to change); any other one writes. */
    private static final Set<String> READS = Set.of(
            "appointments",
            "appointmentsOf",
            "calls",
            "dashboardConfig",
            "existsForService",
            "isFamilyActive",
            "list",
            "lockForChange",
            "lockTeam",
            "manageCode",
            "onboardingStatus",
            "putThroughTo",
            "search",
            "slugExists",
            "specialDays",
            "timeOff",
            "weeklyHours");

    private final Salon salon = new Salon();
    private final Actor.Member owner = (Actor.Member) salon.owner;
    private final List<String> writtenOutside = new ArrayList<>();
    private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
    private final UseCases app = Interactors.create(watched(salon.ports), Salon.CLOCK);

    @AfterEach
    void noWriteRanOutsideATransaction() {
        assertThat(writtenOutside).as("writes outside a transaction").isEmpty();
    }

    @Test
    void inviting_cancelling_and_declining_an_invitation() {
        Actor.Member ana = new Actor.Member(salon.app
                .registerAccount()
                .register(RegistrationAndLoginTest.command("ana@example.com", "Ana"))
                .userId());

        Invitation cancelled = app.members().invite(owner, salon.business, "ana@example.com", "staff");
        app.members().cancelInvitation(owner, salon.business, cancelled.id());
        Invitation declined = app.members().invite(owner, salon.business, "ana@example.com", "staff");
        app.invitations().decline(ana, declined.id());
    }

    @Test
    void logging_in_refreshing_logging_out_and_renaming_oneself() {
        var login = app.sessions().start(owner.userId());
        var refreshed = app.sessions().refresh(login.token());
        app.sessions().end(refreshed.refreshToken().token());
        app.account().updateProfile(owner.userId(), Optional.of("Lola P."), Optional.empty());
    }

    @Test
    void special_days_time_off_and_categories_come_and_go() {
        LocalDate christmas = LocalDate.of(2026, 12, 25);
        app.businessHours().saveSpecialDay(owner, salon.business, SpecialDay.closure(christmas, "Christmas"));
        app.businessHours().removeSpecialDay(owner, salon.business, Optional.empty(), christmas);

        ProviderId lola = salon.app.staff().list(owner, salon.business).get(0).id();
        TimeOff dentist = app.staff()
                .addTimeOff(
                        owner,
                        salon.business,
                        lola,
                        Salon.TUESDAY_TEN,
                        Salon.TUESDAY_TEN.plus(Duration.ofHours(1)),
                        "dentist");
        app.staff().removeTimeOff(owner, salon.business, dentist.id());

        ServiceCategory colour = salon.app.categories().create(owner, salon.business, "Colour", Optional.empty());
        app.categories().remove(owner, colour.id());
    }

    @Test
    void a_client_is_added_and_changed() {
        Client ana = app.clients()
                .create(
                        owner,
                        salon.business,
                        new ClientsUseCase.Details(
                                "Ana", Optional.of("+34600999888"), Optional.empty(), Optional.empty()));
        app.clients()
                .update(
                        owner,
                        ana.id(),
                        new ClientsUseCase.Changes(
                                Optional.of("Ana B."), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void appointments_are_cancelled_from_the_calendar_the_public_page_and_the_phone() {
        app.changeAppointment().cancel(owner, booked(BookingSource.DASHBOARD, "+34600111001", 0), "ill");

        String token = salon.app
                .publicBooking()
                .book(booking(BookingSource.WEB, "+34600111002", 1))
                .manageToken()
                .orElseThrow();
        app.publicBooking().cancel(token, "ill");

        PhoneNumber caller = new PhoneNumber("+34600111003");
        AppointmentId byPhone = booked(BookingSource.VOICE, caller.value(), 2);
        app.callerAppointments()
                .cancel(salon.business, new CallerAppointmentsUseCase.Proof.CallerNumber(caller), byPhone, "ill");
    }

    private AppointmentId booked(BookingSource source, String phone, int slot) {
        return salon.app
                .bookAppointment()
                .book(booking(source, phone, slot))
                .appointment()
                .id();
    }

    private BookAppointmentUseCase.Command booking(BookingSource source, String phone, int slot) {
        Actor actor = source == BookingSource.DASHBOARD ? owner : new Actor.Caller(source);
        return BookAppointmentUseCase.Command.builder(
                        actor,
                        salon.business,
                        salon.cut.id(),
                        Salon.TUESDAY_TEN.plus(Duration.ofHours(slot)),
                        new BookAppointmentUseCase.ClientDetails("Carmen", Optional.of(phone), Optional.empty()),
                        source)
                .build();
    }

    /** The same stores, each repository call checked against the transactions open on its thread. */
    private OutboundPorts watched(OutboundPorts ports) {
        RecordComponent[] components = OutboundPorts.class.getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                Class<?> type = components[i].getType();
                Object port = components[i].getAccessor().invoke(ports);
                if (type == TransactionRunner.class) {
                    values[i] = counting((TransactionRunner) port);
                } else if (type.isInterface() && type.getSimpleName().endsWith("Repository")) {
                    values[i] = watching(type, port);
                } else {
                    values[i] = port;
                }
            }
            Class<?>[] types =
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return OutboundPorts.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private TransactionRunner counting(TransactionRunner real) {
        return new TransactionRunner() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                depth.set(depth.get() + 1);
                try {
                    return real.inTransaction(work);
                } finally {
                    depth.set(depth.get() - 1);
                }
            }
        };
    }

    private Object watching(Class<?> repository, Object real) {
        return Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {repository}, (proxy, method, args) -> {
                    String name = method.getName();
                    boolean writes = method.getDeclaringClass() != Object.class
                            && !name.startsWith("find")
                            && !READS.contains(name);
                    if (writes && depth.get() == 0) {
                        writtenOutside.add(repository.getSimpleName() + "." + name);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
