#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A POSIX read-write lock: many readers at once, or one writer alone.
///
/// `RocksDB` takes the read side around every call into the C library and the write
/// side to close, so that closing waits for calls in flight and no call ever sees a
/// destroyed handle. (`Synchronization.Mutex` needs macOS 15; the package supports 14.)
///
/// `@unchecked Sendable`: the lock lives at a fixed heap address for the object's whole
/// life, and pthread read-write locks are made to be shared between threads.
final class ReadWriteLock: @unchecked Sendable {
    private let lock: UnsafeMutablePointer<pthread_rwlock_t>

    init() {
        lock = .allocate(capacity: 1)
        lock.initialize(to: pthread_rwlock_t())
        // Only fails on resource exhaustion (EAGAIN/ENOMEM), where nothing sensible remains.
        precondition(pthread_rwlock_init(lock, nil) == 0, "pthread_rwlock_init failed")
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deinitialize(count: 1)
        lock.deallocate()
    }

    /// Runs `body` holding the shared (read) side. `body` must not take the write side.
    func withReadLock<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }

    /// Runs `body` holding the exclusive (write) side.
    func withWriteLock<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }
}
