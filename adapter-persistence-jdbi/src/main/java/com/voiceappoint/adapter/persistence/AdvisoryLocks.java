package com.voiceappoint.adapter.persistence;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.schedule.ProviderId;
import org.jdbi.v3.core.Handle;

/**
 * Every PostgreSQL advisory lock VoiceAppoint takes, one purpose number each, all here. They use the two-int form,
 * {@code pg_advisory_xact_lock(purpose, key)}, whose key space PostgreSQL keeps apart from the single-bigint one:
 * Flyway's migration lock and most tools lock there, so none of them can be held up by, or hold up, a lock of ours,
 * and two purposes of ours never meet either. The purpose numbers start with 0x5641 ("VA"), so that another program
 * sharing the database and using the two-int form is unlikely to pick the same.
 */
final class AdvisoryLocks {
    /** A provider's diary: its live time is written one transaction at a time. */
    static final int PROVIDER_DIARY = 0x5641_0001;

    /** One call of one business: its reports are applied one transaction at a time. */
    static final int CALL = 0x5641_0002;

    private AdvisoryLocks() {}

    /** Takes the call until the transaction ends; two calls sharing a key's hash only wait for each other. */
    static void call(Handle handle, BusinessId business, String callId) {
        handle.createUpdate("select pg_advisory_xact_lock(:purpose, :key)")
                .bind("purpose", CALL)
                .bind("key", (business.value() + "/" + callId).hashCode())
                .execute();
    }

    /**
     * Takes the provider's diary until the transaction ends. The key is the provider id's 32-bit hash: two providers
     * sharing one only wait for each other's writes, never write wrongly.
     */
    static void providerDiary(Handle handle, ProviderId provider) {
        handle.createUpdate("select pg_advisory_xact_lock(:purpose, :key)")
                .bind("purpose", PROVIDER_DIARY)
                .bind("key", providerKey(provider))
                .execute();
    }

    /** The id's hash as {@link java.util.UUID#hashCode()} defines it: the same on every JVM and every version. */
    static int providerKey(ProviderId provider) {
        return provider.value().hashCode();
    }
}
