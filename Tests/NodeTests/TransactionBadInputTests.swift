import Testing
@testable import Node

/// Every way raw transaction bytes or their signature can be wrong gets its own error.
@Suite("Transaction bad inputs")
struct TransactionBadInputTests {
    static func bytes(_ hex: String) -> [UInt8] { Hex.decode(hex)! }
    static let key = try! Secp256k1.PrivateKey(
        bytes: bytes("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"))
    static let recipient = try! Address(hex: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8")

    /// The EIP-155 example: `f86c 09 85…`, v = 37.
    static let legacy = bytes("0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83")
    static let dynamicFee = UnsignedTransaction.dynamicFee(DynamicFeeTransaction(
        chainId: 1, nonce: 3, maxPriorityFeePerGas: UInt256(1_000_000_000 as UInt64),
        maxFeePerGas: UInt256(20_000_000_000 as UInt64), gasLimit: 60000, to: recipient, value: .zero,
        data: bytes("0xa9059cbb00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8000000000000000000000000000000000000000000000000000000000000000a"),
        accessList: [AccessListEntry(address: recipient, storageKeys: [.zero])])).sign(with: key).encoded
    static let accessList = UnsignedTransaction.accessList(AccessListTransaction(
        chainId: 1, nonce: 3, gasPrice: UInt256(1 as UInt64), gasLimit: 60000, to: recipient, value: .zero,
        data: [], accessList: [])).sign(with: key).encoded

    /// The field list of a legacy transaction, or of a typed one after its type byte.
    static func fields(_ raw: [UInt8]) -> [RLPItem] {
        let body = raw[0] >= 0xc0 ? raw : Array(raw.dropFirst())
        guard case .list(let items) = try! RLP.decode(body) else { return [] }
        return items
    }

    /// Re-encodes `raw` with its fields edited.
    static func edited(_ raw: [UInt8], _ edit: (inout [RLPItem]) -> Void) -> [UInt8] {
        var items = fields(raw)
        edit(&items)
        let list = RLP.encode(.list(items))
        return raw[0] >= 0xc0 ? list : [raw[0]] + list
    }

    static func decode(_ raw: [UInt8]) throws(TransactionError) -> SignedTransaction { try SignedTransaction(raw: raw) }

    // MARK: Envelope

    @Test func emptyAndTypeOnlyInputsAreTooShort() {
        #expect(throws: TransactionError.tooShort(count: 0)) { try Self.decode([]) }
        #expect(throws: TransactionError.tooShort(count: 1)) { try Self.decode([0x02]) }
        #expect(throws: TransactionError.tooShort(count: 1)) { try Self.decode([0x01]) }
        #expect(TransactionError.tooShort(count: 0).description.hasPrefix("typed transaction too short"))
    }

    @Test(arguments: [0x00, 0x03, 0x04, 0x05, 0x7f] as [UInt8])
    func unsupportedTypesAreRefused(_ type: UInt8) {
        let raw = [type] + Self.dynamicFee.dropFirst()
        #expect(throws: TransactionError.unsupportedType(type)) { try Self.decode(raw) }
        #expect(TransactionError.unsupportedType(type).description.hasPrefix("transaction type not supported"))
    }

    @Test func anRLPStringIsNeitherLegacyNorTyped() {
        #expect(throws: TransactionError.malformed(.legacy, field: nil, .expectedList)) {
            try Self.decode([0x83, 1, 2, 3])
        }
        #expect(throws: TransactionError.malformed(.dynamicFee, field: nil, .expectedList)) {
            try Self.decode([0x02, 0x83, 1, 2, 3])
        }
        #expect(throws: TransactionError.malformed(.accessList, field: nil, .expectedList)) {
            try Self.decode([0x01] + RLP.encode(.bytes(Array(Self.accessList.dropFirst(2)))))
        }
    }

    @Test func truncatedInputIsRefused() {
        #expect(throws: TransactionError.malformed(.legacy, field: nil, .truncated(offset: 2, needed: 1))) {
            try Self.decode(Array(Self.legacy.dropLast()))
        }
        for raw in [Self.dynamicFee, Self.accessList] {
            #expect(throws: TransactionError.self) { try Self.decode(Array(raw.dropLast())) }
        }
    }

    @Test func trailingBytesAreRefused() {
        #expect(throws: TransactionError.malformed(.legacy, field: nil, .trailingBytes(count: 1))) {
            try Self.decode(Self.legacy + [0x00])
        }
        #expect(throws: TransactionError.malformed(.dynamicFee, field: nil, .trailingBytes(count: 2))) {
            try Self.decode(Self.dynamicFee + [0xc0, 0xc0])
        }
        #expect(throws: TransactionError.malformed(.accessList, field: nil, .trailingBytes(count: 1))) {
            try Self.decode(Self.accessList + [0x80])
        }
    }

    /// The messages documented in docs/transactions.md.
    @Test func messagesStartWithGethsWordingAndNameTheProblem() {
        let cases: [(TransactionError, String)] = [
            (.malformed(.dynamicFee, field: "nonce", .nonCanonicalInteger),
             "rlp: non-canonical integer (leading zero bytes) (EIP-1559 transaction, field nonce)"),
            (.malformed(.legacy, field: nil, .trailingBytes(count: 1)),
             "rlp: input contains 1 bytes after the value (legacy transaction)"),
            (.unsupportedType(3),
             "transaction type not supported: type 0x3 (this node accepts legacy, EIP-2930 type 0x1 and EIP-1559 type 0x2)"),
            (.invalidV(UInt256(29 as UInt64)),
             "invalid transaction v, r, s values: v = 29 is neither 27/28 nor 35/36 + 2·chainId (EIP-155)"),
            (.invalidChainId(have: 1, want: 31337), "invalid chain id for signer: have 1 want 31337 (sign for chain id 31337)"),
            (.invalidSignature(.signatureValueOutOfRange("r")),
             "invalid sender: invalid transaction v, r, s values: r is zero or not below the curve order"),
            (.invalidSignature(.recoveryFailed),
             "invalid sender: invalid transaction v, r, s values: no public key recovers from this signature"),
        ]
        for (error, message) in cases { #expect(error.description == message) }
    }

    // MARK: Field lists

    @Test func wrongFieldCountsAreRefused() {
        #expect(throws: TransactionError.malformed(.legacy, field: "nonce", .wrongElementCount(expected: "9", found: 0))) {
            try Self.decode([0xc0])
        }
        #expect(throws: TransactionError.malformed(.legacy, field: "s", .wrongElementCount(expected: "9", found: 8))) {
            try Self.decode(Self.edited(Self.legacy) { $0.removeLast() })
        }
        #expect(throws: TransactionError.malformed(.legacy, field: nil, .wrongElementCount(expected: "9", found: 10))) {
            try Self.decode(Self.edited(Self.legacy) { $0.append(.bytes([])) })
        }
        #expect(throws: TransactionError.malformed(.dynamicFee, field: "s", .wrongElementCount(expected: "12", found: 11))) {
            try Self.decode(Self.edited(Self.dynamicFee) { $0.removeLast() })
        }
        #expect(throws: TransactionError.malformed(.dynamicFee, field: nil, .wrongElementCount(expected: "12", found: 14))) {
            try Self.decode(Self.edited(Self.dynamicFee) { $0 += [.bytes([1]), .list([])] })
        }
        #expect(throws: TransactionError.malformed(.accessList, field: nil, .wrongElementCount(expected: "11", found: 12))) {
            try Self.decode(Self.edited(Self.accessList) { $0.append(.bytes([])) })
        }
        #expect(throws: TransactionError.malformed(.accessList, field: "yParity", .wrongElementCount(expected: "11", found: 8))) {
            try Self.decode(Self.edited(Self.accessList) { $0.removeLast(3) })
        }
    }

    @Test func nonCanonicalIntegersAreRefused() {
        #expect(throws: TransactionError.malformed(.legacy, field: "nonce", .nonCanonicalInteger)) {
            try Self.decode(Self.edited(Self.legacy) { $0[0] = .bytes([0x00, 0x09]) })
        }
        // Zero is the empty string, never 0x00.
        #expect(throws: TransactionError.malformed(.dynamicFee, field: "value", .nonCanonicalInteger)) {
            try Self.decode(Self.edited(Self.dynamicFee) { $0[6] = .bytes([0x00]) })
        }
        #expect(throws: TransactionError.malformed(.dynamicFee, field: "r", .nonCanonicalInteger)) {
            try Self.decode(Self.edited(Self.dynamicFee) {
                guard case .bytes(let r) = $0[10] else { return }
                $0[10] = .bytes([0] + r)
            })
        }
        // 0x81 0x09: the byte 9 wrapped as a one-byte string (list length 0x6c → 0x6d).
        let wrapped = [0xf8, 0x6d, 0x81] + Self.legacy[2...]
        #expect(throws: TransactionError.malformed(.legacy, field: "nonce", .singleByteWrapped(offset: 2))) {
            try Self.decode(wrapped)
        }
    }

    @Test func integersWiderThanTheirFieldsAreRefused() {
        let wide = RLPItem.bytes([1] + [UInt8](repeating: 0, count: 32))
        #expect(throws: TransactionError.malformed(.legacy, field: "gasPrice", .integerTooLarge(maxBytes: 32))) {
            try Self.decode(Self.edited(Self.legacy) { $0[1] = wide })
        }
        #expect(throws: TransactionError.malformed(.dynamicFee, field: "maxPriorityFeePerGas", .integerTooLarge(maxBytes: 32))) {
            try Self.decode(Self.edited(Self.dynamicFee) { $0[2] = wide })
        }
        #expect(throws: TransactionError.malformed(.dynamicFee, field: "maxFeePerGas", .integerTooLarge(maxBytes: 32))) {
            try Self.decode(Self.edited(Self.dynamicFee) { $0[3] = wide })
        }
        #expect(throws: TransactionError.malformed(.accessList, field: "gasPrice", .integerTooLarge(maxBytes: 32))) {
            try Self.decode(Self.edited(Self.accessList) { $0[2] = wide })
        }
        let nineBytes = RLPItem.bytes([1, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(throws: TransactionError.malformed(.dynamicFee, field: "chainId", .integerTooLarge(maxBytes: 8))) {
            try Self.decode(Self.edited(Self.dynamicFee) { $0[0] = nineBytes })
        }
        #expect(throws: TransactionError.malformed(.legacy, field: "nonce", .integerTooLarge(maxBytes: 8))) {
            try Self.decode(Self.edited(Self.legacy) { $0[0] = nineBytes })
        }
        #expect(throws: TransactionError.malformed(.accessList, field: "gas", .integerTooLarge(maxBytes: 8))) {
            try Self.decode(Self.edited(Self.accessList) { $0[3] = nineBytes })
        }
    }

    @Test func fieldsOfTheWrongShapeAreRefused() {
        #expect(throws: TransactionError.malformed(.legacy, field: "to", .wrongLength(expected: 20, found: 19))) {
            try Self.decode(Self.edited(Self.legacy) { $0[3] = .bytes([UInt8](repeating: 0x35, count: 19)) })
        }
        #expect(throws: TransactionError.malformed(.dynamicFee, field: "to", .expectedString)) {
            try Self.decode(Self.edited(Self.dynamicFee) { $0[5] = .list([]) })
        }
        #expect(throws: TransactionError.malformed(.dynamicFee, field: "data", .expectedString)) {
            try Self.decode(Self.edited(Self.dynamicFee) { $0[7] = .list([]) })
        }
        #expect(throws: TransactionError.malformed(.dynamicFee, field: "accessList", .expectedList)) {
            try Self.decode(Self.edited(Self.dynamicFee) { $0[8] = .bytes([]) })
        }
    }

    @Test func malformedAccessListsAreRefused() {
        let address = RLPItem.bytes(Self.recipient.bytes)
        let key = RLPItem.bytes([UInt8](repeating: 7, count: 32))
        let cases: [(RLPItem, RLPError)] = [
            (.list([.list([address, .list([key]), .list([])])]), .wrongElementCount(expected: "2", found: 3)),
            (.list([.list([address])]), .wrongElementCount(expected: "2", found: 1)),
            (.list([.list([])]), .wrongElementCount(expected: "2", found: 0)),
            (.list([.list([address, .list([.bytes([UInt8](repeating: 7, count: 31))])])]), .wrongLength(expected: 32, found: 31)),
            (.list([.list([.bytes([1, 2]), .list([])])]), .wrongLength(expected: 20, found: 2)),
            (.list([.list([address, key])]), .expectedList),
            (.list([address]), .expectedList),
        ]
        for (list, reason) in cases {
            #expect(throws: TransactionError.malformed(.dynamicFee, field: "accessList", reason)) {
                try Self.decode(Self.edited(Self.dynamicFee) { $0[8] = list })
            }
        }
    }

    // MARK: v and yParity

    @Test(arguments: [0, 1, 26, 29, 30, 34] as [UInt64])
    func legacyVMatchingNoRuleIsRefused(_ v: UInt64) {
        #expect(throws: TransactionError.invalidV(UInt256(v))) {
            try Self.decode(Self.edited(Self.legacy) { $0[6] = .uint(v) })
        }
    }

    @Test func legacyVBeyondA64BitChainIdIsRefused() throws {
        // v = 35 + 2·2^64: chain id 2^64.
        let v = UInt256(UInt128(35) + (UInt128(1) << 65))
        #expect(throws: TransactionError.chainIdTooLarge(v: v)) {
            try Self.decode(Self.edited(Self.legacy) { $0[6] = .uint(v) })
        }
        // One less step, chain id 2^64 - 1, is the largest accepted.
        let largest = try Self.decode(Self.edited(Self.legacy) { $0[6] = .uint(UInt256(UInt128(36) + (UInt128(1) << 65) - 2)) })
        #expect(largest.transaction.chainId == .max)
        #expect(largest.signature.recoveryId == 1)
    }

    @Test(arguments: [2, 27, 37] as [UInt64])
    func yParityOtherThanZeroOrOneIsRefused(_ y: UInt64) {
        #expect(throws: TransactionError.invalidYParity(y)) {
            try Self.decode(Self.edited(Self.dynamicFee) { $0[9] = .uint(y) })
        }
        #expect(throws: TransactionError.invalidYParity(y)) {
            try Self.decode(Self.edited(Self.accessList) { $0[8] = .uint(y) })
        }
        #expect(TransactionError.invalidYParity(y).description.hasPrefix("invalid transaction v, r, s values"))
    }

    // MARK: Signatures (decoded fine, refused when the sender is recovered)

    static let n = UInt256(bigEndian: Secp256k1.order)!

    static func senderError(_ raw: [UInt8], chainId: UInt64 = 1) throws -> TransactionError? {
        let tx = try SignedTransaction(raw: raw)
        do {
            _ = try TransactionSigner(chainId: chainId).sender(of: tx)
            return nil
        } catch { return error }
    }

    @Test func highSTwinIsRefused() throws {
        let tx = try SignedTransaction(raw: Self.dynamicFee)
        let highS = Self.n.subtractingReportingOverflow(UInt256(bigEndian: tx.signature.s.bytes)!).partialValue
        let twin = Self.edited(Self.dynamicFee) {
            $0[9] = .uint(UInt64(1 - tx.signature.recoveryId))
            $0[11] = .uint(highS)
        }
        #expect(try Self.senderError(twin) == .invalidSignature(.highS))
        #expect(try Self.senderError(Self.dynamicFee) == nil)
        #expect(TransactionError.invalidSignature(.highS).description
            .hasPrefix("invalid sender: invalid transaction v, r, s values"))

        // The legacy twin: v 37 ↔ 38.
        let legacy = try SignedTransaction(raw: Self.legacy)
        let legacyHighS = Self.n.subtractingReportingOverflow(UInt256(bigEndian: legacy.signature.s.bytes)!).partialValue
        let legacyTwin = Self.edited(Self.legacy) {
            $0[6] = .uint(legacy.signature.recoveryId == 0 ? 38 as UInt64 : 37)
            $0[8] = .uint(legacyHighS)
        }
        #expect(try Self.senderError(legacyTwin) == .invalidSignature(.highS))
    }

    @Test func outOfRangeRAndSAreRefused() throws {
        let cases: [(Int, UInt256, String)] = [
            (10, .zero, "r"), (11, .zero, "s"), (10, Self.n, "r"), (11, Self.n, "s"), (10, .max, "r"),
        ]
        for (index, value, name) in cases {
            let raw = Self.edited(Self.dynamicFee) { $0[index] = .uint(value) }
            #expect(try Self.senderError(raw) == .invalidSignature(.signatureValueOutOfRange(name)))
        }
        let legacyZeroR = Self.edited(Self.legacy) { $0[7] = .uint(0 as UInt64) }
        #expect(try Self.senderError(legacyZeroR) == .invalidSignature(.signatureValueOutOfRange("r")))
    }

    @Test func signatureWithNoCurvePointIsRefused() throws {
        // x = 5 is not the x coordinate of any secp256k1 point, so nothing recovers.
        let raw = Self.edited(Self.dynamicFee) { $0[10] = .uint(5 as UInt64) }
        #expect(try Self.senderError(raw) == .invalidSignature(.recoveryFailed))
    }

    @Test func anEditedFieldRecoversSomeoneElse() throws {
        let raw = Self.edited(Self.dynamicFee) { $0[1] = .uint(4 as UInt64) }
        let sender = try TransactionSigner(chainId: 1).sender(of: try SignedTransaction(raw: raw))
        #expect(sender != Self.key.address)
    }

    @Test func chainIdIsCheckedBeforeTheSignature() throws {
        let raw = Self.edited(Self.dynamicFee) { $0[10] = .uint(0 as UInt64) }
        #expect(try Self.senderError(raw, chainId: 5) == .invalidChainId(have: 1, want: 5))
    }
}
