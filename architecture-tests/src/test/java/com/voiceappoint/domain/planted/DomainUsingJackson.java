package com.voiceappoint.domain.planted;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Planted violation: the domain reaching for a framework. */
public class DomainUsingJackson {
    public String serialize(Object value) throws Exception {
        return new ObjectMapper().writeValueAsString(value);
    }
}
