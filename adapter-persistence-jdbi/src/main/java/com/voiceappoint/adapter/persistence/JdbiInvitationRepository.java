package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.port.out.InvitationRepository;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Invitation;
import com.voiceappoint.domain.business.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Invitations, one per business and e-mail (a unique constraint). Taking one to accept it is a single delete that
 * answers the row it removed: of two acceptances, or an acceptance and a cancellation, at the same moment, the row
 * lock lets exactly one of them have it.
 */
public final class JdbiInvitationRepository implements InvitationRepository {
    private static final String COLUMNS = "business_id, id, email, role, invited_by, created_at, expires_at";
    private static final String OF_LIVE_BUSINESS =
            " and exists (select 1 from businesses b where b.id = i.business_id and b.deleted_at is null)";

    private final Jdbi jdbi;

    JdbiInvitationRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Invitation save(Invitation invitation) {
        return jdbi.withHandle(h -> h.createQuery("insert into invitations (" + COLUMNS + ") values (:business, "
                        + ":id, :email, :role, :by, :at, :expires) on conflict on constraint invitations_one_per_email "
                        + "do update set role = excluded.role, invited_by = excluded.invited_by, "
                        + "created_at = excluded.created_at, expires_at = excluded.expires_at returning " + COLUMNS)
                .bind("business", invitation.businessId().value())
                .bind("id", invitation.id())
                .bind("email", invitation.email().value())
                .bind("role", invitation.role().code())
                .bind("by", invitation.invitedBy().value())
                .bind("at", Rows.timestamp(invitation.createdAt()))
                .bind("expires", Rows.timestamp(invitation.expiresAt()))
                .map(JdbiInvitationRepository::invitation)
                .one());
    }

    @Override
    public List<Invitation> findByBusiness(BusinessId businessId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select " + COLUMNS + " from invitations where business_id = :business order by created_at")
                .bind("business", businessId.value())
                .map(JdbiInvitationRepository::invitation)
                .list());
    }

    @Override
    public List<Invitation> findPending(EmailAddress email, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from invitations i where email = :email "
                        + "and expires_at > :now" + OF_LIVE_BUSINESS + " order by created_at, id")
                .bind("email", email.value())
                .bind("now", Rows.timestamp(now))
                .map(JdbiInvitationRepository::invitation)
                .list());
    }

    @Override
    public Optional<Invitation> findAddressedTo(UUID invitationId, EmailAddress email) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from invitations i where id = :id "
                        + "and email = :email" + OF_LIVE_BUSINESS)
                .bind("id", invitationId)
                .bind("email", email.value())
                .map(JdbiInvitationRepository::invitation)
                .findOne());
    }

    @Override
    public Optional<Invitation> take(UUID invitationId, EmailAddress email, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("delete from invitations i where id = :id and email = :email "
                        + "and expires_at > :now" + OF_LIVE_BUSINESS + " returning " + COLUMNS)
                .bind("id", invitationId)
                .bind("email", email.value())
                .bind("now", Rows.timestamp(now))
                .map(JdbiInvitationRepository::invitation)
                .findOne());
    }

    @Override
    public boolean remove(BusinessId businessId, UUID invitationId) {
        return jdbi.withHandle(h -> h.createUpdate("delete from invitations where business_id = :business and id = :id")
                        .bind("business", businessId.value())
                        .bind("id", invitationId)
                        .execute())
                > 0;
    }

    @Override
    public boolean removeAddressedTo(UUID invitationId, EmailAddress email) {
        return jdbi.withHandle(h -> h.createUpdate("delete from invitations where id = :id and email = :email")
                        .bind("id", invitationId)
                        .bind("email", email.value())
                        .execute())
                > 0;
    }

    private static Invitation invitation(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Invitation(
                Rows.uuid(rs, "id"),
                new BusinessId(Rows.uuid(rs, "business_id")),
                new EmailAddress(rs.getString("email")),
                Role.parse(rs.getString("role")),
                new UserId(Rows.uuid(rs, "invited_by")),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "expires_at"));
    }
}
