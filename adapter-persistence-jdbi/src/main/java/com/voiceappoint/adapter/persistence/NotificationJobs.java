package com.voiceappoint.adapter.persistence;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.voiceappoint.application.port.in.DeliverNotificationUseCase;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.BusinessId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the jobs {@link JdbiNotificationStore} schedules with db-scheduler: every server polls {@code scheduled_tasks}
 * with {@code FOR UPDATE SKIP LOCKED}, so each due message is taken by one server; a job whose server died is taken up
 * again once its heartbeats stop, and the message's own claim keeps it from going out twice.
 */
public final class NotificationJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationJobs.class);
    /** When a job fails for a reason of our own (the database away), it is tried again after this. */
    static final Duration RETRY_AFTER_ERROR = Duration.ofMinutes(1);

    private final Scheduler scheduler;

    private NotificationJobs(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** The task that sends one message, for a scheduler built elsewhere (a test's manual one). */
    public static OneTimeTask<Void> task(DeliverNotificationUseCase delivery) {
        return Tasks.oneTime(JdbiNotificationStore.TASK)
                .onFailure(NotificationJobs::retry)
                .execute((instance, context) -> {
                    String[] ids = instance.getId().split("/", 3);
                    DeliverNotificationUseCase.Attempt outcome = delivery.deliverDue(
                            new BusinessId(UUID.fromString(ids[0])), new AppointmentId(UUID.fromString(ids[1])));
                    if (outcome instanceof DeliverNotificationUseCase.Attempt.RetryAt retry) {
                        throw new RetryLater(retry.at());
                    }
                });
    }

    private static void retry(ExecutionComplete complete, ExecutionOperations<Void> operations) {
        Instant at = complete.getCause()
                .filter(RetryLater.class::isInstance)
                .map(cause -> ((RetryLater) cause).at)
                .orElseGet(() -> {
                    LOG.warn(
                            "sending {} failed; trying again in {}",
                            complete.getExecution().taskInstance.getId(),
                            RETRY_AFTER_ERROR,
                            complete.getCause().orElse(null));
                    return complete.getTimeDone().plus(RETRY_AFTER_ERROR);
                });
        operations.reschedule(complete, at);
    }

    /**
     * Starts sending the due messages {@link PostgresPersistence#notifications()} plans, from this server and any other
     * on the same database: each message is sent by one of them.
     *
     * @param threads how many messages are sent at once by this server
     * @param pollingInterval how often the table is asked for due messages; a message goes out at most this late
     */
    public static NotificationJobs start(
            PostgresPersistence persistence,
            DeliverNotificationUseCase delivery,
            int threads,
            Duration pollingInterval) {
        return start(
                persistence.dataSource(),
                delivery,
                builder -> builder.threads(threads).pollingInterval(pollingInterval));
    }

    static NotificationJobs start(
            DataSource dataSource,
            DeliverNotificationUseCase delivery,
            Function<SchedulerBuilder, SchedulerBuilder> settings) {
        Task<Void> task = task(delivery);
        Scheduler scheduler = settings.apply(Scheduler.create(dataSource, task)
                        .pollUsingLockAndFetch(0.5, 1.0)
                        .failureLogging(com.github.kagkarlsson.scheduler.logging.LogLevel.DEBUG, false)
                        .shutdownMaxWait(Duration.ofSeconds(5)))
                .build();
        scheduler.start();
        return new NotificationJobs(scheduler);
    }

    @Override
    public void close() {
        scheduler.stop();
    }

    /** Not a failure: the message asked to be tried again then. */
    private static final class RetryLater extends RuntimeException {
        private final Instant at;

        RetryLater(Instant at) {
            super("retry at " + at, null, false, false);
            this.at = at;
        }
    }
}
