package com.voiceappoint.bootstrap;

import com.voiceappoint.adapter.persistence.DatabaseUrl;
import com.voiceappoint.adapter.persistence.PostgresPersistence;
import com.voiceappoint.adapter.security.Argon2PasswordHasher;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.RegisterAccountUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase;
import com.voiceappoint.application.usecase.Interactors;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceCategoryId;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.voice.CallMessage;
import com.voiceappoint.domain.voice.VoiceCall;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * {@code java -jar voiceappoint.jar demo}: a sample hair salon in Madrid, made through the application's use cases as
 * its owner, its clients on the web and its callers would make it: staff, a catalogue in categories, opening hours,
 * and a month of appointments around today from every channel, with the calls that booked by voice and their
 * transcripts, some finished, some missed and some called off. Starting the server afterwards shows a living
 * dashboard. Made once: a second run finds the owner's account and changes nothing.
 *
 * <p>Times are those of a pretended clock: each appointment is booked a few days before it starts, and finished
 * (or missed) after it ends, as the rules of booking want; none of it is written around them.
 */
final class Demo {
    static final String EMAIL = "demo@example.com";
    static final String PASSWORD = "demo-password";
    static final String BUSINESS = "Peluquería Demo";
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    /** The business's number, which callers ring to book: one that rings nowhere. */
    private static final String LINE = "+34910000000";

    private static final int DAYS_BEFORE_TODAY = 21;
    private static final int DAYS_AFTER_TODAY = 9;

    private final UseCases useCases;
    private final PretendedClock clock;
    private final LocalDate today;
    private final Random random = new Random(16);
    private final PrintStream out;

    private Demo(UseCases useCases, PretendedClock clock, PrintStream out) {
        this.useCases = useCases;
        this.clock = clock;
        this.today = LocalDate.now(clock.real.withZone(MADRID));
        this.out = out;
    }

    /** Fills the database the configuration names (the embedded one without DATABASE_URL); answers the exit code. */
    static int run(ServerConfig config, PrintStream out, PrintStream err) {
        if (config.production()) {
            err.println("demo: refused with APP_ENV=production: its owner's password is printed in the README");
            return 2;
        }
        Deque<AutoCloseable> running = new ArrayDeque<>();
        try {
            DatabaseUrl database = config.databaseUrl().map(DatabaseUrl::parse).orElse(null);
            if (database == null) {
                if (EmbeddedPostgresServer.runningUrl(config.embeddedDatabaseDirectory())
                        .isPresent()) {
                    err.println("demo: the server is running on "
                            + config.dataDirectory().toAbsolutePath() + ": stop it, run demo, then start it again");
                    return 1;
                }
                EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start(
                        config.embeddedDatabaseDirectory(), config.embeddedBinariesDirectory());
                running.push(embedded);
                database = embedded.url();
            }
            PostgresPersistence persistence = PostgresPersistence.connect(database, 2);
            running.push(persistence);
            PretendedClock clock = new PretendedClock(VoiceAppointServer.databaseClock());
            // no message channels: nothing is sent to the pretended clients, nor planned to be
            UseCases useCases = Interactors.create(persistence.ports(Argon2PasswordHasher.OWASP), clock);
            if (useCases.liveEvents() instanceof AutoCloseable streams) {
                running.push(streams);
            }
            new Demo(useCases, clock, out).fill();
            return 0;
        } catch (RuntimeException e) {
            err.println("demo: failed: " + e.getMessage());
            e.printStackTrace(err);
            return 1;
        } finally {
            while (!running.isEmpty()) {
                try {
                    running.pop().close();
                } catch (Exception e) {
                    err.println("demo: could not stop cleanly: " + e.getMessage());
                }
            }
        }
    }

