extension OrderBook {
    /// The resting orders of other owners that an incoming limit order on `side` at
    /// `price` could meet in continuous matching, in priority order, until their open
    /// quantity reaches `quantity` (empty unless the book is continuous). It reads the
    /// book only; a caller that must vet counterparties before a command (an exchange
    /// checking both sides' compliance) cancels the ones it refuses first. Cost: the
    /// orders returned, plus the levels walked.
    public func crossingOrders(side: Side, price: Int64, quantity: Int64, excludingOwner owner: UInt64) -> [RestingOrder] {
        guard state == .continuous, quantity > 0 else { return [] }
        var result: [RestingOrder] = []
        var covered: Int64 = 0
        (side == .buy ? asks : bids).forEachLevel { level in
            let levelPrice = levels[Int(level)].price
            guard side == .buy ? levelPrice <= price : levelPrice >= price else { return false }
            var handle = levels[Int(level)].head
            while handle != OrderSlot.none {
                let slot = orders[Int(handle)]
                if slot.owner != owner {
                    result.append(view(handle))
                    covered += slot.remaining
                    if covered >= quantity { return false }
                }
                handle = slot.next
            }
            return true
        }
        return result
    }
}
