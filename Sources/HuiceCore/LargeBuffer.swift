#if canImport(Glibc)
import Glibc
#endif

/// Allocation of the big per-run buffers (bar columns, indicator columns, the equity ledger).
///
/// A run writes tens of megabytes it has never touched; with 4 KiB pages that is one page fault
/// per 4 KiB, which measured as a third of a one-million-bar run on this machine. On Linux, buffers
/// of 4 MiB and more are mapped directly and advised as transparent huge pages (2 MiB each), which
/// cuts the faults by up to 512×, and freed mappings are kept (up to `poolLimit` bytes) for the
/// next run to reuse, already faulted in. Elsewhere (and for small buffers) this is `allocate`.
/// Contents of a new buffer are undefined, as with `allocate`.
public enum LargeBuffer {
    static let threshold = 4 << 20
    static let hugePage = 2 << 20
    /// Freed mappings kept for reuse, in bytes at most.
    public static let poolLimit = 512 << 20

    public static func allocate<T>(_ type: T.Type, capacity: Int) -> UnsafeMutablePointer<T> {
        let bytes = max(1, capacity) * MemoryLayout<T>.stride
        #if os(Linux)
        if bytes >= threshold {
            let length = (bytes + hugePage - 1) / hugePage * hugePage
            if let reused = Registry.reuse(length: length) { return reused.bindMemory(to: T.self, capacity: capacity) }
            // Over-map by one huge page so the buffer can start on a 2 MiB boundary.
            if let raw = mmap(nil, length + hugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
               raw != MAP_FAILED {
                let address = UInt(bitPattern: raw)
                let aligned = (address + UInt(hugePage) - 1) / UInt(hugePage) * UInt(hugePage)
                let start = UnsafeMutableRawPointer(bitPattern: aligned)!
                _ = madvise(start, length, MADV_HUGEPAGE)
                Registry.record(start: start, base: raw, length: length + hugePage, usable: length)
                return start.bindMemory(to: T.self, capacity: capacity)
            }
        }
        #endif
        return .allocate(capacity: max(1, capacity))
    }

    /// Advises the whole 2 MiB pages inside `buffer` as huge pages (Linux; a no-op elsewhere or
    /// for small buffers). For memory allocated by someone else, such as a new Swift array's
    /// storage, before it is first written.
    public static func adviseHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        guard buffer.count >= threshold, let base = buffer.baseAddress else { return }
        let start = (UInt(bitPattern: base) + UInt(hugePage) - 1) / UInt(hugePage) * UInt(hugePage)
        let end = (UInt(bitPattern: base) + UInt(buffer.count)) / UInt(hugePage) * UInt(hugePage)
        guard end > start, let address = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(address, Int(end - start), MADV_HUGEPAGE)
        #endif
    }

    public static func deallocate<T>(_ pointer: UnsafeMutablePointer<T>) {
        #if os(Linux)
        if let mapping = Registry.release(start: UnsafeMutableRawPointer(pointer)) {
            munmap(mapping.base, mapping.length)
            return
        }
        if Registry.isPooled(UnsafeMutableRawPointer(pointer)) { return }
        #endif
        pointer.deallocate()
    }

    #if os(Linux)
    /// The mappings handed out and the freed ones kept for reuse (few and long-lived, so locked
    /// arrays will do).
    private enum Registry {
        struct Mapping {
            var start: UnsafeMutableRawPointer
            var base: UnsafeMutableRawPointer
            var length: Int
            var usable: Int
        }
        nonisolated(unsafe) static var live: [Mapping] = []
        nonisolated(unsafe) static var pool: [Mapping] = []
        nonisolated(unsafe) static var pooledBytes = 0
        nonisolated(unsafe) static var lock = pthread_mutex_t()
        nonisolated(unsafe) static var initialized: Bool = {
            pthread_mutex_init(&lock, nil)
            return true
        }()

        static func locked<R>(_ body: () -> R) -> R {
            _ = initialized
            pthread_mutex_lock(&lock)
            defer { pthread_mutex_unlock(&lock) }
            return body()
        }

        static func record(start: UnsafeMutableRawPointer, base: UnsafeMutableRawPointer, length: Int, usable: Int) {
            locked { live.append(Mapping(start: start, base: base, length: length, usable: usable)) }
        }

        /// A pooled mapping of at least `length` usable bytes (the smallest such), now live again.
        static func reuse(length: Int) -> UnsafeMutableRawPointer? {
            locked {
                guard let i = pool.indices.filter({ pool[$0].usable >= length }).min(by: { pool[$0].usable < pool[$1].usable })
                else { return nil }
                let mapping = pool.remove(at: i)
                pooledBytes -= mapping.length
                live.append(mapping)
                return mapping.start
            }
        }

        /// Takes a live mapping back: into the pool while it has room (nil returned: keep it
        /// mapped), else out of the books (returned: unmap it).
        static func release(start: UnsafeMutableRawPointer) -> Mapping? {
            locked {
                guard let i = live.firstIndex(where: { $0.start == start }) else { return nil }
                let mapping = live.remove(at: i)
                if pooledBytes + mapping.length <= LargeBuffer.poolLimit {
                    pool.append(mapping)
                    pooledBytes += mapping.length
                    return nil
                }
                return mapping
            }
        }

        static func isPooled(_ start: UnsafeMutableRawPointer) -> Bool {
            locked { pool.contains { $0.start == start } }
        }
    }
    #endif
}
