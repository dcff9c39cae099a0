package com.voiceappoint.adapter.inmemory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Rows by key, in the order they were first written, every write of which the transaction can undo. Values are
 * immutable, so undoing a write is putting back the value it replaced. Used only under the runner's lock.
 */
final class Table<K, V> {
    private final InMemoryTransactionRunner transactions;
    private final Map<K, V> rows = new LinkedHashMap<>();

    Table(InMemoryTransactionRunner transactions) {
        this.transactions = transactions;
    }

    Optional<V> find(K key) {
        return Optional.ofNullable(rows.get(key));
    }

    boolean contains(K key) {
        return rows.containsKey(key);
    }

    Stream<V> stream() {
        return rows.values().stream();
    }

    Collection<V> values() {
        return Collections.unmodifiableCollection(rows.values());
    }

    Stream<Map.Entry<K, V>> entries() {
        return rows.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue()));
    }

    void put(K key, V value) {
        boolean existed = rows.containsKey(key);
        V previous = rows.put(key, value);
        transactions.written(existed ? () -> rows.put(key, previous) : () -> rows.remove(key));
    }

    /** Writes the value unless the key has one, and answers the value the key has now. */
    V putIfAbsent(K key, V value) {
        if (!rows.containsKey(key)) {
            put(key, value);
        }
        return rows.get(key);
    }

    Optional<V> remove(K key) {
        if (!rows.containsKey(key)) {
            return Optional.empty();
        }
        V previous = rows.remove(key);
        transactions.written(() -> rows.put(key, previous));
        return Optional.of(previous);
    }

    boolean removeIf(Predicate<? super V> matches) {
        List<K> doomed = new ArrayList<>();
        rows.forEach((key, value) -> {
            if (matches.test(value)) {
                doomed.add(key);
            }
        });
        doomed.forEach(this::remove);
        return !doomed.isEmpty();
    }

    /** Replaces each row by what the function makes of it; rows it returns unchanged are not written. */
    void replaceAll(BiFunction<? super K, ? super V, ? extends V> change) {
        List<Map.Entry<K, V>> changed = new ArrayList<>();
        rows.forEach((key, value) -> {
            V next = change.apply(key, value);
            if (!next.equals(value)) {
                changed.add(Map.entry(key, next));
            }
        });
        changed.forEach(e -> put(e.getKey(), e.getValue()));
    }
}
