package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.port.out.MembershipRepository;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Membership;
import com.voiceappoint.domain.business.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

public final class JdbiMembershipRepository implements MembershipRepository {
    private static final String LIVE_MEMBERSHIPS = "select m.business_id, m.user_id, m.role from business_members m "
            + "join businesses b on b.id = m.business_id and b.deleted_at is null ";

    private final Jdbi jdbi;

    JdbiMembershipRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Membership membership) {
        jdbi.useHandle(h -> h.createUpdate("insert into business_members (business_id, user_id, role) "
                        + "values (:business, :user, :role) "
                        + "on conflict (business_id, user_id) do update set role = excluded.role")
                .bind("business", membership.businessId().value())
                .bind("user", membership.userId().value())
                .bind("role", membership.role().code())
                .execute());
    }

    @Override
    public boolean join(Membership membership) {
        return jdbi.withHandle(h -> h.createUpdate("insert into business_members (business_id, user_id, role) "
                                + "values (:business, :user, :role) on conflict (business_id, user_id) do nothing")
                        .bind("business", membership.businessId().value())
                        .bind("user", membership.userId().value())
                        .bind("role", membership.role().code())
                        .execute())
                == 1;
    }

    @Override
    public Optional<Membership> find(BusinessId businessId, UserId userId) {
        return jdbi.withHandle(
                h -> h.createQuery(LIVE_MEMBERSHIPS + "where m.business_id = :business and m.user_id = :user")
                        .bind("business", businessId.value())
                        .bind("user", userId.value())
                        .map(JdbiMembershipRepository::membership)
                        .findOne());
    }

    @Override
    public List<Membership> lockTeam(BusinessId businessId) {
        return jdbi.withHandle(h -> h.createQuery("select business_id, user_id, role from business_members "
                        + "where business_id = :business order by created_at, user_id for update")
                .bind("business", businessId.value())
                .map(JdbiMembershipRepository::membership)
                .list());
    }

    @Override
    public List<Membership> findByBusiness(BusinessId businessId) {
        return jdbi.withHandle(h -> h.createQuery(
                        LIVE_MEMBERSHIPS + "where m.business_id = :business order by m.created_at, m.user_id")
                .bind("business", businessId.value())
                .map(JdbiMembershipRepository::membership)
                .list());
    }

    @Override
    public boolean remove(BusinessId businessId, UserId userId) {
        return jdbi.withHandle(h -> h.createUpdate(
                                "delete from business_members where business_id = :business and user_id = :user")
                        .bind("business", businessId.value())
                        .bind("user", userId.value())
                        .execute())
                > 0;
    }

    @Override
    public List<Membership> findByUser(UserId userId) {
        return jdbi.withHandle(h -> h.createQuery(LIVE_MEMBERSHIPS + "where m.user_id = :user order by m.created_at")
                .bind("user", userId.value())
                .map(JdbiMembershipRepository::membership)
                .list());
    }

    private static Membership membership(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Membership(
                new BusinessId(Rows.uuid(rs, "business_id")),
                new UserId(Rows.uuid(rs, "user_id")),
                Role.parse(rs.getString("role")));
    }
}
