package com.voiceappoint.domain.plantedcycleb;

import com.voiceappoint.domain.plantedcyclea.A;

/** Planted violation: the other half of the cycle. */
public class B {
    public A a;
}
