/// The price levels of one side, best first, as a price ladder.
///
/// Levels are addressed by a *ladder key*: the price's tick ordinal (its position in
/// the market's tick table, `TickTable.ordinal(of:)`) for bids and the negated ordinal
/// for asks, so that on both sides a higher key is a better price and neighbouring
/// valid prices have neighbouring keys.
///
/// A window of `windowSize` consecutive keys from `base` is an array of level handles
/// indexed by `key - base`, with a bitmap of the occupied entries: finding a price's
/// level, adding one and removing one are O(1), and the next best level after the best
/// empties is found by scanning the bitmap a word (64 prices) at a time. Levels worse
/// than the window (`key < base`) are kept in a sorted array (`farKeys`, best last)
/// so that a price far from the best costs memory proportional to the levels, not to
/// the distance. The window always holds the best level when the side is not empty:
/// a better price beyond the window's top, or a price just below it while the best is
/// near its bottom, moves the window, and when the window empties the best far levels
/// are pulled into it.
///
/// Empty levels are never listed: the book removes a level as soon as its last order
/// leaves. Nothing here depends on memory layout or hash order; the order of levels is
/// the order of their keys.
struct BookSide: Sendable {
    /// Keys the window covers; a power of two so the bitmap has whole words.
    static let windowSize = 2048
    /// Where a recentred window puts the best level: a quarter of the window above it
    /// for better prices to come, three quarters below for depth.
    static let bestOffset = windowSize * 3 / 4

    /// The key of window entry 0.
    private var base: Int64 = 0
    /// The level handle of each window key, or `OrderSlot.none`. Empty until the side
    /// first gets a level, so an unused book costs nothing.
    private var slots: ContiguousArray<Int32> = []
    /// One bit per window entry: set when the entry holds a level.
    private var occupied: ContiguousArray<UInt64> = []
    /// The window index of the best level, or -1 when the side is empty.
    private var top = -1
    /// Levels with keys below `base`, ascending (best last).
    private var farKeys: ContiguousArray<Int64> = []
    private var farLevels: ContiguousArray<Int32> = []

    /// The signed price used to compare prices of one side: the price for a bid, its
    /// negation for an ask, so a higher value is a better price.
    @inline(__always)
    static func priceKey(_ price: Int64, _ side: Side) -> Int64 { side == .buy ? price : -price }

    /// The ladder key of a tick ordinal on `side`.
    @inline(__always)
    static func ladderKey(ordinal: Int64, _ side: Side) -> Int64 { side == .buy ? ordinal : -ordinal }

    /// The best level's handle, or `OrderSlot.none` when the side is empty.
    @inline(__always)
    var bestLevel: Int32 { top < 0 ? OrderSlot.none : slots[top] }

    /// The window index of `key`, or nil when the key is outside the window.
    @inline(__always)
    private func windowIndex(_ key: Int64) -> Int? {
        guard key >= base else { return nil }
        // key >= base, so the wrapping difference read unsigned is exact.
        let offset = UInt64(bitPattern: key &- base)
        return offset < UInt64(Self.windowSize) ? Int(offset) : nil
    }

    /// The level listed at `key`, or `OrderSlot.none`.
    @inline(__always)
    func level(at key: Int64) -> Int32 {
        if let index = windowIndex(key) { return slots.isEmpty ? OrderSlot.none : slots[index] }
        guard key < base, let position = farPosition(of: key), farKeys[position] == key else {
            return OrderSlot.none
        }
        return farLevels[position]
    }

    /// Lists a new level at `key`, which holds none.
    @inline(__always)
    mutating func insert(key: Int64, level: Int32) {
        if top < 0 {
            recenter(bestKey: key)
        } else if key >= base {
            if windowIndex(key) == nil { recenter(bestKey: key) }
        } else if base &+ Int64(top) &- key < Int64(Self.windowSize / 2) {
            // Close below the best but under a window that has drifted up: move the
            // window down so the best sits at its usual place again.
            recenter(bestKey: base &+ Int64(top))
        }
        if let index = windowIndex(key) {
            set(index, level)
            if index > top { top = index }
        } else {
            let position = farPosition(of: key) ?? farKeys.count
            farKeys.insert(key, at: position)
            farLevels.insert(level, at: position)
        }
    }

