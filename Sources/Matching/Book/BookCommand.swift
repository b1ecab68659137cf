/// A command to a book, for callers that queue or log commands as values.
public enum BookCommand: Sendable, Hashable {
    /// Place a new order.
    case place(NewOrder)
    /// Cancel a resting order.
    case cancel(id: UInt64)
    /// Take lots off a resting order, keeping its priority.
    case reduce(id: UInt64, by: Int64)
    /// Amend a resting order's price and/or open quantity (`nil` keeps it).
    case amend(id: UInt64, price: Int64?, quantity: Int64?)
}

extension OrderBook {
    /// Applies one command at `time`, appending its events.
    public mutating func apply(_ command: BookCommand, at time: Int64, events: inout [BookEvent]) {
        switch command {
        case .place(let order): place(order, at: time, events: &events)
        case .cancel(let id): cancel(id, events: &events)
        case .reduce(let id, let quantity): reduce(id, by: quantity, events: &events)
        case .amend(let id, let price, let quantity): amend(id, price: price, quantity: quantity, events: &events)
        }
    }
}