    private void fill() {
        RegisterAccountUseCase.Result owner;
        try {
            owner = useCases.registerAccount()
                    .register(RegisterAccountUseCase.Command.builder(EMAIL, PASSWORD)
                            .fullName("Lucía Martín")
                            .language("es")
                            .businessName(BUSINESS)
                            .businessType("salon")
                            .timezone(MADRID.getId())
                            .currency("EUR")
                            .country("ES")
                            .build());
        } catch (DomainException e) {
            if (e.code() != ErrorCode.EMAIL_ALREADY_REGISTERED) {
                throw e;
            }
            out.println("The demo business is already there: nothing was changed.");
            printLogin();
            return;
        }
        Actor.Member lucia = new Actor.Member(owner.userId());
        BusinessId business = owner.businessId();
        useCases.businessHours().setWeeklyHours(lucia, business, hours());
        List<Provider> staff = new ArrayList<>(useCases.staff().list(lucia, business));
        staff.add(useCases.staff().create(lucia, business, "Carlos Ruiz", Optional.empty()));
        staff.add(useCases.staff().create(lucia, business, "Marta Gil", Optional.empty()));
        List<Service> services = catalogue(lucia, business);
        useCases.voiceSettings()
                .update(
                        lucia,
                        business,
                        new VoiceSettingsUseCase.Changes(
                                Optional.of(true),
                                Optional.of(List.of(LINE)),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(Optional.of("Hola, has llamado a " + BUSINESS
                                        + ". Soy su asistente: puedo darte cita, cambiarla o anularla.")),
                                Optional.of(Optional.of("es")),
                                Optional.empty(),
                                Optional.of("Peluquería de barrio en Madrid: cortes, color y tratamientos, con cita."),
                                Optional.empty()));

        Bookings bookings = new Bookings(lucia, business, services);
        for (LocalDate day = today.minusDays(DAYS_BEFORE_TODAY);
                !day.isAfter(today.plusDays(DAYS_AFTER_TODAY));
                day = day.plusDays(1)) {
            for (Provider provider : staff) {
                bookings.fillDay(day, provider);
            }
            for (int call = random.nextInt(4); call > 0 && day.isBefore(today); call--) {
                bookings.callWithoutBooking(day);
            }
        }
        clock.pretended = Optional.empty();

        out.println("The demo business is ready: " + BUSINESS + " (/"
                + owner.businessSlug().value() + "), "
                + staff.size() + " staff, " + services.size() + " services, " + bookings.made
                + " appointments (" + bookings.bySource.getOrDefault(BookingSource.VOICE, 0) + " by voice, "
                + bookings.bySource.getOrDefault(BookingSource.WEB, 0) + " on the web, "
                + bookings.bySource.getOrDefault(BookingSource.DASHBOARD, 0) + " by staff; "
                + bookings.noShows + " no-shows, " + bookings.cancelled + " cancelled), "
                + bookings.calls + " calls.");
        printLogin();
    }

    private void printLogin() {
        out.println("Start the server and log in at /login as " + EMAIL + " with the password " + PASSWORD);
    }

