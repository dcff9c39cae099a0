package com.voiceappoint.adapter.http;

import com.voiceappoint.application.port.in.GetProfileQuery;
import com.voiceappoint.application.port.in.InvitationsUseCase;
import com.voiceappoint.application.port.in.MembersUseCase;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.Invitation;
import io.javalin.http.Context;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Who works in a business: members with their roles, and invitations waiting for an answer; and, for the invited,
 * their own invitations to accept or decline.
 */
final class MemberRoutes {
    private final MembersUseCase members;
    private final InvitationsUseCase invitations;
    private final Bodies bodies;

    MemberRoutes(MembersUseCase members, InvitationsUseCase invitations, Bodies bodies) {
        this.members = members;
        this.invitations = invitations;
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

    record InvitationView(UUID id, String email, String role, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
        static InvitationView of(Invitation i) {
            return new InvitationView(
                    i.id(),
                    i.email().value(),
                    i.role().code(),
                    i.createdAt().atOffset(ZoneOffset.UTC),
                    i.expiresAt().atOffset(ZoneOffset.UTC));
        }
    }

    /** An invitation as the invited person sees it: which business, in which role. */
    record PendingInvitationView(
            UUID id, Views.BusinessView business, String role, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
        static PendingInvitationView of(InvitationsUseCase.Pending pending) {
            Invitation i = pending.invitation();
            return new PendingInvitationView(
                    i.id(),
                    Views.BusinessView.of(pending.business()),
                    i.role().code(),
                    i.createdAt().atOffset(ZoneOffset.UTC),
                    i.expiresAt().atOffset(ZoneOffset.UTC));
        }
    }

    void list(Context ctx) {
        MembersUseCase.Team team = members.team(RequestContext.member(ctx), BusinessRoutes.id(ctx));
        Pages.respond(ctx, team.members().stream().map(MemberView::of).toList());
    }

    /** Invitations not yet accepted; only those who may manage members see them. */
    void invitations(Context ctx) {
        MembersUseCase.Team team = members.team(RequestContext.member(ctx), BusinessRoutes.id(ctx));
        Pages.respond(ctx, team.invitations().stream().map(InvitationView::of).toList());
    }

    /**
     * Always 202 with the invitation, whether or not the e-mail has an account: the answer must not tell anyone who
     * is registered, and nobody joins a business without accepting.
     */
    void invite(Context ctx) {
        var business = BusinessRoutes.id(ctx);
        AddMemberRequest r = bodies.read(ctx, AddMemberRequest.class);
        Invitation invitation = members.invite(RequestContext.member(ctx), business, r.email(), r.role());
        ctx.status(202).json(InvitationView.of(invitation));
    }

    void changeRole(Context ctx) {
        var business = BusinessRoutes.id(ctx);
        UserId user = new UserId(Params.pathUuid(ctx, "user"));
        RoleRequest r = bodies.read(ctx, RoleRequest.class);
        ctx.json(MemberView.of(members.changeRole(RequestContext.member(ctx), business, user, r.role())));
    }

    void remove(Context ctx) {
        var business = BusinessRoutes.id(ctx);
        members.remove(RequestContext.member(ctx), business, new UserId(Params.pathUuid(ctx, "user")));
        ctx.status(204);
    }

    void cancelInvitation(Context ctx) {
        var business = BusinessRoutes.id(ctx);
        members.cancelInvitation(RequestContext.member(ctx), business, Params.pathUuid(ctx, "invitation"));
        ctx.status(204);
    }

    /** The caller's own invitations: those addressed to their account's e-mail. */
    void myInvitations(Context ctx) {
        Pages.respond(
                ctx,
                invitations.pending(RequestContext.member(ctx)).stream()
                        .map(PendingInvitationView::of)
                        .toList());
    }

    void accept(Context ctx) {
        GetProfileQuery.BusinessMembership joined =
                invitations.accept(RequestContext.member(ctx), Params.pathUuid(ctx, "invitation"));
        RequestContext.businessLanguage(ctx, joined.business().language());
        ctx.json(new AuthRoutes.MembershipView(
                Views.BusinessView.of(joined.business()), joined.role().code()));
    }

    void decline(Context ctx) {
        invitations.decline(RequestContext.member(ctx), Params.pathUuid(ctx, "invitation"));
        ctx.status(204);
    }
}
