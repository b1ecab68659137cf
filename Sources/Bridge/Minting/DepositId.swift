import Node

/// The on-chain deposit id of a custody deposit: Keccak-256 of the UTF-8 text
/// `equitychain-deposit:<reference>`, where the reference is the custody movement's
/// (unique per movement, so a deposit mints once, ever). Anyone holding the custody
/// reference can recompute it and look the mint up (`equity_getDeposit`).
public enum DepositId {
    /// The domain prefix, so the id of a reference never collides with another hash of it.
    public static let prefix = "equitychain-deposit:"

    public static func of(reference: String) -> Bytes32 {
        Keccak256.hash(Array((prefix + reference).utf8))
    }
}
