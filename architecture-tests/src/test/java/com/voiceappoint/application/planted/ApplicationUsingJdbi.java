package com.voiceappoint.application.planted;

import org.jdbi.v3.core.Jdbi;

/** Planted violation: a use case talking SQL. */
public class ApplicationUsingJdbi {
    public Jdbi jdbi;
}
