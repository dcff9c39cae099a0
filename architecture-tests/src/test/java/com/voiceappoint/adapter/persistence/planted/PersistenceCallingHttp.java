package com.voiceappoint.adapter.persistence.planted;

import com.voiceappoint.adapter.http.JsonMapping;
import com.voiceappoint.application.usecase.Interactors;

/** Planted violation: one adapter calling another, and an adapter reaching past the ports into interactors. */
public class PersistenceCallingHttp {
    public Object json() {
        return JsonMapping.create();
    }

    public Class<?> interactors() {
        return Interactors.class;
    }
}
