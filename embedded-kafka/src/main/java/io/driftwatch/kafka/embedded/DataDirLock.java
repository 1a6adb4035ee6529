package io.driftwatch.kafka.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS file lock on a data directory, held for the broker's lifetime. Kafka locks its
 * log directories too, but only after formatting and half-way through start-up; taking our own lock
 * first means a second broker is refused before it touches anything, with a message that says which
 * directory and which key to change.
 */
final class DataDirLock implements AutoCloseable {

  static final String FILE_NAME = "driftwatch-broker.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static DataDirLock acquire(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new EmbeddedKafkaException(
          "Kafka data dir "
              + dataDir
              + " is not writable (cannot create "
              + file.getFileName()
              + ": "
              + e
              + "). Set kafka.embedded.dataDir to a directory this user can write.",
          e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      // Another broker in this very JVM holds it: the OS lock is per process, the JVM tracks it.
      lock = null;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new EmbeddedKafkaException("Cannot lock Kafka data dir " + dataDir + ": " + e, e);
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new EmbeddedKafkaException(
          "Kafka data dir "
              + dataDir
              + " is in use by another running embedded broker. Stop the other driftwatch"
              + " process, or set kafka.embedded.dataDir to a different directory.");
    }
    return new DataDirLock(channel, lock);
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // The channel close below releases it anyway.
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing left to release.
    }
  }
}
