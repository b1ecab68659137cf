/// What a pause stops. Pauses are set globally or per asset by the compliance role.
public struct PauseScope: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Transfers (and with them everything else but views).
    public static let transfers = PauseScope(rawValue: 1 << 0)
    /// Minting only.
    public static let mint = PauseScope(rawValue: 1 << 1)
    /// Redemption only.
    public static let redeem = PauseScope(rawValue: 1 << 2)

    public static let all: PauseScope = [.transfers, .mint, .redeem]
}
