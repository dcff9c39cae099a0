package com.voiceappoint.adapter.inmemory;

import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.port.out.UserRepository;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.account.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

final class InMemoryUserRepository implements UserRepository {
    private final Table<UserId, User> users;

    InMemoryUserRepository(InMemoryTransactionRunner transactions) {
        users = new Table<>(transactions);
    }

    @Override
    public void add(User user) {
        if (findByEmail(user.email()).isPresent()) {
            throw new DuplicateKeyException(DuplicateKeyException.Key.USER_EMAIL, null);
        }
        users.put(user.id(), user);
    }

    @Override
    public void update(User user) {
        if (users.contains(user.id())) {
            users.put(user.id(), user);
        }
    }

    @Override
    public Optional<User> findById(UserId id) {
        return users.find(id);
    }

    @Override
    public List<User> findByIds(Collection<UserId> ids) {
        return ids.stream().flatMap(id -> users.find(id).stream()).toList();
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return users.stream().filter(u -> u.email().equals(email)).findFirst();
    }
}
