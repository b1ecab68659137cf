/// One price level of one side: the FIFO of its orders as an intrusive doubly linked
/// list through `OrderSlot.prev`/`next`.
struct PriceLevel: Sendable {
    var price: Int64
    /// The level's ladder key on its side (`BookSide.ladderKey`); 0 for the market levels.
    var key: Int64
    /// Open quantity of all orders at the level, reserve included.
    var quantity: Int64
    var head: Int32
    var tail: Int32
    var count: Int32

    /// Appends an order (already linked behind the old tail) to the FIFO.
    @inline(__always)
    mutating func append(_ order: Int32, quantity: Int64) {
        if tail == OrderSlot.none { head = order }
        tail = order
        self.quantity += quantity
        count += 1
    }

    /// Takes out an order whose neighbours were `prev` and `next` (already relinked to
    /// each other) and returns how many orders are left.
    @inline(__always)
    mutating func remove(prev: Int32, next: Int32, quantity: Int64) -> Int32 {
        if prev == OrderSlot.none { head = next }
        if next == OrderSlot.none { tail = prev }
        self.quantity -= quantity
        count -= 1
        return count
    }
}
