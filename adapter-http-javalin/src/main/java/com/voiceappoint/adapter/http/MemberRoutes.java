package com.voiceappoint.adapter.http;

import com.voiceappoint.application.port.in.MembersUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.Invitation;
import io.javalin.http.Context;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Who works in a business: members with their roles, and invitations waiting for a sign-up. */
final class MemberRoutes {
    private final UseCases app;
    private final Bodies bodies;

    MemberRoutes(UseCases app, Bodies bodies) {
        this.app = app;
        this.bodies = bodies;
    }

    record AddMemberRequest(
            @NotBlank(message = "validation.required") @Size(max = 254, message = "validation.too_long")
            String email,

            @NotBlank(message = "validation.required") @Size(max = 20, message = "validation.too_long")
            String role) {}

    record RoleRequest(
            @NotBlank(message = "validation.required") @Size(max = 20, message = "validation.too_long")
            String role) {}

    record MemberView(UUID userId, String email, String fullName, String role) {
        static MemberView of(MembersUseCase.Member m) {
            return new MemberView(
                    m.userId().value(), m.email(), m.fullName(), m.role().code());
        }
    }

    record InvitationView(UUID id, String email, String role, OffsetDateTime createdAt) {
        static InvitationView of(Invitation i) {
            return new InvitationView(
                    i.id(), i.email().value(), i.role().code(), i.createdAt().atOffset(ZoneOffset.UTC));
        }
    }

    void list(Context ctx) {
        MembersUseCase.Team team = app.members().team(RequestContext.member(ctx), BusinessRoutes.id(ctx));
        Pages.respond(ctx, team.members().stream().map(MemberView::of).toList());
    }

    /** Invitations not yet accepted; only those who may manage members see them. */
    void invitations(Context ctx) {
        MembersUseCase.Team team = app.members().team(RequestContext.member(ctx), BusinessRoutes.id(ctx));
        Pages.respond(ctx, team.invitations().stream().map(InvitationView::of).toList());
    }

    /** 201 with the member when the e-mail has an account; 202 with the invitation when it has not yet. */
    void add(Context ctx) {
        var business = BusinessRoutes.id(ctx);
        AddMemberRequest r = bodies.read(ctx, AddMemberRequest.class);
        MembersUseCase.Added added = app.members().add(RequestContext.member(ctx), business, r.email(), r.role());
        if (added.member().isPresent()) {
            ctx.status(201).json(MemberView.of(added.member().get()));
        } else {
            ctx.status(202).json(InvitationView.of(added.invitation().orElseThrow()));
        }
    }

    void changeRole(Context ctx) {
        var business = BusinessRoutes.id(ctx);
        UserId user = new UserId(Params.pathUuid(ctx, "user"));
        RoleRequest r = bodies.read(ctx, RoleRequest.class);
        ctx.json(MemberView.of(app.members().changeRole(RequestContext.member(ctx), business, user, r.role())));
    }

    void remove(Context ctx) {
        var business = BusinessRoutes.id(ctx);
        app.members().remove(RequestContext.member(ctx), business, new UserId(Params.pathUuid(ctx, "user")));
        ctx.status(204);
    }

    void cancelInvitation(Context ctx) {
        var business = BusinessRoutes.id(ctx);
        app.members().cancelInvitation(RequestContext.member(ctx), business, Params.pathUuid(ctx, "invitation"));
        ctx.status(204);
    }
}
