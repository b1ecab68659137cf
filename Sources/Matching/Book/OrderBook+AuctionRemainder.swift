extension OrderBook {
    /// Cancels what is left of an auction-only limit order (LOO, LOC) after its
    /// auction, with `CancelReason.auctionUnfilled`; does nothing if it left the book.
    mutating func cancelAuctionRemainder(_ id: UInt64, events: inout [BookEvent]) {
        let handle = index.find(id)
        guard handle >= 0 else { return }
        let quantity = orders[Int(handle)].remaining
        removeOrder(handle)
        events.append(.cancelled(Cancellation(id: id, quantity: quantity, remaining: 0, reason: .auctionUnfilled)))
    }
}
