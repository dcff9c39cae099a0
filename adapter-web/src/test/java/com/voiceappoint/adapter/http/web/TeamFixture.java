package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.RegisterAccountUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.BusinessId;

/** Businesses and their members made through the use cases, and browsers signed in as them. */
final class TeamFixture {
    static final String PASSWORD = "s3cret-enough";

    private final WebServer server;

    TeamFixture(WebServer server) {
        this.server = server;
    }

    /** An owner's business in Madrid, in euros, speaking {@code language}; its owner is its first provider. */
    record Shop(BusinessId id, String slug, Actor.Member owner) {
        String at(String page) {
            return "/dashboard/" + slug + "/" + page;
        }
    }

    Shop shop(String email, String name, String language) {
        RegisterAccountUseCase.Result founded = server.useCases()
                .registerAccount()
                .register(RegisterAccountUseCase.Command.builder(email, PASSWORD)
                        .fullName("Lola Pérez")
                        .language(language)
                        .businessName(name)
                        .businessType("salon")
                        .timezone("Europe/Madrid")
                        .currency("EUR")
                        .build());
        return new Shop(founded.businessId(), founded.businessSlug().value(), new Actor.Member(founded.userId()));
    }

    /** Someone invited into the shop in {@code role}, who accepted. */
    Actor.Member member(Shop shop, String email, String role) {
        UseCases useCases = server.useCases();
        UserId user = useCases.registerAccount()
                .register(RegisterAccountUseCase.Command.builder(email, PASSWORD)
                        .fullName("Member " + role)
                        .language("en")
                        .build())
                .userId();
        Actor.Member member = new Actor.Member(user);
        useCases.members().invite(shop.owner(), shop.id(), email, role);
        useCases.invitations()
                .accept(
                        member,
                        useCases.invitations()
                                .pending(member)
                                .get(0)
                                .invitation()
                                .id());
        return member;
    }

    Browser browserOf(Actor.Member member) {
        return server.browser()
                .signedIn(server.useCases().sessions().start(member.userId()).token());
    }
}
