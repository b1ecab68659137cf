import ArgumentParser
import Bridge
import Custody
import Node

/// `equity-bridge custody show`.
struct CustodyShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show positions, pending movements, held statements and the mint journal.")

    @OptionGroup var data: DataDirectoryOptions

    @Flag(name: .long, help: "Print one JSON object instead of tables.")
    var json = false

    func run() async throws {
        try await CommandOutcome.run {
            let bridge = try ReserveBridge(directory: data.directory)
            defer { bridge.close() }
            let book = bridge.ledger.book
            let pending = book.movements().filter { !book.isSettled($0) }
            let held = bridge.ledger.statements.heldStatements
            let mints = try bridge.journal.all()
            var positions: [(SafekeepingAccount, ISIN, CustodyPosition)] = []
            for account in book.accounts {
                for (isin, p) in book.positions(account: account).sorted(by: { $0.key < $1.key }) { positions.append((account, isin, p)) }
            }
            if json {
                var writer = JSONWriter()
                writer.write(.object([
                    "reserveAccount": .string(bridge.configuration.reserveAccount.id),
                    "settledThrough": book.settledThrough.map { .string($0.iso8601) } ?? .null,
                    "positions": .array(positions.map { account, isin, p in
                        .object([
                            "account": .string(account.id), "isin": .string(isin.code), "settled": .string(p.settled.formatted()),
                            "pendingIncoming": .string(p.pendingIncoming.formatted()),
                            "pendingOutgoing": .string(p.pendingOutgoing.formatted()), "available": .string(p.available.formatted()),
                        ])
                    }),
                    "pending": .array(pending.map(Self.movement)),
                    "movements": .array(book.movements().map(Self.movement)),
                    "heldStatements": .array(held.map { h in
                        .object(["account": .string(h.account.id), "statementId": .string(h.statementId),
                                 "pages": .array(h.pages.map { .unsigned(UInt64($0)) })])
                    }),
                    "mints": .array(mints.map { m in
                        .object([
                            "reference": .string(m.reference), "depositId": .string(m.depositId), "isin": .string(m.isin.code),
                            "shares": .string(m.shares.formatted()), "recipient": .string(m.recipient), "state": .string(m.state.rawValue),
                            "nonce": .unsigned(m.nonce), "transactionHash": .string(m.transactionHash), "attempt": .unsigned(UInt64(max(0, m.attempt))),
                            "blockNumber": m.blockNumber.map { .unsigned($0) } ?? .null, "detail": m.detail.map { .string($0) } ?? .null,
                        ])
                    }),
                ]))
                print(String(decoding: writer.bytes, as: UTF8.self))
                return 0
            }
            print("Reserve account: \(bridge.configuration.reserveAccount)   settled through: \(book.settledThrough?.iso8601 ?? "-")")
            print("")
            print(TextTable.render(header: ["ACCOUNT", "ISIN", "SETTLED", "PENDING IN", "PENDING OUT", "AVAILABLE"], rows: positions.map { a, i, p in
                [a.id, i.code, p.settled.formatted(), p.pendingIncoming.formatted(), p.pendingOutgoing.formatted(), p.available.formatted()]
            }))
            print("")
            print("Pending movements")
            print(TextTable.render(header: ["REFERENCE", "KIND", "ACCOUNT", "ISIN", "QUANTITY", "TRADE", "SETTLES", "COUNTERPARTY"], rows: pending.map { m in
                [m.reference, m.kind.rawValue, m.account.id, m.isin.code, m.quantity.formatted(), m.tradeDate.iso8601, m.settlementDate.iso8601, m.counterparty ?? ""]
            }))
            if !held.isEmpty {
                print("")
                print("Statements held until every page is in")
                for h in held { print("  \(h.statementId) (\(h.account)): pages \(h.pages.map(String.init).joined(separator: ", "))") }
            }
            print("")
            print("Mint journal")
            print(TextTable.render(header: ["REFERENCE", "ISIN", "SHARES", "RECIPIENT", "STATE", "NONCE", "BLOCK"], rows: mints.map { m in
                [m.reference, m.isin.code, m.shares.formatted(), m.recipient, m.state.rawValue, String(m.nonce), m.blockNumber.map(String.init) ?? "-"]
            }))
            return 0
        }
    }

    static func movement(_ m: Movement) -> JSONValue {
        .object([
            "reference": .string(m.reference), "kind": .string(m.kind.rawValue), "account": .string(m.account.id),
            "isin": .string(m.isin.code), "quantity": .string(m.quantity.formatted()), "tradeDate": .string(m.tradeDate.iso8601),
            "settlementDate": .string(m.settlementDate.iso8601), "counterparty": m.counterparty.map { .string($0) } ?? .null,
            "chainAddress": m.chainAddress.map { .string($0.text) } ?? .null,
        ])
    }
}
