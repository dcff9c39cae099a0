package com.voiceappoint.plantedmodulex;

import com.voiceappoint.plantedmoduley.Y;

/** Planted violation: half of a cycle between modules. */
public class X {
    public Y y;
}
