package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Logo;
import java.util.Optional;

/**
 * A business's logo: its owners and admins upload or remove it; anyone may see it, as they see the business's public
 * page.
 */
public interface BusinessLogoUseCase {

    /**
     * Replaces the business's logo with the image uploaded.
     *
     * @throws com.voiceappoint.domain.shared.InvalidValueException for field {@code logo}: not a PNG, JPEG or WebP
     *     image, or larger than {@link Logo#MAX_BYTES}
     */
    Logo upload(Actor actor, BusinessId businessId, byte[] image);

    /** Removes the business's logo; nothing happens if it has none. */
    void remove(Actor actor, BusinessId businessId);

    /** The logo of the business with that slug: empty for none, or for a business unknown or closed. */
    Optional<Logo> published(String slug);
}
