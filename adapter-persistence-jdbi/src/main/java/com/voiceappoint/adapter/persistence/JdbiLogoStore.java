package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.port.out.LogoStore;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Logo;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

public final class JdbiLogoStore implements LogoStore {
    private final Jdbi jdbi;

    JdbiLogoStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Logo> find(BusinessId businessId) {
        return jdbi.withHandle(
                h -> h.createQuery("select media_type, image, digest from business_logos where business_id = :business")
                        .bind("business", businessId.value())
                        .map((rs, ctx) -> new Logo(
                                businessId, rs.getString("media_type"), rs.getBytes("image"), rs.getString("digest")))
                        .findOne());
    }

    @Override
    public void save(Logo logo) {
        jdbi.useHandle(h -> h.createUpdate("insert into business_logos (business_id, media_type, image, digest) "
                        + "values (:business, :type, :image, :digest) on conflict (business_id) do update set "
                        + "media_type = excluded.media_type, image = excluded.image, digest = excluded.digest, "
                        + "updated_at = now()")
                .bind("business", logo.businessId().value())
                .bind("type", logo.mediaType())
                .bind("image", logo.bytes())
                .bind("digest", logo.digest())
                .execute());
    }

    @Override
    public boolean remove(BusinessId businessId) {
        return jdbi.withHandle(h -> h.createUpdate("delete from business_logos where business_id = :business")
                        .bind("business", businessId.value())
                        .execute())
                > 0;
    }
}
