import Testing
@testable import Node

/// The EIP-155 example, signing round trips for each type, and the signer's chain-id
/// and replay-protection rules.
@Suite("Transactions")
struct TransactionTests {
    static func bytes(_ hex: String) -> [UInt8] { Hex.decode(hex)! }
    static let recipient = try! Address(hex: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
    static let devKey = try! Secp256k1.PrivateKey(
        bytes: bytes("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"))

    /// EIP-155's "Example" section, value for value.
    @Test func eip155Example() throws {
        let tx = LegacyTransaction(
            chainId: 1, nonce: 9, gasPrice: UInt256(20_000_000_000 as UInt64), gasLimit: 21000,
            to: try Address(hex: "0x3535353535353535353535353535353535353535"),
            value: UInt256(1_000_000_000_000_000_000 as UInt64), data: [])
        let unsigned = UnsignedTransaction.legacy(tx)
        #expect(Hex.encode(unsigned.signingData)
            == "0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080")
        #expect(unsigned.signingHash.hex == "0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53")

        let key = try Secp256k1.PrivateKey(bytes: [UInt8](repeating: 0x46, count: 32))
        let signed = unsigned.sign(with: key)
        #expect(signed.v == UInt256(37 as UInt64))
        #expect(UInt256(bigEndian: signed.signature.r.bytes)
            == UInt256(decimal: "18515461264373351373200002665853028612451056578545711640558177340181847433846"))
        #expect(UInt256(bigEndian: signed.signature.s.bytes)
            == UInt256(decimal: "46948507304638947509940763649030358759909902576025900602547168820602576006531"))
        let raw = "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"
        #expect(Hex.encode(signed.encoded) == raw)

        let decoded = try SignedTransaction(raw: Self.bytes(raw))
        #expect(decoded == signed)
        #expect(decoded.hash == Keccak256.hash(Self.bytes(raw)))
        let sender = try TransactionSigner(chainId: 1).sender(of: decoded)
        #expect(sender == key.address)
        #expect(sender.checksummed == "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F")
    }

    static let samples: [UnsignedTransaction] = [
        .legacy(LegacyTransaction(
            chainId: nil, nonce: 0, gasPrice: UInt256(1 as UInt64), gasLimit: 21000, to: recipient,
            value: .zero, data: [])),
        .legacy(LegacyTransaction(
            chainId: 31337, nonce: 1 << 40, gasPrice: .max, gasLimit: .max, to: nil,
            value: UInt256(high: 1, low: 0), data: [UInt8](repeating: 0xab, count: 300))),
        .accessList(AccessListTransaction(
            chainId: 31337, nonce: 5, gasPrice: UInt256(7 as UInt64), gasLimit: 90000, to: recipient,
            value: UInt256(3 as UInt64), data: [0x00],
            accessList: [
                AccessListEntry(address: recipient, storageKeys: (0..<3).map { Bytes32(w0: 0, w1: 0, w2: 0, w3: $0) }),
                AccessListEntry(address: .zero, storageKeys: []),
            ])),
        .dynamicFee(DynamicFeeTransaction(
            chainId: 31337, nonce: 0, maxPriorityFeePerGas: .zero, maxFeePerGas: UInt256(0x80 as UInt64),
            gasLimit: 0, to: recipient, value: .zero, data: [0x7f],
            // Two entries of 2 keys each: more than 56 bytes, so the list takes a long header.
            accessList: Array(repeating: AccessListEntry(address: recipient, storageKeys: [.zero, .zero]), count: 2))),
    ]

    @Test(arguments: samples)
    func signDecodeReencodeRecover(_ unsigned: UnsignedTransaction) throws {
        let signed = unsigned.sign(with: Self.devKey)
        let raw = signed.encoded
        // The generic tree decoder agrees that the encoding is canonical RLP.
        if unsigned.type == .legacy {
            _ = try RLP.decode(raw)
        } else {
            #expect(raw.first == unsigned.type.rawValue)
            _ = try RLP.decode(Array(raw.dropFirst()))
        }
        let decoded = try SignedTransaction(raw: raw)
        #expect(decoded == signed)
        #expect(decoded.encoded == raw)
        #expect(decoded.hash == Keccak256.hash(raw))
        let signer = TransactionSigner(chainId: 31337, allowsUnprotected: true)
        let verified = try signer.verify(decoded)
        #expect(verified.sender == Self.devKey.address)
        #expect(verified.hash == decoded.hash)
    }

    @Test func accessorsFollowGethForEachType() {
        let legacy = Self.samples[0], accessList = Self.samples[2], dynamicFee = Self.samples[3]
        #expect(legacy.chainId == nil && legacy.accessList.isEmpty)
        #expect(legacy.maxFeePerGas == UInt256(1 as UInt64) && legacy.maxPriorityFeePerGas == UInt256(1 as UInt64))
        #expect(accessList.maxFeePerGas == UInt256(7 as UInt64) && accessList.accessList.count == 2)
        #expect(dynamicFee.maxFeePerGas == UInt256(0x80 as UInt64) && dynamicFee.maxPriorityFeePerGas == .zero)
        #expect(dynamicFee.to == Self.recipient && dynamicFee.data == [0x7f] && dynamicFee.nonce == 0)
        #expect(Self.samples[1].to == nil && Self.samples[1].gasLimit == .max)
    }

    @Test func wrongChainIdIsRefused() throws {
        let signed = Self.samples[3].sign(with: Self.devKey)
        #expect(throws: TransactionError.invalidChainId(have: 31337, want: 1)) {
            try TransactionSigner(chainId: 1).sender(of: signed)
        }
        #expect(TransactionError.invalidChainId(have: 31337, want: 1).description
            .hasPrefix("invalid chain id for signer: have 31337 want 1"))
    }

    @Test func unprotectedLegacyFollowsThePolicy() throws {
        let signed = Self.samples[0].sign(with: Self.devKey)
        #expect(signed.v == UInt256(27 as UInt64) || signed.v == UInt256(28 as UInt64))
        #expect(throws: TransactionError.unprotected) { try TransactionSigner(chainId: 1).sender(of: signed) }
        #expect(TransactionError.unprotected.description
            == "only replay-protected (EIP-155) transactions allowed over RPC")
        // Unprotected transactions are valid on every chain once allowed.
        for chainId: UInt64 in [1, 31337] {
            #expect(try TransactionSigner(chainId: chainId, allowsUnprotected: true).sender(of: signed)
                == Self.devKey.address)
        }
    }

    @Test func signingIsDeterministicAndCoversEveryField() {
        let base = Self.samples[3]
        #expect(base.sign(with: Self.devKey) == base.sign(with: Self.devKey))
        guard case .dynamicFee(var changed) = base else {
            Issue.record("sample 3 is an EIP-1559 transaction")
            return
        }
        changed.nonce += 1
        #expect(UnsignedTransaction.dynamicFee(changed).signingHash != base.signingHash)
        changed.nonce -= 1
        changed.accessList[1].storageKeys[0] = Bytes32(w0: 0, w1: 0, w2: 0, w3: 1)
        #expect(UnsignedTransaction.dynamicFee(changed).signingHash != base.signingHash)
    }
}
