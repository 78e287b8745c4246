/// A growable, copy-on-write sequence of values, like `Array`, whose storage comes from
/// `LargeBuffer`: big columns (an equity ledger of a million sessions, an event log) get huge
/// pages and are reused by the next run in the process instead of being faulted in afresh.
///
/// Used for the result columns the engine appends to in its hot loop. The storage's fields opt
/// out of dynamic exclusivity checks: they are reached only through this struct, whose mutation
/// is itself exclusive (copy-on-write keeps every mutated buffer unique), and the checks cost more
/// than the append.
public struct Column<Element>: RandomAccessCollection, @unchecked Sendable {
    @usableFromInline
    final class Storage {
        @usableFromInline @exclusivity(unchecked) var base: UnsafeMutablePointer<Element>
        @usableFromInline @exclusivity(unchecked) var count = 0
        @usableFromInline @exclusivity(unchecked) var capacity: Int

        init(capacity: Int) {
            self.capacity = Swift.max(capacity, 16)
            base = LargeBuffer.allocate(Element.self, capacity: self.capacity)
        }

        deinit {
            base.deinitialize(count: count)
            LargeBuffer.deallocate(base)
        }

        func copy(capacity newCapacity: Int) -> Storage {
            let copy = Storage(capacity: newCapacity)
            copy.base.initialize(from: base, count: count)
            copy.count = count
            return copy
        }
    }

    @usableFromInline var storage: Storage

    public init(capacity: Int = 0) { storage = Storage(capacity: capacity) }

    public init(_ elements: some Sequence<Element>) {
        self.init()
        for element in elements { append(element) }
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { storage.count }
    @inlinable public var count: Int { storage.count }

    @inlinable public subscript(position: Int) -> Element {
        precondition(position >= 0 && position < storage.count, "column index out of range")
        return storage.base[position]
    }

    @inlinable public mutating func append(_ element: Element) {
        if !isKnownUniquelyReferenced(&storage) || storage.count == storage.capacity { grow() }
        (storage.base + storage.count).initialize(to: element)
        storage.count += 1
    }

    /// Appends without the uniqueness and capacity checks, for an owner that reserved the capacity
    /// and holds the only reference (the engine's ledger, one entry per session). Misuse traps in
    /// debug builds.
    @inlinable public mutating func appendAssumingUniqueCapacity(_ element: Element) {
        assert(storage.count < storage.capacity && isKnownUniquelyReferenced(&storage))
        (storage.base + storage.count).initialize(to: element)
        storage.count += 1
    }

    public mutating func reserveCapacity(_ minimumCapacity: Int) {
        if !isKnownUniquelyReferenced(&storage) || storage.capacity < minimumCapacity {
            storage = storage.copy(capacity: Swift.max(minimumCapacity, storage.capacity))
        }
    }

    /// A unique buffer with room for one more element (doubling when full).
    @usableFromInline mutating func grow() {
        let full = storage.count == storage.capacity
        storage = storage.copy(capacity: full ? storage.capacity * 2 : storage.capacity)
    }
}

extension Column: Equatable where Element: Equatable {
    public static func == (lhs: Column, rhs: Column) -> Bool { lhs.elementsEqual(rhs) }
}

extension Column: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) { self.init(elements) }
}
