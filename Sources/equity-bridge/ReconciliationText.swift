import Bridge
import Custody
import Node

/// `reconcile`'s table and JSON.
enum ReconciliationText {
    static func shares(_ raw: UInt128) -> String { Quantity(raw: raw).formatted() }

    static func signed(_ d: (sign: Int, magnitude: UInt128)) -> String {
        d.sign == 0 ? "0" : (d.sign > 0 ? "+" : "-") + shares(d.magnitude)
    }

    static func side(_ a: UInt128, _ b: UInt128) -> String {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? "beyond 2^128" : shares(sum)
    }

    static func table(_ lines: [ReserveLine]) -> String {
        var out = TextTable.render(
            header: ["ISIN", "SYMBOL", "SUPPLY", "IN FLIGHT", "SETTLED", "MINTING", "DIFFERENCE", "STATUS"],
            rows: lines.map { l in
                [l.isin.code, l.symbol ?? "-", shares(l.balance.supplyShares), shares(l.balance.redemptionsInFlight),
                 shares(l.balance.settledReserve), shares(l.balance.depositsBeingMinted), signed(l.balance.difference),
                 l.isMatched ? "matched" : "BREAK"]
            })
        let breaks = lines.filter { !$0.isMatched }
        out += "\n\n"
        if breaks.isEmpty {
            out += "All \(lines.count) asset(s) matched: supply + redemptions in flight == settled reserve + deposits being minted."
        } else {
            out += "\(breaks.count) break(s):"
            for l in breaks {
                let b = l.balance
                out += "\n  \(l.isin.code)\(l.symbol.map { " (\($0))" } ?? ""): chain side \(side(b.supplyShares, b.redemptionsInFlight)) "
                    + "(supply \(shares(b.supplyShares)) + \(shares(b.redemptionsInFlight)) in flight) vs custody side "
                    + "\(side(b.settledReserve, b.depositsBeingMinted)) (settled \(shares(b.settledReserve)) + "
                    + "\(shares(b.depositsBeingMinted)) being minted): difference \(signed(b.difference))"
                for cause in l.causes { out += "\n    likely cause: \(cause)" }
            }
        }
        return out
    }

    static func json(_ lines: [ReserveLine]) -> String {
        var writer = JSONWriter()
        writer.write(.object([
            "matched": .bool(lines.allSatisfy(\.isMatched)),
            "breaks": .unsigned(UInt64(lines.filter { !$0.isMatched }.count)),
            "assets": .array(lines.map { l in
                let b = l.balance
                return .object([
                    "isin": .string(l.isin.code), "symbol": l.symbol.map { .string($0) } ?? .null,
                    "supplyShares": .string(shares(b.supplyShares)), "redemptionsInFlight": .string(shares(b.redemptionsInFlight)),
                    "settledReserve": .string(shares(b.settledReserve)), "depositsBeingMinted": .string(shares(b.depositsBeingMinted)),
                    "chainSide": .string(side(b.supplyShares, b.redemptionsInFlight)),
                    "custodySide": .string(side(b.settledReserve, b.depositsBeingMinted)),
                    "difference": .string(signed(b.difference)), "matched": .bool(l.isMatched),
                    "causes": .array(l.causes.map { .object(["cause": .string($0.code), "message": .string($0.description)]) }),
                ])
            }),
        ]))
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
