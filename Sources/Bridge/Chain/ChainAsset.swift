import Custody
import Node

/// A share token as `equity_assets` lists it: what the bridge needs to turn raw token
/// units into shares and back.
public struct ChainAsset: Sendable, Equatable {
    public let address: Address
    public let symbol: String
    public let isin: ISIN
    /// Shares per raw unit, scaled by 10^18: 10^18 is 1.0 (no split since issue).
    public let multiplier: UInt128
    /// Raw units in circulation, in the latest state.
    public let totalSupply: UInt128

    public init(address: Address, symbol: String, isin: ISIN, multiplier: UInt128, totalSupply: UInt128) {
        self.address = address
        self.symbol = symbol
        self.isin = isin
        self.multiplier = multiplier
        self.totalSupply = totalSupply
    }

    /// The supply in shares (10^-18 units).
    public var supplyShares: UInt128? { ShareConversion.shares(raw: totalSupply, multiplier: multiplier) }
}
