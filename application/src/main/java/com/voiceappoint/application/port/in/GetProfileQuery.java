package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.Role;
import java.util.List;

/** The logged-in user and the businesses they belong to, with their role in each. */
public interface GetProfileQuery {

    Profile profile(UserId userId);

    record Profile(User user, List<BusinessMembership> memberships) {}

    record BusinessMembership(Business business, Role role) {}
}