    /** Open Monday to Friday, mornings and evenings, and on Saturday mornings, as Spanish salons are. */
    private static WeeklyHours hours() {
        List<OpeningWindow> split = List.of(
                new OpeningWindow(LocalTime.of(9, 0), LocalTime.of(14, 0)),
                new OpeningWindow(LocalTime.of(16, 0), LocalTime.of(20, 0)));
        Map<DayOfWeek, List<OpeningWindow>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, split);
        }
        week.put(DayOfWeek.SATURDAY, List.of(new OpeningWindow(LocalTime.of(9, 0), LocalTime.of(14, 0))));
        return WeeklyHours.of(week);
    }

    private List<Service> catalogue(Actor.Member owner, BusinessId business) {
        ServiceCategoryId cuts = category(owner, business, "Cortes");
        ServiceCategoryId colour = category(owner, business, "Color");
        ServiceCategoryId care = category(owner, business, "Tratamientos");
        return List.of(
                service(owner, business, cuts, "Corte de mujer", "Lavado, corte y secado.", 45, "28.00"),
                service(owner, business, cuts, "Corte de hombre", "Corte a tijera o máquina.", 30, "16.00"),
                service(owner, business, cuts, "Peinado", "Lavado y peinado para una ocasión.", 30, "20.00"),
                service(owner, business, colour, "Tinte", "Color de raíz a puntas.", 90, "55.00"),
                service(owner, business, colour, "Mechas", "Mechas o balayage.", 120, "75.00"),
                service(owner, business, care, "Hidratación", "Tratamiento de hidratación profunda.", 45, "30.00"));
    }

    private ServiceCategoryId category(Actor.Member owner, BusinessId business, String name) {
        return useCases.categories()
                .create(owner, business, name, Optional.empty())
                .id();
    }

    private Service service(
            Actor.Member owner,
            BusinessId business,
            ServiceCategoryId category,
            String name,
            String description,
            int minutes,
            String price) {
        return useCases.createService()
                .create(CreateServiceUseCase.Command.builder(owner, business, name, minutes, new BigDecimal(price))
                        .description(description)
                        .category(Optional.of(category))
                        .build());
    }

    private static final List<String> CLIENTS = List.of(
            "Ana García",
            "Javier López",
            "María Fernández",
            "David Sánchez",
            "Laura Pérez",
            "Pablo Gómez",
            "Carmen Díaz",
            "Sergio Moreno",
            "Elena Romero",
            "Raúl Navarro",
            "Isabel Torres",
            "Alberto Ramos",
            "Lucía Herrera",
            "Miguel Castro",
            "Paula Ortega",
            "Diego Rubio",
            "Sara Molina",
            "Hugo Delgado",
            "Nuria Vidal",
            "Álvaro Marín",
            "Cristina Iglesias",
            "Rubén Santos",
            "Beatriz Cano",
            "Marcos Prieto");

    /** The month's appointments, booked and then followed through, as the days went by. */
    private final class Bookings {
        private final Actor.Member owner;
        private final BusinessId business;
        private final List<Service> services;
        private final Map<BookingSource, Integer> bySource = new EnumMap<>(BookingSource.class);
        private int made;
        private int noShows;
        private int cancelled;
        private int calls;

        Bookings(Actor.Member owner, BusinessId business, List<Service> services) {
            this.owner = owner;
            this.business = business;
            this.services = services;
        }

        /** A few appointments of {@code provider} on {@code day}, with gaps between them, inside the opening hours. */
        void fillDay(LocalDate day, Provider provider) {
            for (OpeningWindow window : hours().on(day.getDayOfWeek())) {
                LocalTime at = window.opens().plusMinutes(30L * random.nextInt(3));
                while (true) {
                    Service service = services.get(random.nextInt(services.size()));
                    LocalTime end = at.plusMinutes(service.duration().toMinutes());
                    if (end.isAfter(window.closes()) || end.isBefore(at)) {
                        break;
                    }
                    book(day, at, service, provider);
                    // the next one after a gap of none to an hour, on the half hour
                    long minutes = service.duration().toMinutes() + 30L * random.nextInt(3);
                    at = at.plusMinutes((minutes + 29) / 30 * 30);
                }
            }
        }

        private void book(LocalDate day, LocalTime time, Service service, Provider provider) {
            Instant start = ZonedDateTime.of(day, time, MADRID).toInstant();
            Instant end = start.plus(service.duration());
            int who = random.nextInt(CLIENTS.size());
            String name = CLIENTS.get(who);
            String phone = "+3460000%04d".formatted(who + 1);
            Instant bookedAt = bookedBefore(start);
            clock.pretended = Optional.of(bookedAt);

            int channel = random.nextInt(10);
            BookingSource source =
                    channel < 4 ? BookingSource.VOICE : channel < 7 ? BookingSource.WEB : BookingSource.DASHBOARD;
            Optional<String> call = source == BookingSource.VOICE ? Optional.of(callStarted(phone)) : Optional.empty();
            Actor actor = switch (source) {
                case VOICE -> new Actor.Caller(BookingSource.VOICE, call);
                case WEB -> new Actor.Caller(BookingSource.WEB);
                default -> owner;
            };
            Optional<String> email = source == BookingSource.WEB ? Optional.of(email(name)) : Optional.empty();
            Appointment appointment;
            try {
                appointment = useCases.bookAppointment()
                        .book(BookAppointmentUseCase.Command.builder(
                                        actor,
                                        business,
                                        service.id(),
                                        start,
                                        new BookAppointmentUseCase.ClientDetails(name, Optional.of(phone), email),
                                        source)
                                .provider(Optional.of(provider.id()))
                                .build())
                        .appointment();
            } catch (DomainException refused) {
                // a client who already has this time with someone else: the demo leaves that slot free
                call.ifPresent(id -> callEnded(id, bookedAt, Optional.empty(), name));
                return;
            }
            made++;
            bySource.merge(source, 1, Integer::sum);
            call.ifPresent(id -> callEnded(id, bookedAt, Optional.of(new Booked(service, start, provider)), name));
            followThrough(appointment, start, end, bookedAt);
        }

        /** Some hours to a week before it starts, and never later than now: nothing has happened in the future. */
        private Instant bookedBefore(Instant start) {
            Instant booked = start.minus(Duration.ofHours(20 + random.nextInt(24 * 7)));
            Instant now = clock.real.instant();
            return booked.isBefore(now) ? booked : now.minus(Duration.ofMinutes(30 + random.nextInt(60 * 24 * 6)));
        }

        /** What became of it: most past ones done, a few missed, some called off before the day. */
        private void followThrough(Appointment appointment, Instant start, Instant end, Instant bookedAt) {
            int fate = random.nextInt(100);
            Instant now = clock.real.instant();
            if (fate < 8) {
                Instant until = start.isBefore(now) ? start : now;
                clock.pretended = Optional.of(
                        bookedAt.plus(Duration.between(bookedAt, until).dividedBy(2)));
                useCases.changeAppointment()
                        .cancel(owner, appointment.id(), fate < 4 ? "El cliente no puede venir" : "Enfermedad");
                cancelled++;
            } else if (end.isBefore(now)) {
                clock.pretended = Optional.of(end.plus(Duration.ofMinutes(10)));
                if (fate < 15) {
                    useCases.changeAppointment().markNoShow(owner, appointment.id());
                    noShows++;
                } else if (fate < 95) {
                    useCases.changeAppointment().complete(owner, appointment.id());
                }
            }
        }

        private String email(String name) {
            String plain = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "")
                    .toLowerCase(Locale.ROOT)
                    .replace(' ', '.');
            return plain + "@example.com";
        }

        private String callStarted(String caller) {
            calls++;
            String id = "demo-call-" + calls;
            Instant now = clock.instant();
            useCases.callLog()
                    .record(VoiceCall.started(
                                    business,
                                    id,
                                    Optional.of("inboundPhoneCall"),
                                    Optional.of("in-progress"),
                                    Optional.of(caller),
                                    Optional.of(LINE),
                                    now)
                            .with(report(business, id, now, null, null, List.of(), Optional.empty())));
            return id;
        }

        /** A caller who asked about prices and hours, and did not book. */
        void callWithoutBooking(LocalDate day) {
            clock.pretended =
                    Optional.of(ZonedDateTime.of(day, LocalTime.of(9 + random.nextInt(10), random.nextInt(60)), MADRID)
                            .toInstant());
            int who = random.nextInt(CLIENTS.size());
            String id = callStarted("+3460000%04d".formatted(who + 1));
            callEnded(id, clock.instant(), Optional.empty(), CLIENTS.get(who));
        }

        private void callEnded(String id, Instant startedAt, Optional<Booked> booked, String caller) {
            List<CallMessage> messages = new ArrayList<>();
            Instant at = startedAt;
            String first = caller.split(" ")[0];
            messages.add(new CallMessage(
                    "assistant",
                    "Hola, gracias por llamar a " + BUSINESS + ". ¿En qué puedo ayudarte?",
                    Optional.of(at)));
            String summary;
            if (booked.isPresent()) {
                Booked b = booked.get();
                ZonedDateTime when = b.start.atZone(MADRID);
                String day = when.format(DateTimeFormatter.ofPattern("EEEE d 'de' MMMM", Locale.forLanguageTag("es")));
                String time = when.format(DateTimeFormatter.ofPattern("H:mm"));
                String service = b.service.name().toLowerCase(Locale.ROOT);
                messages.add(new CallMessage(
                        "user", "Hola, quería pedir cita para " + service + ", el " + day + ".", Optional.of(at)));
                messages.add(new CallMessage(
                        "assistant",
                        "El " + day + " tengo libre a las " + time + " con " + b.provider.displayName()
                                + ". ¿Te va bien?",
                        Optional.of(at.plusSeconds(20))));
                messages.add(new CallMessage(
                        "user", "Sí, perfecto. Me llamo " + caller + ".", Optional.of(at.plusSeconds(35))));
                messages.add(new CallMessage(
                        "assistant",
                        "Listo, " + first + ": " + service + " el " + day + " a las " + time
                                + ". Te esperamos. ¡Hasta pronto!",
                        Optional.of(at.plusSeconds(50))));
                summary = caller + " reservó " + service + " para el " + day + " a las " + time + ".";
            } else if (random.nextBoolean()) {
                messages.add(new CallMessage(
                        "user", "Hola, ¿cuánto cuesta un tinte y hasta qué hora abrís?", Optional.of(at)));
                messages.add(new CallMessage(
                        "assistant",
                        "El tinte cuesta 55 euros. Abrimos de lunes a viernes de 9 a 14 y de 16 a 20, y los sábados"
                                + " por la mañana. ¿Quieres que te reserve una cita?",
                        Optional.of(at.plusSeconds(15))));
                messages.add(new CallMessage(
                        "user", "De momento no, gracias. Ya llamaré.", Optional.of(at.plusSeconds(40))));
                summary = caller + " preguntó precios y horario; no reservó.";
            } else {
                messages.add(new CallMessage(
                        "user", "Quería unas mechas mañana por la tarde, hacia las siete.", Optional.of(at)));
                messages.add(new CallMessage(
                        "assistant",
                        "Mañana por la tarde ya no queda hueco para mechas, que duran dos horas. ¿Te va bien otro"
                                + " día por la mañana?",
                        Optional.of(at.plusSeconds(15))));
                messages.add(new CallMessage(
                        "user", "Por la mañana trabajo. Lo miro y vuelvo a llamar.", Optional.of(at.plusSeconds(40))));
                summary = caller + " buscaba mechas mañana por la tarde; no había hueco y no reservó.";
            }
            String transcript = messages.stream()
                    .map(m -> (m.role().equals("assistant") ? "AI: " : "User: ") + m.text())
                    .reduce((a, b) -> a + "\n" + b)
                    .orElse("");
            Instant endedAt = startedAt.plusSeconds(70 + random.nextInt(90));
            clock.pretended = Optional.of(endedAt);
            useCases.callLog()
                    .record(report(business, id, startedAt, endedAt, summary, messages, Optional.of(transcript)));
        }
    }

    private record Booked(Service service, Instant start, Provider provider) {}

    /** A report of the call: when it started and, once over, how it ended and what was said. */
    private static VoiceCall report(
            BusinessId business,
            String id,
            Instant startedAt,
            Instant endedAt,
            String summary,
            List<CallMessage> messages,
            Optional<String> transcript) {
        boolean over = endedAt != null;
        return new VoiceCall(
                business,
                id,
                Optional.empty(),
                over ? Optional.of("ended") : Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(startedAt),
                Optional.ofNullable(endedAt),
                over ? Optional.of(new BigDecimal("0.09")) : Optional.empty(),
                over ? Optional.of("customer-ended-call") : Optional.empty(),
                Optional.ofNullable(summary),
                Optional.empty(),
                transcript,
                messages,
                startedAt);
    }

    /** The real clock, or a moment the demo pretends it is while it books and follows through. */
    private static final class PretendedClock extends Clock {
        private final Clock real;
        private volatile Optional<Instant> pretended = Optional.empty();

        PretendedClock(Clock real) {
            this.real = real;
        }

        @Override
        public ZoneId getZone() {
            return real.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the demo's clock keeps UTC");
        }

        @Override
        public Instant instant() {
            return pretended.orElseGet(real::instant);
        }
    }
}
