@testable import Node

/// Reserve attestations on the devnet: a well-formed one for AAPL, its signature by a dev
/// key, and the `attest` transaction that posts it.
enum ReserveFixture {
    typealias F = ChainFixture
    static let custodian = 8
    static let outsider = 3
    static let relayer = 1
    static let chainId = F.genesis.chainId
    /// A block after genesis on the devnet, with the chain id.
    static let block = BlockContext(number: 1, timestamp: F.genesis.timestamp + 1_000, chainId: F.genesis.chainId)

    static func attestation(asset: Address = F.aapl, isin: String = "US0378331005", statementId: String = "SEMT002-RSV-20260102",
                            reserve: UInt128 = 5_000 * F.share, supply: UInt128 = 5_000 * F.share,
                            timestamp: UInt64 = F.genesis.timestamp + 900) -> ReserveAttestation {
        ReserveAttestation(asset: asset, isin: isin, statementId: statementId,
                           statementSHA256: Bytes32(hex: "0x9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")!,
                           settledReserve: reserve, onChainSupply: supply, timestamp: timestamp)
    }

    static func signature(_ a: ReserveAttestation, by account: Int = custodian, chainId: UInt64 = chainId) -> Secp256k1.RecoverableSignature {
        a.sign(with: F.accounts[account].privateKey, chainId: chainId)
    }

    /// `attest` calldata for `a` signed by dev account `signer`.
    static func calldata(_ a: ReserveAttestation, signedBy signer: Int = custodian, chainId: UInt64 = chainId) -> [UInt8] {
        ReservesInterface.attestCalldata(a, signature: signature(a, by: signer, chainId: chainId))
    }

    /// A transaction from dev account `from` to the reserves contract carrying `data`.
    static func transaction(from: Int, nonce: UInt64, data: [UInt8]) -> VerifiedTransaction {
        let tx = UnsignedTransaction.dynamicFee(DynamicFeeTransaction(
            chainId: F.genesis.chainId, nonce: nonce, maxPriorityFeePerGas: .zero, maxFeePerGas: .zero, gasLimit: 200_000,
            to: SystemAddress.reserves, value: .zero, data: data, accessList: []))
        return try! F.signer.verify(tx.sign(with: F.accounts[from].privateKey))
    }
}
