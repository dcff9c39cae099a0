package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.shared.Language;

/** Checks an e-mail and password. Unknown e-mail and wrong password fail the same way, in the same time. */
public interface AuthenticateUseCase {

    AuthenticatedUser authenticate(String email, String password);

    record AuthenticatedUser(UserId userId, EmailAddress email, String fullName, Language language) {}
}