    /// Unlists the level at `key` (it emptied).
    @inline(__always)
    mutating func remove(key: Int64) {
        if let index = windowIndex(key) {
            clear(index)
            if index == top { top = highestOccupied(atOrBelow: index) }
            if top < 0 && !farKeys.isEmpty {
                recenter(bestKey: farKeys[farKeys.count - 1])
            }
        } else if let position = farPosition(of: key), farKeys[position] == key {
            farKeys.remove(at: position)
            farLevels.remove(at: position)
        }
    }

    /// Calls `body` with every level best first until it returns false.
    @inline(__always)
    func forEachLevel(_ body: (Int32) -> Bool) {
        var index = top
        while index >= 0 {
            if !body(slots[index]) { return }
            index = index == 0 ? -1 : highestOccupied(atOrBelow: index - 1)
        }
        for position in stride(from: farKeys.count - 1, through: 0, by: -1) {
            if !body(farLevels[position]) { return }
        }
    }

    /// The highest occupied window index at or below `index`, or -1.
    @inline(__always)
    private func highestOccupied(atOrBelow index: Int) -> Int {
        var word = index >> 6
        // Keep the bits at or below `index` in its word.
        var bits = occupied[word] & (UInt64.max >> UInt64(63 - (index & 63)))
        while bits == 0 {
            word -= 1
            if word < 0 { return -1 }
            bits = occupied[word]
        }
        return (word << 6) + 63 - bits.leadingZeroBitCount
    }

    /// The position of the first far key at or above `key`, or nil when all are below.
    private func farPosition(of key: Int64) -> Int? {
        var low = 0
        var high = farKeys.count
        while low < high {
            let middle = (low + high) >> 1
            if farKeys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < farKeys.count ? low : nil
    }

    /// Moves the window so that `bestKey` (the side's best key, or a key about to
    /// become it) sits at `bestOffset`: window levels that fall below the new base go
    /// to the far list, far levels that the new window covers come into it. Works in
    /// place; nothing is allocated after the window's first use.
    private mutating func recenter(bestKey: Int64) {
        // Keys above Int64.max are never asked for, so only the low end saturates.
        let (shifted, overflow) = bestKey.subtractingReportingOverflow(Int64(Self.bestOffset))
        let newBase = overflow ? Int64.min : shifted
        if slots.isEmpty {
            slots = ContiguousArray(repeating: OrderSlot.none, count: Self.windowSize)
            occupied = ContiguousArray(repeating: 0, count: Self.windowSize / 64)
        } else if top >= 0 {
            // A side's keys share a sign and a base sits `bestOffset` below one of
            // them (or at Int64.min), so the difference fits in Int64.
            let shift = newBase - base
            if shift > 0 {
                // Up: keys below the new base are better than every far key, so they
                // join the far list's best end in ascending order; the rest move down.
                for index in 0...top where slots[index] != OrderSlot.none {
                    let level = slots[index]
                    clear(index)
                    if Int64(index) < shift {
                        farKeys.append(base &+ Int64(index))
                        farLevels.append(level)
                    } else {
                        set(index - Int(shift), level)
                    }
                }
            } else if shift < 0 {
                // Down (the best is near the bottom): everything moves up, best first.
                for index in stride(from: top, through: 0, by: -1) where slots[index] != OrderSlot.none {
                    let level = slots[index]
                    clear(index)
                    set(index + Int(-shift), level)
                }
            }
        }
        base = newBase
        top = highestOccupied(atOrBelow: Self.windowSize - 1)
        while let key = farKeys.last, key >= newBase {
            let index = Int(UInt64(bitPattern: key &- newBase))
            set(index, farLevels[farLevels.count - 1])
            if index > top { top = index }
            farKeys.removeLast()
            farLevels.removeLast()
        }
    }

    @inline(__always)
    private mutating func set(_ index: Int, _ level: Int32) {
        slots[index] = level
        occupied[index >> 6] |= 1 << UInt64(index & 63)
    }

    @inline(__always)
    private mutating func clear(_ index: Int) {
        slots[index] = OrderSlot.none
        occupied[index >> 6] &= ~(1 << UInt64(index & 63))
    }
}
