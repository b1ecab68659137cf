/// Order id → pool index: a flat open-addressing hash table with linear probing and
/// backward-shift deletion (no tombstones). Id 0 marks an empty entry, which is why the
/// book rejects order id 0. Lookups never depend on table order, only on keys.
struct OrderIndex: Sendable {
    struct Entry: Sendable {
        var key: UInt64
        var value: Int32
    }

    private var entries: ContiguousArray<Entry>
    private var mask: Int
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        entries = ContiguousArray(repeating: Entry(key: 0, value: -1), count: size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always)
    private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The pool index of `key`, or -1.
    @inline(__always)
    func find(_ key: UInt64) -> Int32 {
        var i = home(key)
        while true {
            let entry = entries[i]
            if entry.key == key { return entry.value }
            if entry.key == 0 { return -1 }
            i = (i + 1) & mask
        }
    }

    /// Inserts a key that is not present.
    @inline(__always)
    mutating func insert(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > entries.count { grow() }
        var i = home(key)
        while entries[i].key != 0 { i = (i + 1) & mask }
        entries[i] = Entry(key: key, value: value)
        count += 1
    }

    /// Points a present key at another pool index.
    @inline(__always)
    mutating func update(_ key: UInt64, _ value: Int32) {
        var i = home(key)
        while entries[i].key != key { i = (i + 1) & mask }
        entries[i].value = value
    }

    /// Removes a key if present.
    @inline(__always)
    mutating func remove(_ key: UInt64) {
        var i = home(key)
        while true {
            let k = entries[i].key
            if k == key { break }
            if k == 0 { return }
            i = (i + 1) & mask
        }
        // Shift later entries of the probe run back so no lookup stops early at the hole.
        var j = i
        while true {
            j = (j + 1) & mask
            let k = entries[j].key
            if k == 0 { break }
            let ideal = home(k)
            if (j - ideal) & mask >= (j - i) & mask {
                entries[i] = entries[j]
                i = j
            }
        }
        entries[i] = Entry(key: 0, value: -1)
        count -= 1
    }

    private mutating func grow() {
        let old = entries
        let size = old.count * 2
        entries = ContiguousArray(repeating: Entry(key: 0, value: -1), count: size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
        count = 0
        for entry in old where entry.key != 0 { insert(entry.key, entry.value) }
    }
}
