package org.pidlink.emulator.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Appends lines to numbered journal files with group commit: callers queue lines and may wait until theirs are
 * on disk; one writer thread writes whatever has queued up in one {@code write} and one {@code fsync}, so many
 * concurrent changes share a flush. Lines reach the file in the order they were queued. A rotation marker makes
 * the writer continue in the next file, after everything queued before it is flushed in the current one.
 *
 * <p>A {@link ReentrantLock}, not {@code synchronized}: request threads are virtual and wait here.
 */
final class JournalWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JournalWriter.class.getName());
    private static final byte[] ROTATE = new byte[0];

    private final LongFunction<Path> files;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition queued = lock.newCondition();
    private final Condition flushed = lock.newCondition();
    private final Thread thread;
    private List<byte[]> pending = new ArrayList<>();
    private long appended;
    private long durable;
    private boolean closing;
    private IOException failure;
    private volatile long fileNumber;
    private FileChannel channel;
    private volatile long fileSize;

    /** @param files the path of journal file N; writing starts in file {@code first} */
    JournalWriter(LongFunction<Path> files, long first) {
        this.files = files;
        this.fileNumber = first;
        try {
            this.channel = open(first);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the emulator's journal " + files.apply(first), e);
        }
        this.thread = Thread.ofPlatform().daemon().name("orcid-emulator-journal").start(this::run);
    }

    /** Queues a line (ending in a newline); returns its sequence number for {@link #awaitDurable}. */
    long append(byte[] line) {
        lock.lock();
        try {
            if (closing) {
                throw new IllegalStateException("the emulator's journal is closed");
            }
            pending.add(line);
            queued.signal();
            return ++appended;
        } finally {
            lock.unlock();
        }
    }

    /** Makes the writer continue in the next file; returns the number of the file it left, once flushed. */
    long rotate() {
        long marker = append(ROTATE);
        awaitDurable(marker);
        lock.lock();
        try {
            return fileNumber - 1;
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until line {@code sequence} (and every line before it) is written and flushed to the disk. */
    void awaitDurable(long sequence) {
        lock.lock();
        try {
            while (durable < sequence && failure == null) {
                flushed.awaitUninterruptibly();
            }
            if (failure != null) {
                throw new UncheckedIOException("the emulator cannot write its journal", failure);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Bytes in the current file, as last written (for deciding when to compact). */
    long currentFileSize() {
        lock.lock();
        try {
            return fileSize;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (true) {
            List<byte[]> batch;
            long upTo;
            lock.lock();
            try {
                while (pending.isEmpty() && !closing) {
                    queued.awaitUninterruptibly();
                }
                if (pending.isEmpty()) {
                    return;
                }
                batch = pending;
                pending = new ArrayList<>();
                upTo = appended;
            } finally {
                lock.unlock();
            }
            try {
                write(batch);
                lock.lock();
                try {
                    durable = upTo;
                    flushed.signalAll();
                } finally {
                    lock.unlock();
                }
            } catch (IOException e) {
                LOG.log(Level.SEVERE, "the ORCID emulator cannot write its journal; changes are no longer saved", e);
                lock.lock();
                try {
                    failure = e;
                    flushed.signalAll();
                } finally {
                    lock.unlock();
                }
                return;
            }
        }
    }

    private void write(List<byte[]> batch) throws IOException {
        int from = 0;
        for (int i = 0; i <= batch.size(); i++) {
            if (i == batch.size() || batch.get(i) == ROTATE) {
                writeAndForce(batch.subList(from, i));
                if (i < batch.size()) {
                    channel.close();
                    channel = open(fileNumber + 1);
                    fileNumber++;
                    fileSize = 0;
                }
                from = i + 1;
            }
        }
    }

    private void writeAndForce(List<byte[]> lines) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        int size = 0;
        for (byte[] line : lines) {
            size += line.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        for (byte[] line : lines) {
            buffer.put(line);
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
        fileSize += size;
    }

    private FileChannel open(long number) throws IOException {
        FileChannel opened = FileChannel.open(files.apply(number), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        fileSize = opened.size();
        return opened;
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        lock.lock();
        try {
            closing = true;
            queued.signal();
        } finally {
            lock.unlock();
        }
        try {
            thread.join();
            channel.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the emulator's journal", e);
        }
    }
}
