package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.account.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface UserRepository {

    /** @throws com.voiceappoint.application.error.DuplicateKeyException USER_EMAIL when the e-mail is taken */
    void add(User user);

    void update(User user);

    Optional<User> findById(UserId id);

    Optional<User> findByEmail(EmailAddress email);

    List<User> findByIds(Collection<UserId> ids);
}
