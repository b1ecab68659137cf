import Custody

/// Share counts (10^-18 units) as text: `5060`, `12.5`.
enum ShareText {
    static func format(_ shares: UInt128) -> String { Quantity(raw: shares).formatted() }
}
