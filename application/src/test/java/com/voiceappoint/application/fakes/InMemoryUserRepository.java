package com.voiceappoint.application.fakes;

import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.port.out.UserRepository;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.account.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryUserRepository implements UserRepository {
    private final Map<UserId, User> users = new ConcurrentHashMap<>();

    @Override
    public synchronized void add(User user) {
        if (findByEmail(user.email()).isPresent()) {
            throw new DuplicateKeyException(DuplicateKeyException.Key.USER_EMAIL, null);
        }
        users.put(user.id(), user);
    }

    @Override
    public void update(User user) {
        users.put(user.id(), user);
    }

    @Override
    public Optional<User> findById(UserId id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public List<User> findByIds(Collection<UserId> ids) {
        return ids.stream().map(users::get).filter(u -> u != null).toList();
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return users.values().stream().filter(u -> u.email().equals(email)).findFirst();
    }
}
