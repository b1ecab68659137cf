import ArgumentParser
import COpenSSL
import Foundation
import Matching

/// `equity-bench matching --flow FILE`: replays an `equitychain orderflow v1` file (see
/// ../shared/orderflow/gen.py) through one `OrderBook` per symbol and reports throughput,
/// per-command latency percentiles and the trade and book SHA-256 digests gen.py's
/// `--expect` gives for a correct price-time book.
///
/// Timing excludes parsing: the file is loaded into memory first. Throughput comes from
/// untimed-per-command replays (the best of `--runs`); latencies from one more replay
/// that reads the monotonic clock around every command.
struct MatchingBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matching",
        abstract: "Replay a gen.py order-flow file through the matching engine.")

    @Option(help: "An equitychain orderflow v1 file written by gen.py.")
    var flow: String

    @Option(help: "Throughput replays; the fastest is reported.")
    var runs: Int = 3

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    func run() throws {
        guard runs > 0 else { throw ValidationError("--runs must be at least 1") }
        let commands = try OrderFlow.load(path: flow)
        var best = Double.infinity
        var outcome = try FlowReplay(symbols: commands.symbols)
        for _ in 0..<runs {
            var replay = try FlowReplay(symbols: commands.symbols)
            let seconds = Stopwatch.seconds { replay.run(commands.commands) }
            best = min(best, seconds)
            outcome = replay
        }
        var latencyReplay = try FlowReplay(symbols: commands.symbols)
        var latencies = latencyReplay.runTimed(commands.commands)
        latencies.sort()

        var report = BenchReport(scenario: "matching")
        report.record("commands", commands.commands.count)
        report.record("symbols", commands.symbols)
        report.record("seconds", best)
        report.record("commands_per_s", Double(commands.commands.count) / best)
        report.record("p50_ns", Int(Self.percentile(latencies, perMille: 500)))
        report.record("p99_ns", Int(Self.percentile(latencies, perMille: 990)))
        report.record("p999_ns", Int(Self.percentile(latencies, perMille: 999)))
        report.record("trades", outcome.trades.count)
        report.record("resting_orders", outcome.restingOrders)
        report.record("trades_sha256", outcome.tradesDigest())
        report.record("books_sha256", outcome.booksDigest())
        report.print(json: json)
    }

    /// The nearest-rank percentile of sorted values.
    static func percentile(_ sorted: [UInt64], perMille: Int) -> UInt64 {
        guard !sorted.isEmpty else { return 0 }
        let rank = (sorted.count * perMille + 999) / 1000
        return sorted[max(0, min(sorted.count - 1, rank - 1))]
    }
}

/// One parsed line of an order-flow file.
struct FlowCommand {
    enum Operation: UInt8 {
        case place, cancel, move, reduce
    }

    var operation: Operation
    var symbol: Int32
    /// The order to place; for other operations it carries the id, price and quantity.
    var order: NewOrder
}

/// An order-flow file loaded into memory.
struct OrderFlow {
    var commands: [FlowCommand]
    var symbols: Int

    /// Errors a user can act on: which file, which line, what is wrong.
    struct FormatError: Error, CustomStringConvertible {
        var path: String
        var line: Int
        var problem: String
        var description: String { "\(path):\(line): \(problem)" }
    }

    static func load(path: String) throws -> OrderFlow {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read the flow file \(path)")
        }
        var commands: [FlowCommand] = []
        var symbols = 0
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            lineNumber += 1
            if line.first == UInt8(ascii: "#") { continue }
            let fields = line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            func fail(_ problem: String) -> FormatError { FormatError(path: path, line: lineNumber, problem: problem) }
            guard fields.count == 8 else { throw fail("expected 8 comma-separated fields, found \(fields.count)") }
            let text = fields.map { String(decoding: $0, as: UTF8.self) }
            guard let symbol = Int32(text[1]), symbol >= 0, symbol < 1_000_000 else { throw fail("bad symbol '\(text[1])'") }
            guard let id = UInt64(text[2]) else { throw fail("bad order id '\(text[2])'") }
            guard let price = Int64(text[6]), let quantity = Int64(text[7]) else { throw fail("bad price or quantity") }
            symbols = max(symbols, Int(symbol) + 1)
            // Every order its own owner: the flow has no accounts, so no self-trades.
            var command = FlowCommand(
                operation: .place, symbol: symbol,
                order: .limit(id: id, owner: id, side: .buy, price: price, quantity: quantity))
            switch text[0] {
            case "P":
                let side: Side
                switch text[3] {
                case "B": side = .buy
                case "S": side = .sell
                default: throw fail("bad side '\(text[3])'")
                }
                let timeInForce: TimeInForce
                switch text[5] {
                case "GTC": timeInForce = .goodTillCancel
                case "IOC": timeInForce = .immediateOrCancel
                case "FOK": timeInForce = .fillOrKill
                default: throw fail("bad time in force '\(text[5])'")
                }
                let type: OrderType
                switch text[4] {
                case "L": type = .limit(price: price)
                case "M": type = .market
                default: throw fail("bad order type '\(text[4])'")
                }
                command.order = NewOrder(
                    id: id, owner: id, side: side, type: type, quantity: quantity, timeInForce: timeInForce)
            case "C": command.operation = .cancel
            case "M": command.operation = .move
            case "R": command.operation = .reduce
            default: throw fail("bad operation '\(text[0])'")
            }
            commands.append(command)
        }
        return OrderFlow(commands: commands, symbols: symbols)
    }
}

