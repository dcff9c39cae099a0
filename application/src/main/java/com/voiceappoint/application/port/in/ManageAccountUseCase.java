package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.account.UserId;
import java.util.Optional;

/** A user's own account: their name and language, and their password. */
public interface ManageAccountUseCase {

    User updateProfile(UserId user, Optional<String> fullName, Optional<String> language);

    /** Checks the current password, sets the new one and ends every login of the user. */
    void changePassword(UserId user, String currentPassword, String newPassword);
}
