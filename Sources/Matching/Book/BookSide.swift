/// The price levels of one side in priority order, kept as a sorted array of keys with
/// the best level LAST, so the levels matching touches most are removed and inserted at
/// the end without moving the rest. A bid's key is its price, an ask's key its negated
/// price: on both sides a higher key is a better price.
///
/// A level that empties away from the best stays listed (empty) so that cancels and
/// moves deep in the book do not shift the array, and it is reused when an order comes
/// back to its price. The best (last) level is never empty; empty levels are dropped
/// when they become the best, or all at once when they outnumber the live ones.
struct BookSide: Sendable {
    var keys: ContiguousArray<Int64> = []
    /// The level (index into the book's level pool) of each key.
    var levels: ContiguousArray<Int32> = []
    /// How many listed levels are empty.
    var emptyLevels = 0

    @inline(__always)
    static func key(_ price: Int64, _ side: Side) -> Int64 { side == .buy ? price : -price }

    /// The index of `key`, or where it would be inserted, and whether it was found.
    /// New prices cluster near the best, so the search walks a few steps from the end
    /// before falling back to bisection.
    @inline(__always)
    func position(of key: Int64) -> (index: Int, found: Bool) {
        var upper = keys.count
        var steps = 0
        while upper > 0 && steps < 8 {
            let k = keys[upper - 1]
            if k == key { return (upper - 1, true) }
            if k < key { return (upper, false) }
            upper -= 1
            steps += 1
        }
        // Branch-free lower bound over keys[0..<upper]: the comparison becomes a
        // conditional move, so no mispredicted jumps on random prices.
        return keys.withUnsafeBufferPointer { buffer in
            guard upper > 0, let base = buffer.baseAddress else { return (0, false) }
            var low = 0
            var length = upper
            while length > 1 {
                let half = length >> 1
                low = base[low + half - 1] < key ? low + half : low
                length -= half
            }
            let index = base[low] < key ? low + 1 : low
            return (index, index < upper && base[index] == key)
        }
    }

    @inline(__always)
    mutating func insert(key: Int64, level: Int32, at index: Int) {
        if index == keys.count {
            keys.append(key)
            levels.append(level)
        } else {
            keys.insert(key, at: index)
            levels.insert(level, at: index)
        }
    }

    @inline(__always)
    mutating func remove(at index: Int) {
        if index == keys.count - 1 {
            keys.removeLast()
            levels.removeLast()
        } else {
            keys.remove(at: index)
            levels.remove(at: index)
        }
    }

    /// Drops empty levels from the best end, returning their handles to `free`.
    @inline(__always)
    mutating func trimEmptyBest(_ pool: ContiguousArray<PriceLevel>, _ free: inout ContiguousArray<Int32>) {
        while let last = levels.last, pool[Int(last)].count == 0 {
            keys.removeLast()
            levels.removeLast()
            emptyLevels -= 1
            free.append(last)
        }
    }

    /// Drops every empty level once they outnumber the live ones, so a side's array
    /// stays proportional to the prices that hold orders.
    @inline(__always)
    mutating func compactIfSparse(_ pool: ContiguousArray<PriceLevel>, _ free: inout ContiguousArray<Int32>) {
        guard emptyLevels > 64 && emptyLevels * 2 > keys.count else { return }
        var kept = 0
        for position in 0..<keys.count {
            let level = levels[position]
            if pool[Int(level)].count == 0 {
                free.append(level)
            } else {
                keys[kept] = keys[position]
                levels[kept] = level
                kept += 1
            }
        }
        keys.removeLast(keys.count - kept)
        levels.removeLast(levels.count - kept)
        emptyLevels = 0
    }
}
