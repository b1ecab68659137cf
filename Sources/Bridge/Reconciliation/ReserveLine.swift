import Custody

/// One ISIN's reconciliation: its figures and, when the sides differ, the likely causes.
public struct ReserveLine: Sendable, Equatable {
    public let isin: ISIN
    public let symbol: String?
    public let balance: ReserveBalance
    /// Empty when matched.
    public let causes: [BreakCause]

    public var isMatched: Bool { balance.isMatched && causes.isEmpty }
}
