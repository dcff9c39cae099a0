package com.voiceappoint.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.sentry.Sentry;
import io.sentry.SentryOptions;
import io.sentry.logback.SentryAppender;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every error logged to Sentry when {@code SENTRY_DSN} is set, through Sentry's own logback appender: an
 * unexpected failure in a request, a tool call or a job is reported with its stack trace, the request id (from the
 * logging context) and the log lines that led to it as breadcrumbs.
 */
final class ErrorReporting implements AutoCloseable {
    private static final String APPENDER = "SENTRY";

    private final Optional<SentryAppender> appender;

    private ErrorReporting(Optional<SentryAppender> appender) {
        this.appender = appender;
    }

    static ErrorReporting start(Optional<String> dsn, String environment) {
        if (dsn.isEmpty()) {
            return new ErrorReporting(Optional.empty());
        }
        SentryOptions options = new SentryOptions();
        options.setDsn(dsn.get());
        options.setEnvironment(environment);
        Optional.ofNullable(ErrorReporting.class.getPackage().getImplementationVersion())
                .ifPresent(options::setRelease);
        // callers' phone numbers and names travel in requests: none of that leaves for a third party
        options.setSendDefaultPii(false);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        SentryAppender appender = new SentryAppender();
        appender.setName(APPENDER);
        appender.setContext(context);
        appender.setOptions(options);
        appender.setMinimumEventLevel(Level.ERROR);
        appender.setMinimumBreadcrumbLevel(Level.INFO);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return new ErrorReporting(Optional.of(appender));
    }

    /** Sends what is queued, then stops reporting. */
    @Override
    public void close() {
        appender.ifPresent(sentry -> {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(sentry);
            sentry.stop();
            Sentry.close();
        });
    }
}
