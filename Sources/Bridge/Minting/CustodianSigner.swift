import Node

/// Signs the custodian's transactions locally (EIP-1559, RFC 6979 deterministic
/// signatures): the key never leaves the bridge, the node only sees signed bytes.
public struct CustodianSigner: Sendable {
    /// Gas for one share-token call: the mint's schedule (30,000) plus the transaction
    /// and calldata costs, with room to spare; nothing costs anything on this chain.
    public static let gasLimit: UInt64 = 200_000

    public let key: Secp256k1.PrivateKey
    public let chainId: UInt64

    public init(key: Secp256k1.PrivateKey, chainId: UInt64) {
        self.key = key
        self.chainId = chainId
    }

    public var address: Address { key.address }

    /// A signed call of `data` to `to` with `nonce` (`gasLimit`: more for a batch call).
    public func sign(to: Address, data: [UInt8], nonce: UInt64, gasLimit: UInt64 = Self.gasLimit) -> SignedTransaction {
        UnsignedTransaction.dynamicFee(DynamicFeeTransaction(
            chainId: chainId, nonce: nonce, maxPriorityFeePerGas: UInt256(0), maxFeePerGas: UInt256(0),
            gasLimit: gasLimit, to: to, value: UInt256(0), data: data, accessList: []
        )).sign(with: key)
    }
}
