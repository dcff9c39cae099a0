package com.voiceappoint.application.fakes;

import com.voiceappoint.application.port.out.OutboundPorts;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** The same ports with one replaced, found by its type: tests that break one store need not list all the others. */
public final class PortSwap {
    private PortSwap() {}

    public static <T> OutboundPorts with(OutboundPorts ports, Class<T> port, T replacement) {
        RecordComponent[] components = OutboundPorts.class.getRecordComponents();
        Object[] values = new Object[components.length];
        boolean replaced = false;
        try {
            for (int i = 0; i < components.length; i++) {
                if (components[i].getType().equals(port)) {
                    values[i] = replacement;
                    replaced = true;
                } else {
                    values[i] = components[i].getAccessor().invoke(ports);
                }
            }
            if (!replaced) {
                throw new IllegalArgumentException("no " + port.getSimpleName() + " among the ports");
            }
            Class<?>[] types =
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return OutboundPorts.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
