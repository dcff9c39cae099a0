package com.voiceappoint.adapter.http.ratelimit;

import java.time.Duration;
import java.util.Locale;

/**
 * How often one address or one account may try to sign up, log in or ask for a password reset: the same limits, by
 * the same names, for the REST API and the web app's pages, so an attacker who alternates between the two spends one
 * allowance, not two.
 */
public final class AccountLimits {
    public static final Limit REGISTER_PER_IP = new Limit("register-ip", 10, Duration.ofHours(1));
    public static final Limit REGISTER_PER_ACCOUNT = new Limit("register-account", 5, Duration.ofHours(1));
    public static final Limit LOGIN_PER_IP = new Limit("login-ip", 30, Duration.ofMinutes(5));
    public static final Limit LOGIN_PER_ACCOUNT = new Limit("login-account", 10, Duration.ofMinutes(15));
    /** Reset e-mails: few per address asked for, so nobody's inbox is flooded through us. */
    public static final Limit RESET_PER_IP = new Limit("password-reset-ip", 10, Duration.ofHours(1));

    public static final Limit RESET_PER_ACCOUNT = new Limit("password-reset-account", 3, Duration.ofHours(1));

    private AccountLimits() {}

    /** The key an account's attempts are counted under: its e-mail as the user may type it, in any case. */
    public static String account(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
