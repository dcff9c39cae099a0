package com.voiceappoint.adapter.inmemory;

import com.voiceappoint.application.port.out.TransactionRunner;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The in-memory stores' database: one lock that a transaction holds from its first statement to its end, and a log
 * of how to undo each write made under it. A transaction that fails is undone in every store it wrote to, as
 * PostgreSQL rolls one back; transactions run one at a time, so what one checks (a free slot) still holds when it
 * writes. A call made outside a transaction is a transaction of its own, like a statement in autocommit.
 *
 * <p>A transaction begun inside another joins it, as the JDBI adapter's do; if the inner one fails only its own
 * writes are undone, and the outer one decides about the rest.
 */
public final class InMemoryTransactionRunner implements TransactionRunner {
    private final ReentrantLock lock = new ReentrantLock();
    /** How to undo each write of the running transaction, the latest first; touched only by the lock's holder. */
    private final Deque<Runnable> undo = new ArrayDeque<>();

    InMemoryTransactionRunner() {}

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        int before = undo.size();
        try {
            T result = work.get();
            if (lock.getHoldCount() == 1) {
                undo.clear(); // committed: nothing of it will be undone
            }
            return result;
        } catch (RuntimeException | Error failure) {
            while (undo.size() > before) {
                undo.pop().run();
            }
            throw failure;
        } finally {
            lock.unlock();
        }
    }

    /** Remembers how to undo a write being made; only a store's method, run inside a transaction, writes. */
    void written(Runnable undoIt) {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("an in-memory store was written outside its transaction runner");
        }
        undo.push(undoIt);
    }

    /** The store behind its port, each call of which runs in a transaction (joining the caller's, if there is one). */
    <P> P port(Class<P> type, P store) {
        return type.cast(Proxy.newProxyInstance(
                type.getClassLoader(),
                new Class<?>[] {type},
                (proxy, method, args) -> inTransaction(() -> {
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof RuntimeException failure) {
                            throw failure;
                        }
                        throw (Error) e.getCause(); // the ports declare no checked exceptions
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                })));
    }
}
