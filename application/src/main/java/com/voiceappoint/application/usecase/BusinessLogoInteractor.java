package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BusinessLogoUseCase;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.LogoStore;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Logo;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.business.Slug;
import com.voiceappoint.domain.shared.InvalidValueException;
import java.util.Optional;

final class BusinessLogoInteractor implements BusinessLogoUseCase {
    private final BusinessAccess access;
    private final TransactionRunner transactions;
    private final BusinessRepository businesses;
    private final LogoStore logos;

    BusinessLogoInteractor(
            BusinessAccess access, TransactionRunner transactions, BusinessRepository businesses, LogoStore logos) {
        this.access = access;
        this.transactions = transactions;
        this.businesses = businesses;
        this.logos = logos;
    }

    @Override
    public Logo upload(Actor actor, BusinessId businessId, byte[] image) {
        access.require(actor, businessId, Permission.MANAGE_SETTINGS);
        Logo logo = Logo.of(businessId, image);
        return transactions.inTransaction(() -> {
            logos.save(logo);
            return logo;
        });
    }

    @Override
    public void remove(Actor actor, BusinessId businessId) {
        access.require(actor, businessId, Permission.MANAGE_SETTINGS);
        transactions.inTransaction(() -> logos.remove(businessId));
    }

    @Override
    public Optional<Logo> published(String slug) {
        try {
            return businesses.findBySlug(new Slug(slug)).flatMap(business -> logos.find(business.id()));
        } catch (InvalidValueException notASlug) {
            return Optional.empty();
        }
    }
}
