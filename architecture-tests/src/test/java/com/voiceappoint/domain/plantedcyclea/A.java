package com.voiceappoint.domain.plantedcyclea;

import com.voiceappoint.domain.plantedcycleb.B;

/** Planted violation: half of a cycle between domain packages. */
public class A {
    public B b;
}
