/// A custodian's proof-of-reserve statement for one share token, as EIP-712 typed data:
/// the custody statement it rests on (id and SHA-256 of the file), the settled shares in
/// the reserve account, the token supply in shares, and when it was made.
///
/// The custodian signs `signingDigest(chainId:)` (what `eth_signTypedData_v4` signs for
/// `typedData(chainId:)`); anyone can recover the signer and compare it with the
/// chain's custodian role. The domain is `EquityChain Reserves`, version 1, the chain's
/// id and the reserves contract address, so an attestation for one chain never verifies
/// on another (docs/abi.md, "Reserve attestations").
public struct ReserveAttestation: Sendable, Equatable, Hashable {
    /// The share token attested.
    public var asset: Address
    /// The token's ISIN, as the token carries it.
    public var isin: String
    /// The custody statement's identifier (semt.002 `StmtId`, MT535 `:20C::SEME`, …).
    public var statementId: String
    /// SHA-256 of the statement file's bytes.
    public var statementSHA256: Bytes32
    /// Settled shares in the custody reserve account, 18 decimals.
    public var settledReserve: UInt128
    /// Token supply in shares (raw units × multiplier), 18 decimals.
    public var onChainSupply: UInt128
    /// When the custodian made the attestation, seconds since the Unix epoch.
    public var timestamp: UInt64

    public init(asset: Address, isin: String, statementId: String, statementSHA256: Bytes32,
                settledReserve: UInt128, onChainSupply: UInt128, timestamp: UInt64) {
        self.asset = asset
        self.isin = isin
        self.statementId = statementId
        self.statementSHA256 = statementSHA256
        self.settledReserve = settledReserve
        self.onChainSupply = onChainSupply
        self.timestamp = timestamp
    }

    /// Longest statement id accepted, in UTF-8 bytes.
    public static let maximumStatementIdBytes = 128

    // MARK: EIP-712

    /// The domain's `name`.
    public static let domainName = "EquityChain Reserves"
    /// The domain's `version`.
    public static let domainVersion = "1"
    /// The primary type's name.
    public static let primaryType = "ReserveAttestation"

    /// The struct's fields, in order, as `types.ReserveAttestation` declares them.
    public static let fields: [TypedDataField] = [
        TypedDataField(name: "asset", type: "address"),
        TypedDataField(name: "isin", type: "string"),
        TypedDataField(name: "statementId", type: "string"),
        TypedDataField(name: "statementSha256", type: "bytes32"),
        TypedDataField(name: "settledReserve", type: "uint256"),
        TypedDataField(name: "onChainSupply", type: "uint256"),
        TypedDataField(name: "timestamp", type: "uint64"),
    ]

    /// `encodeType`: `ReserveAttestation(address asset,string isin,…,uint64 timestamp)`.
    public static let encodedType = primaryType + "(" + fields.map { "\($0.type) \($0.name)" }.joined(separator: ",") + ")"

    /// `keccak256(encodedType)`.
    public static let typeHash = Keccak256.hash(Array(encodedType.utf8))

    private static let domainTypeHash = Keccak256.hash(
        Array("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)".utf8))

    /// `hashStruct(EIP712Domain, {name, version, chainId, verifyingContract})` for `chainId`.
    public static func domainSeparator(chainId: UInt64) -> Bytes32 {
        var preimage = domainTypeHash.bytes
        preimage += Keccak256.hash(Array(domainName.utf8)).bytes
        preimage += Keccak256.hash(Array(domainVersion.utf8)).bytes
        preimage += UInt256(chainId).bigEndianBytes
        preimage += SystemAddress.reserves.word.bytes
        return Keccak256.hash(preimage)
    }

    /// `hashStruct(ReserveAttestation, self)`.
    public var structHash: Bytes32 {
        var preimage = Self.typeHash.bytes
        preimage += asset.word.bytes
        preimage += Keccak256.hash(Array(isin.utf8)).bytes
        preimage += Keccak256.hash(Array(statementId.utf8)).bytes
        preimage += statementSHA256.bytes
        preimage += UInt256(settledReserve).bigEndianBytes
        preimage += UInt256(onChainSupply).bigEndianBytes
        preimage += UInt256(timestamp).bigEndianBytes
        return Keccak256.hash(preimage)
    }

    /// `keccak256(0x19 0x01 ‖ domainSeparator ‖ structHash)`: the 32 bytes the custodian signs.
    public func signingDigest(chainId: UInt64) -> Bytes32 {
        Keccak256.hash([0x19, 0x01] + Self.domainSeparator(chainId: chainId).bytes + structHash.bytes)
    }

    /// The `eth_signTypedData_v4` document of this attestation: what a wallet shows and
    /// signs, and what eth_account's `encode_typed_data(full_message=…)` or ethers'
    /// `TypedDataEncoder` hash to `signingDigest(chainId:)`. Amounts are decimal strings
    /// (JavaScript numbers cannot hold them).
    public func typedData(chainId: UInt64) -> JSONValue {
        func fieldList(_ fields: [TypedDataField]) -> JSONValue {
            .array(fields.map { .object(["name": .string($0.name), "type": .string($0.type)]) })
        }
        return .object([
            "types": .object([
                "EIP712Domain": fieldList(Array(TypedData.standardDomainFields.prefix(4))),
                Self.primaryType: fieldList(Self.fields),
            ]),
            "primaryType": .string(Self.primaryType),
            "domain": .object([
                "name": .string(Self.domainName),
                "version": .string(Self.domainVersion),
                "chainId": .unsigned(chainId),
                "verifyingContract": .string(SystemAddress.reserves.checksummed),
            ]),
            "message": .object([
                "asset": .string(asset.checksummed),
                "isin": .string(isin),
                "statementId": .string(statementId),
                "statementSha256": .string(statementSHA256.hex),
                "settledReserve": .string(String(settledReserve)),
                "onChainSupply": .string(String(onChainSupply)),
                "timestamp": .unsigned(timestamp),
            ]),
        ])
    }

    // MARK: Signatures

    /// Signs the attestation for `chainId` (deterministic, RFC 6979, low s).
    public func sign(with key: Secp256k1.PrivateKey, chainId: UInt64) -> Secp256k1.RecoverableSignature {
        key.sign(digest: signingDigest(chainId: chainId))
    }

    /// The address whose key made `signature` over this attestation for `chainId`.
    public func signer(of signature: Secp256k1.RecoverableSignature, chainId: UInt64) throws(Secp256k1.Failure) -> Address {
        try signature.recoverAddress(digest: signingDigest(chainId: chainId))
    }
}
