package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceCategory;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.payment.PaymentId;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.WeeklyHours;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What anyone may do without an account: read a business's page by its slug, book on it, and, holding the manage
 * token a booking returned, see, cancel or move that one appointment within the business's cancellation policy.
 * Free slots come from {@link FindAvailableSlotsQuery} with a web {@link Actor.Caller}.
 */
public interface PublicBookingUseCase {
    /** How far ahead the page lists closures and special hours. */
    int SPECIAL_DAYS_SHOWN = 60;

    /** The business a public slug names; unknown or deleted businesses are not found. */
    Business business(String slug);

    BusinessPage page(BusinessId businessId);

    /**
     * Books for a client on the web. A new booking, or a retry carrying its idempotency key, comes with a manage
     * token; a repeat without the key does not, since anyone who knew the client's number could send it.
     */
    Booked book(BookAppointmentUseCase.Command command);

    ManagedAppointment appointment(String manageToken);

    ManagedAppointment cancel(String manageToken, String reason);

    /** Same service, same provider, another time; refused after the cutoff like a cancellation. */
    ManagedAppointment reschedule(String manageToken, Instant start);

    /**
     * What the appointment the token opens still owes to be kept (its page is opened only from the deposit's own
     * page, never here); empty when nothing is owed.
     */
    Optional<PaymentDue> paymentDue(String manageToken);

    /**
     * A deposit by the id its link carries (a text's, an e-mail's, Stripe's way back): what it is for and where it
     * stands, with its Stripe page while it is open (opened now if it was not yet; the same page every time).
     *
     * @throws com.voiceappoint.application.error.NotFoundException "payment" for an id the business does not know
     */
    DepositPage deposit(BusinessId business, PaymentId payment);

    /** @param due the payment, and its Stripe page while it can be paid */
    record DepositPage(Business business, AppointmentDetails details, PaymentDue due) {}

    /**
     * Active services in catalogue order; business-wide special days from today; and what the business says of
     * itself: its description, its address, the number its clients ring (its own, else its first voice line) and the
     * numbers that book by voice (none while voice booking is off).
     *
     * @param takesDeposits whether a service's deposit is asked when booking here now (this server takes payments and
     *     the business's Stripe account can): otherwise its deposit services book as any other
     */
    record BusinessPage(
            Business business,
            List<Service> services,
            List<ServiceCategory> categories,
            List<Provider> providers,
            WeeklyHours weeklyHours,
            List<SpecialDay> specialDays,
            String description,
            Optional<String> address,
            Optional<PhoneNumber> phone,
            List<PhoneNumber> voiceNumbers,
            boolean takesDeposits) {
        public BusinessPage(
                Business business,
                List<Service> services,
                List<ServiceCategory> categories,
                List<Provider> providers,
                WeeklyHours weeklyHours,
                List<SpecialDay> specialDays,
                String description,
                Optional<String> address,
                Optional<PhoneNumber> phone,
                List<PhoneNumber> voiceNumbers) {
            this(
                    business,
                    services,
                    categories,
                    providers,
                    weeklyHours,
                    specialDays,
                    description,
                    address,
                    phone,
                    voiceNumbers,
                    false);
        }
    }

    /**
     * The token is shown once: only its hash is kept. The manage code comes with it: what the client says on a call
     * whose number proves nothing, to manage the appointment by phone.
     */
    record Booked(
            BookAppointmentUseCase.Result result,
            Optional<String> manageToken,
            Optional<String> manageCode,
            Optional<PaymentDue> payment) {
        public Booked(BookAppointmentUseCase.Result result, Optional<String> manageToken, Optional<String> manageCode) {
            this(result, manageToken, manageCode, Optional.empty());
        }
    }

    /**
     * An appointment as its client sees it, with until when they may still change it, and its manage code on the page
     * the manage token opens.
     */
    record ManagedAppointment(Business business, AppointmentDetails details, Optional<String> manageCode) {
        public ManagedAppointment(Business business, AppointmentDetails details) {
            this(business, details, Optional.empty());
        }

        public Instant changeableUntil() {
            return details.appointment().changeableUntil(business.policy().cancellationCutoff());
        }
    }
}
