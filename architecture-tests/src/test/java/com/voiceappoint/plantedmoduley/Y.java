package com.voiceappoint.plantedmoduley;

import com.voiceappoint.plantedmodulex.X;

/** Planted violation: the other half of the cycle between modules. */
public class Y {
    public X x;
}
