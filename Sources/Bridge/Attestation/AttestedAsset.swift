import Custody
import Node

/// A share token to attest and its on-chain supply, as read from the node.
public struct AttestedAsset: Sendable, Equatable {
    /// The token's address.
    public var address: Address
    /// The token's ISIN: its reserve is the custody reserve account's settled position in it.
    public var isin: ISIN
    /// Token supply in shares (raw supply × multiplier), 18 decimals.
    public var onChainSupply: UInt128

    public init(address: Address, isin: ISIN, onChainSupply: UInt128) {
        self.address = address
        self.isin = isin
        self.onChainSupply = onChainSupply
    }
}
