import Foundation
import Matching

/// Replays an `equitychain orderflow v1` file (../shared/orderflow/gen.py) through one
/// book per symbol and computes the digests gen.py's `--expect` defines.
struct FlowReplay {
    var trades: [String] = []
    var books: [OrderBook] = []
    var commands = 0

    init(text: String) throws {
        let rules = try MarketRules(tickTable: .uniform(tick: 1))
        var events: [BookEvent] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let field = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard field.count == 8, let symbol = Int(field[1]), let id = UInt64(field[2]),
                let price = Int64(field[6]), let quantity = Int64(field[7])
            else { throw FlowError.badLine(String(line)) }
            while books.count <= symbol { books.append(OrderBook(rules: rules)) }
            commands += 1
            switch field[0] {
            case "P":
                let tif: TimeInForce =
                    field[5] == "IOC" ? .immediateOrCancel : field[5] == "FOK" ? .fillOrKill : .goodTillCancel
                let order = NewOrder(
                    id: id, owner: id, side: field[3] == "B" ? .buy : .sell,
                    type: field[4] == "M" ? .market : .limit(price: price), quantity: quantity, timeInForce: tif)
                books[symbol].place(order, at: 0, events: &events)
            case "C": books[symbol].cancel(id, events: &events)
            case "M": books[symbol].amend(id, price: price, events: &events)
            case "R": books[symbol].reduce(id, by: quantity, events: &events)
            default: throw FlowError.badLine(String(line))
            }
            for event in events {
                if case .rejected = event { throw FlowError.rejected(String(line)) }
                if case .executed(let e) = event { trades.append("\(symbol),\(e.maker),\(e.taker),\(e.price),\(e.quantity)\n") }
            }
            events.removeAll(keepingCapacity: true)
        }
    }

    var restingOrders: Int { books.reduce(0) { $0 + $1.restingOrderCount } }

    var tradesDigest: String {
        var hash = SHA256()
        for trade in trades { hash.update(trade.utf8) }
        return hash.finalize()
    }

    var booksDigest: String {
        var hash = SHA256()
        for (symbol, book) in books.enumerated() {
            for (side, letter) in [(Side.buy, "B"), (Side.sell, "S")] {
                for order in book.restingOrders(on: side) {
                    hash.update("\(symbol),\(letter),\(order.price ?? 0),\(order.id),\(order.remaining)\n".utf8)
                }
            }
        }
        return hash.finalize()
    }

    enum FlowError: Error {
        case badLine(String)
        case rejected(String)
    }
}

/// What gen.py `--expect` wrote for a flow.
struct FlowExpectation: Decodable {
    var commands: Int
    var trades: Int
    var resting_orders: Int
    var trades_sha256: String
    var books_sha256: String
}
