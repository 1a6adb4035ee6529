package io.driftwatch.drift;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps a global store equal to its compacted topic: the latest value per key, a tombstone deletes.
 * Records without a key are skipped; a value that cannot be read never gets here (the
 * deserialization handler sends it to the dead-letter topic).
 */
final class GlobalStoreWriter<K, V> implements Processor<K, V, Void, Void> {

  private final String storeName;
  private KeyValueStore<K, V> store;

  GlobalStoreWriter(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<K, V> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      store.delete(record.key());
    } else {
      store.put(record.key(), record.value());
    }
  }
}
