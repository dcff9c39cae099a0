package com.voiceappoint.examples;

import com.voiceappoint.application.port.in.AppointmentDetails;

/** One line about an appointment, in the business's own time. */
final class Report {
    private Report() {}

    static String of(AppointmentDetails details) {
        return "%s for %s with %s at %s: %s"
                .formatted(
                        details.serviceName(),
                        details.client().name(),
                        details.providerName(),
                        details.appointment().start().atZone(details.zone()).toLocalDateTime(),
                        details.appointment().status());
    }
}
