package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.port.out.InvitationRepository;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Invitation;
import com.voiceappoint.domain.business.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

public final class JdbiInvitationRepository implements InvitationRepository {
    private static final String COLUMNS = "business_id, id, email, role, invited_by, created_at";

    private final Jdbi jdbi;

    JdbiInvitationRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void save(Invitation invitation) {
        jdbi.useHandle(h -> h.createUpdate("insert into invitations (" + COLUMNS + ") values (:business, :id, :email, "
                        + ":role, :by, :at) on conflict on constraint invitations_one_per_email do update set "
                        + "role = excluded.role, invited_by = excluded.invited_by, created_at = excluded.created_at")
                .bind("business", invitation.businessId().value())
                .bind("id", invitation.id())
                .bind("email", invitation.email().value())
                .bind("role", invitation.role().code())
                .bind("by", invitation.invitedBy().value())
                .bind("at", Rows.timestamp(invitation.createdAt()))
                .execute());
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
    public List<Invitation> findByEmail(EmailAddress email) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from invitations where email = :email")
                .bind("email", email.value())
                .map(JdbiInvitationRepository::invitation)
                .list());
    }

    @Override
    public boolean remove(BusinessId businessId, UUID invitationId) {
        return jdbi.withHandle(h -> h.createUpdate("delete from invitations where business_id = :business and id = :id")
                        .bind("business", businessId.value())
                        .bind("id", invitationId)
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
                Rows.instant(rs, "created_at"));
    }
}