/// Books for every symbol of a flow, and the trades they printed.
struct FlowReplay {
    struct Trade {
        var symbol: Int32
        var maker: UInt64
        var taker: UInt64
        var price: Int64
        var quantity: Int64
    }

    var books: [OrderBook]
    var trades: [Trade] = []
    private var events: [BookEvent] = []

    init(symbols: Int) throws {
        // Flow prices are integer ticks: tick 1, no notional limits. gen.py keeps about
        // 1,000 orders resting per symbol (its --resting default); sizing the id index
        // for that rather than four times more keeps 50 books' indexes in cache.
        let rules = try MarketRules(tickTable: .uniform(tick: 1))
        books = Array(repeating: OrderBook(rules: rules, expectedOrders: 1024), count: symbols)
        events.reserveCapacity(1024)
    }

    var restingOrders: Int { books.reduce(0) { $0 + $1.restingOrderCount } }

    @inline(__always)
    private mutating func apply(_ command: FlowCommand) {
        let symbol = Int(command.symbol)
        switch command.operation {
        case .place: books[symbol].place(command.order, at: 0, events: &events)
        case .cancel: books[symbol].cancel(command.order.id, events: &events)
        case .move:
            if case .limit(let price) = command.order.type {
                books[symbol].amend(command.order.id, price: price, events: &events)
            }
        case .reduce: books[symbol].reduce(command.order.id, by: command.order.quantity, events: &events)
        }
        for event in events {
            if case .executed(let execution) = event {
                trades.append(
                    Trade(
                        symbol: command.symbol, maker: execution.maker, taker: execution.taker,
                        price: execution.price, quantity: execution.quantity))
            }
        }
        events.removeAll(keepingCapacity: true)
    }

    mutating func run(_ commands: [FlowCommand]) {
        trades.reserveCapacity(commands.count / 4)
        for command in commands { apply(command) }
    }

    /// Replays with the monotonic clock read around every command; returns nanoseconds.
    mutating func runTimed(_ commands: [FlowCommand]) -> [UInt64] {
        trades.reserveCapacity(commands.count / 4)
        var latencies = [UInt64](repeating: 0, count: commands.count)
        for (position, command) in commands.enumerated() {
            let start = Stopwatch.now()
            apply(command)
            latencies[position] = Stopwatch.now() - start
        }
        return latencies
    }

    /// SHA-256 of `symbol,maker,taker,price,qty\n` per trade, in order.
    func tradesDigest() -> String {
        var hasher = LineDigest()
        for trade in trades {
            hasher.add("\(trade.symbol),\(trade.maker),\(trade.taker),\(trade.price),\(trade.quantity)\n")
        }
        return hasher.finish()
    }

    /// SHA-256 of `symbol,B|S,price,id,qty\n` per resting order: bids best first then
    /// asks best first, FIFO inside a level, symbols in increasing order.
    func booksDigest() -> String {
        var hasher = LineDigest()
        for (symbol, book) in books.enumerated() {
            for (side, letter) in [(Side.buy, "B"), (Side.sell, "S")] {
                for order in book.restingOrders(on: side) {
                    hasher.add("\(symbol),\(letter),\(order.price ?? 0),\(order.id),\(order.remaining)\n")
                }
            }
        }
        return hasher.finish()
    }
}

/// Incremental SHA-256 over text lines (OpenSSL EVP), buffered.
struct LineDigest {
    private var buffer: [UInt8] = []

    mutating func add(_ line: String) {
        buffer.append(contentsOf: line.utf8)
    }

    func finish() -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let context = EVP_MD_CTX_new()
        defer { EVP_MD_CTX_free(context) }
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
        buffer.withUnsafeBytes { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
        EVP_DigestFinal_ex(context, &digest, &length)
        return digest.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
            .joined()
    }
}
