package com.voiceappoint.domain.planted;

/** Planted violation: a role named "Service" in a domain where a Service is what a business sells. */
public class BookingService {}
