package com.voiceappoint.testkit;

import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.RegisterAccountUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.WeeklyHours;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A business that takes calls, as the voice tests open it: its owner, "Owner", taking appointments on weekdays from
 * 09:00 to 14:00 and 16:00 to 20:00; a cut (30 minutes, 18.50) and a colour (90 minutes, 45) bookable by phone; voice
 * booking on at its number, on the line {@code line-} and the number.
 *
 * @param cut the cut's service id
 */
public record VoiceTenant(BusinessId id, String slug, Actor owner, String cut) {

    /** @param language {@code es} names the colour "Tinte", any other "Colour" */
    public static VoiceTenant open(
            UseCases app,
            String email,
            String name,
            String zone,
            String currency,
            String language,
            String number,
            String cut) {
        var registered = app.registerAccount()
                .register(new RegisterAccountUseCase.Command(
                        email, "s3cret-enough", "Owner", language, name, "salon", zone, currency));
        Actor owner = Actor.member(registered.userId());
        BusinessId id = registered.businessId();
        app.businessHours()
                .setWeeklyHours(
                        owner,
                        id,
                        WeeklyHours.sameOn(
                                List.of(
                                        DayOfWeek.MONDAY,
                                        DayOfWeek.TUESDAY,
                                        DayOfWeek.WEDNESDAY,
                                        DayOfWeek.THURSDAY,
                                        DayOfWeek.FRIDAY),
                                List.of(OpeningWindow.of("09:00", "14:00"), OpeningWindow.of("16:00", "20:00"))));
        String service = service(app, owner, id, cut, 30, "18.50");
        service(app, owner, id, language.equals("es") ? "Tinte" : "Colour", 90, "45");
        app.voiceSettings()
                .update(
                        owner,
                        id,
                        new VoiceSettingsUseCase.Changes(
                                Optional.of(true),
                                Optional.of(List.of(number)),
                                Optional.of(List.of("line-" + number)),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()));
        return new VoiceTenant(id, app.business().get(owner, id).slug().value(), owner, service);
    }

    private static String service(UseCases app, Actor owner, BusinessId id, String name, int minutes, String price) {
        return app.createService()
                .create(new CreateServiceUseCase.Command(
                        owner,
                        id,
                        name,
                        "",
                        minutes,
                        new BigDecimal(price),
                        0,
                        0,
                        true,
                        Optional.empty(),
                        Set.of(),
                        Optional.empty()))
                .id()
                .toString();
    }
}
