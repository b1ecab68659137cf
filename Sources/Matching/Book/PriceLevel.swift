/// One price level of one side: the FIFO of its orders as an intrusive doubly linked
/// list through `OrderSlot.prev`/`next`.
struct PriceLevel: Sendable {
    var price: Int64
    /// Open quantity of all orders at the level, reserve included.
    var quantity: Int64
    var head: Int32
    var tail: Int32
    var count: Int32
}
