package com.voiceappoint.application.port.in;

/**
 * A forgotten password set anew through a link sent by e-mail. Asking never tells whether an account has the address;
 * the link works once, for an hour, and only the newest one asked for; setting the password ends every login.
 */
public interface PasswordResetUseCase {

    /**
     * Sends the account with this e-mail, if there is one, a link to {@code linkBase} followed by a new token. Says
     * nothing either way: an unknown or malformed address is answered as a known one.
     */
    void request(String email, String linkBase);

    /** Whether the link's token still sets a password: known, unused, unexpired and the newest of its user. */
    boolean isOpen(String token);

    /**
     * Sets the new password of the link's user and ends every login of theirs, spending the link.
     *
     * @return false, changing nothing, when the link is not open
     * @throws com.voiceappoint.domain.shared.InvalidValueException when the password is not acceptable (the link
     *     stays open)
     */
    boolean reset(String token, String newPassword);
}
