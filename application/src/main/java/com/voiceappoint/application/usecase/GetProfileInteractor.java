package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.GetProfileQuery;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.MembershipRepository;
import com.voiceappoint.application.port.out.UserRepository;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Membership;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

public final class GetProfileInteractor implements GetProfileQuery {
    private final UserRepository users;
    private final MembershipRepository memberships;
    private final BusinessRepository businesses;

    public GetProfileInteractor(UserRepository users, MembershipRepository memberships, BusinessRepository businesses) {
        this.users = users;
        this.memberships = memberships;
        this.businesses = businesses;
    }

    @Override
    public Profile profile(UserId userId) {
        User user = users.findById(userId).orElseThrow(() -> new NotFoundException("user"));
        List<Membership> mine = memberships.findByUser(userId);
        Map<BusinessId, Business> byId =
                businesses.findByIds(mine.stream().map(Membership::businessId).toList()).stream()
                        .collect(Collectors.toMap(Business::id, Function.identity()));
        List<BusinessMembership> result = mine.stream()
                .filter(m -> byId.containsKey(m.businessId()))
                .map(m -> new BusinessMembership(byId.get(m.businessId()), m.role()))
                .sorted(Comparator.comparing(m -> m.business().name()))
                .toList();
        return new Profile(user, result);
    }
}
