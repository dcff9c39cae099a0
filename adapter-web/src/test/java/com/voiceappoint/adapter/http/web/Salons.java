package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.RegisterAccountUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Invitation;
import com.voiceappoint.domain.business.Role;
import java.util.UUID;

/** Businesses and the people in them, made through the use cases, and browsers signed in as those people. */
final class Salons {
    static final String PASSWORD = "a long enough password";

    private final WebServer server;

    Salons(WebServer server) {
        this.server = server;
    }

    /** A business in Madrid, priced in euros, founded by an owner who reads pages in {@code language}. */
    record Salon(String slug, BusinessId id, Actor.Member owner) {
        String at(String page) {
            return "/dashboard/" + slug + "/" + page;
        }
    }

    Salon found(String language) {
        RegisterAccountUseCase.Result founded = useCases()
                .registerAccount()
                .register(RegisterAccountUseCase.Command.builder(email(), PASSWORD)
                        .fullName("Lola Owner")
                        .language(language)
                        .businessName("Salón Lola")
                        .businessType("salon")
                        .timezone("Europe/Madrid")
                        .currency("EUR")
                        .country("ES")
                        .build());
        return new Salon(founded.businessSlug().value(), founded.businessId(), new Actor.Member(founded.userId()));
    }

    /** Someone who signs up, is invited in that role by the owner, and accepts. */
    Actor.Member join(Salon salon, Role role, String language) {
        String email = email();
        RegisterAccountUseCase.Result account = useCases()
                .registerAccount()
                .register(RegisterAccountUseCase.Command.builder(email, PASSWORD)
                        .fullName("Pepe " + role.code())
                        .language(language)
                        .build());
        Invitation invitation = useCases().members().invite(salon.owner(), salon.id(), email, role.code());
        Actor.Member member = new Actor.Member(account.userId());
        useCases().invitations().accept(member, invitation.id());
        return member;
    }

    /** A browser signed in as the member, on a page of theirs so it holds a CSRF token. */
    Browser browserOf(Actor.Member member, Salon salon) {
        Browser browser = server.browser();
        browser.signedIn(useCases().sessions().start(member.userId()).token());
        browser.get(salon.at("settings/business"));
        return browser;
    }

    static String email() {
        return "person-" + UUID.randomUUID() + "@example.com";
    }

    private UseCases useCases() {
        return server.useCases();
    }
}
