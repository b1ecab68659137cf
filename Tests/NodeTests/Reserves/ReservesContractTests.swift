import Testing
@testable import Node

/// The reserves system contract's rules, through `BlockExecutor.apply` as a sequencer
/// runs them: every refusal reverts with its reason and leaves the attestations as they were.
@Suite("Reserves contract")
struct ReservesContractTests {
    typealias F = ChainFixture
    typealias R = ReserveFixture

    /// Applies a transaction carrying `data` from `from`; the receipt.
    static func apply(_ state: inout WorldState, from: Int, data: [UInt8], block: BlockContext = R.block) throws -> Receipt {
        let tx = R.transaction(from: from, nonce: state.account(F.accounts[from].address).nonce, data: data)
        return try BlockExecutor.apply(tx, index: 0, cumulativeGasUsed: 0, state: &state, block: block, gasLimit: F.genesis.gasLimit)
    }

    /// Applies `data` expecting a revert with `reason`, and checks that no attestation changed.
    static func expectRevert(_ state: inout WorldState, from: Int = R.custodian, data: [UInt8], block: BlockContext = R.block,
                             _ reason: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = state.reserveAttestations
        let stored = state.encodedValue(.reserveAttestation(F.aapl))
        let receipt = try apply(&state, from: from, data: data, block: block)
        #expect(!receipt.succeeded, sourceLocation: sourceLocation)
        #expect(receipt.revertReason == reason, sourceLocation: sourceLocation)
        #expect(receipt.logs.isEmpty, sourceLocation: sourceLocation)
        #expect(state.reserveAttestations == before, sourceLocation: sourceLocation)
        #expect(state.encodedValue(.reserveAttestation(F.aapl)) == stored, sourceLocation: sourceLocation)
    }

    static func view(_ state: inout WorldState, asset: Address) throws(Revert) -> [ABIValue] {
        let data = try! ReservesInterface.latestAttestation.encodeCall([.address(asset)])
        let out = try CallDispatcher.call(&state, sender: F.accounts[0].address, to: SystemAddress.reserves, data: data, block: R.block)
        return try! ReservesInterface.latestAttestation.decodeOutput(out.output)
    }

    @Test func custodianAttestationIsKeptWithItsEventAndView() throws {
        var state = WorldState(genesis: F.genesis)
        let a = R.attestation()
        let receipt = try Self.apply(&state, from: R.custodian, data: R.calldata(a))
        #expect(receipt.succeeded, "\(receipt.revertReason)")
        let tx = R.calldata(a)
        #expect(receipt.gasUsed == GasSchedule.intrinsic(data: tx, accessList: []) + GasSchedule.Execution.reserveAttestation)

        let posted = try #require(state.reserveAttestations[F.aapl])
        #expect(posted.attestation == a)
        #expect(posted.signer == F.genesis.roles.custodian && posted.poster == F.genesis.roles.custodian)
        #expect(posted.blockNumber == R.block.number && posted.blockTimestamp == R.block.timestamp)
        #expect(state.dirtyKeys.contains(.reserveAttestation(F.aapl)))

        let log = try #require(receipt.logs.first)
        #expect(receipt.logs.count == 1)
        #expect(log.address == SystemAddress.reserves)
        #expect(log.topics == [ReservesInterface.reserveAttestedEvent.topic, F.aapl.word, F.genesis.roles.custodian.word])
        let data = try ABIDecoder.decode(log.data, as: [.string, .string, .fixedBytes(32), .uint256, .uint256, .uint(64)])
        #expect(data == [.string(a.isin), .string(a.statementId), .fixedBytes(a.statementSHA256.bytes),
                         .amount(a.settledReserve), .amount(a.onChainSupply), .uint(UInt256(a.timestamp))])

        #expect(try Self.view(&state, asset: F.aapl) == [
            .string(a.isin), .string(a.statementId), .fixedBytes(a.statementSHA256.bytes), .amount(a.settledReserve),
            .amount(a.onChainSupply), .uint(UInt256(a.timestamp)), .bytes(R.signature(a).bytes65),
            .address(F.genesis.roles.custodian), .uint(UInt256(R.block.number)),
        ])
        let msft = F.genesis.assets.first { $0.symbol == "MSFT" }!.address
        #expect(throws: Revert("no reserve attestation for asset \(msft)")) { try Self.view(&state, asset: msft) }
    }

    @Test func anyoneMayRelayTheCustodiansSignature() throws {
        var state = WorldState(genesis: F.genesis)
        let a = R.attestation()
        let receipt = try Self.apply(&state, from: R.relayer, data: R.calldata(a, signedBy: R.custodian))
        #expect(receipt.succeeded, "\(receipt.revertReason)")
        let posted = try #require(state.reserveAttestations[F.aapl])
        #expect(posted.signer == F.genesis.roles.custodian)
        #expect(posted.poster == F.accounts[R.relayer].address)
        #expect(receipt.logs.first?.topics.last == F.genesis.roles.custodian.word, "the event names the signer, not the relayer")
    }

    @Test func signatureByAnyoneButTheCustodianIsRefused() throws {
        var state = WorldState(genesis: F.genesis)
        let a = R.attestation()
        let custodian = F.genesis.roles.custodian
        // Signed by an outsider, posted by the custodian itself: the sender proves nothing.
        try Self.expectRevert(&state, from: R.custodian, data: R.calldata(a, signedBy: R.outsider),
                              "attestation is signed by \(F.accounts[R.outsider].address), not by the custodian \(custodian)")
        // Signed by the custodian for another chain: recovers to some other address.
        let otherChain = R.signature(a, chainId: 1)
        let stranger = try a.signer(of: otherChain, chainId: R.chainId)
        try Self.expectRevert(&state, data: ReservesInterface.attestCalldata(a, signature: otherChain),
                              "attestation is signed by \(stranger), not by the custodian \(custodian)")
        // A signature over different figures than the calldata carries.
        let signedOther = R.signature(R.attestation(reserve: 6_000 * F.share))
        let lied = ReservesInterface.attestCalldata(a, signature: signedOther)
        let liar = try a.signer(of: signedOther, chainId: R.chainId)
        try Self.expectRevert(&state, data: lied, "attestation is signed by \(liar), not by the custodian \(custodian)")
    }

    @Test func assetMustBeAShareTokenWithThatISIN() throws {
        var state = WorldState(genesis: F.genesis)
        let unknown = Address(w0: 0, w1: 0, w2: 0xdead)
        try Self.expectRevert(&state, data: R.calldata(R.attestation(asset: unknown)), "asset \(unknown) is not a token on this chain")
        try Self.expectRevert(&state, data: R.calldata(R.attestation(asset: F.usd, isin: "")), "asset \(F.usd) (USD) is not a share token")
        try Self.expectRevert(&state, data: R.calldata(R.attestation(isin: "US5949181045")),
                              "ISIN US5949181045 does not match AAPL's ISIN US0378331005")
        try Self.expectRevert(&state, data: R.calldata(R.attestation(isin: "us0378331005")),
                              "ISIN us0378331005 does not match AAPL's ISIN US0378331005")
    }

    @Test func statementIdMustBePresentAndBounded() throws {
        var state = WorldState(genesis: F.genesis)
        try Self.expectRevert(&state, data: R.calldata(R.attestation(statementId: "")), "statement id must be 1 to 128 bytes")
        try Self.expectRevert(&state, data: R.calldata(R.attestation(statementId: String(repeating: "é", count: 65))),
                              "statement id must be 1 to 128 bytes")
        #expect(try Self.apply(&state, from: R.custodian, data: R.calldata(R.attestation(statementId: String(repeating: "x", count: 128)))).succeeded)
    }

    @Test func timestampsOnlyMoveForwardPerAsset() throws {
        var state = WorldState(genesis: F.genesis)
        let t = R.block.timestamp - 100
        #expect(try Self.apply(&state, from: R.custodian, data: R.calldata(R.attestation(timestamp: t))).succeeded)
        try Self.expectRevert(&state, data: R.calldata(R.attestation(reserve: 1, timestamp: t - 1)),
                              "attestation timestamp \(t - 1) is not after AAPL's latest attestation (\(t))")
        try Self.expectRevert(&state, data: R.calldata(R.attestation(reserve: 1, timestamp: t)),
                              "attestation timestamp \(t) is not after AAPL's latest attestation (\(t))")
        // Another asset keeps its own clock.
        let msft = F.genesis.assets.first { $0.symbol == "MSFT" }!.address
        #expect(try Self.apply(&state, from: R.custodian, data: R.calldata(R.attestation(asset: msft, isin: "US5949181045", timestamp: t - 50))).succeeded)
        // A later one replaces the latest.
        let later = R.attestation(reserve: 4_999 * F.share, timestamp: t + 1)
        #expect(try Self.apply(&state, from: R.relayer, data: R.calldata(later)).succeeded)
        #expect(state.reserveAttestations[F.aapl]?.attestation == later)
        #expect(state.reserveAttestations[msft]?.attestation.timestamp == t - 50)
    }

    @Test func timestampFarAheadOfTheBlockIsRefused() throws {
        var state = WorldState(genesis: F.genesis)
        let limit = R.block.timestamp + ReservesInterface.maximumClockSkew
        try Self.expectRevert(&state, data: R.calldata(R.attestation(timestamp: limit + 1)),
                              "attestation timestamp \(limit + 1) is more than 300 s after the block time \(R.block.timestamp)")
        #expect(try Self.apply(&state, from: R.custodian, data: R.calldata(R.attestation(timestamp: limit))).succeeded)
    }

    @Test func malformedCalldataIsRefused() throws {
        var state = WorldState(genesis: F.genesis)
        let a = R.attestation()
        let good = R.calldata(a)
        let signature = R.signature(a).bytes65
        let f = ReservesInterface.attest
        func call(_ settled: UInt256 = UInt256(a.settledReserve), sig: [UInt8] = signature) -> [UInt8] {
            try! f.encodeCall([.address(a.asset), .string(a.isin), .string(a.statementId), .fixedBytes(a.statementSHA256.bytes),
                               .uint(settled), .amount(a.onChainSupply), .uint(UInt256(a.timestamp)), .bytes(sig)])
        }
        #expect(call() == good)

        try Self.expectRevert(&state, data: [0x01, 0x02], "calldata shorter than a selector")
        try Self.expectRevert(&state, data: [0xde, 0xad, 0xbe, 0xef], "unknown function selector 0xdeadbeef for the reserves contract")
        let truncated = Array(good.dropLast(32))
        let truncatedReason = try #require(Self.revertReason(&state, truncated))
        #expect(truncatedReason.hasPrefix("invalid calldata for \(f.signature): "))
        try Self.expectRevert(&state, data: good + [0], "invalid calldata for \(f.signature): \(Self.decodingError(good + [0]))")
        try Self.expectRevert(&state, data: call(UInt256(high: 1, low: 0)),
                              "argument 4 of \(f.signature): \(Amount.TooLarge(value: UInt256(high: 1, low: 0)).description)")
        try Self.expectRevert(&state, data: call(sig: Array(signature.prefix(64))),
                              "argument 7 of \(f.signature): signature must be 65 bytes (r ‖ s ‖ v), not 64")
        var badV = signature
        badV[64] = 29
        try Self.expectRevert(&state, data: call(sig: badV), "argument 7 of \(f.signature): signature v byte must be 27 or 28 (or 0 or 1), not 29")
        // The same signature with s replaced by n - s (and v flipped) is valid ECDSA but malleable: refused (EIP-2).
        try Self.expectRevert(&state, data: call(sig: Self.highS(signature)), Secp256k1.Failure.highS.description)
        try Self.expectRevert(&state, data: call(sig: [UInt8](repeating: 0, count: 64) + [27]),
                              Secp256k1.Failure.signatureValueOutOfRange("r").description)
        // A timestamp word beyond 64 bits, written over the encoded head (the encoder refuses to).
        var wideTimestamp = good
        wideTimestamp.replaceSubrange((4 + 6 * 32)..<(4 + 7 * 32), with: UInt256(high: 0, low: UInt128(UInt64.max) + 1).bigEndianBytes)
        try Self.expectRevert(&state, data: wideTimestamp, "invalid calldata for \(f.signature): \(Self.decodingError(wideTimestamp))")
        #expect(Self.decodingError(wideTimestamp).isEmpty == false)
        #expect(state.reserveAttestations.isEmpty)
    }

    static func revertReason(_ state: inout WorldState, _ data: [UInt8]) throws -> String? {
        let r = try apply(&state, from: R.custodian, data: data)
        return r.succeeded ? nil : r.revertReason
    }

    static func decodingError(_ data: [UInt8]) -> String {
        do { _ = try ReservesInterface.attest.decodeCall(data); return "" } catch { return error.description }
    }

    /// `signature` with s → n - s and the recovery id flipped: the other valid signature of the same digest.
    static func highS(_ signature: [UInt8]) -> [UInt8] {
        let n = UInt256(bigEndian: Hex.decode("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")!)!
        let s = UInt256(bigEndian: signature[32..<64])!
        let flipped = n.subtractingReportingOverflow(s).partialValue
        return Array(signature[0..<32]) + flipped.bigEndianBytes + [signature[64] == 27 ? 28 : 27]
    }

    @Test func keyAndValueRoundTripThroughTheirStoredForms() throws {
        var state = WorldState(genesis: F.genesis)
        #expect(try Self.apply(&state, from: R.relayer, data: R.calldata(R.attestation())).succeeded)
        let key = StateKey.reserveAttestation(F.aapl)
        #expect(key.encoded == [0x18] + F.aapl.bytes)
        #expect(StateKey(encoded: key.encoded) == key)
        #expect(StateKey(encoded: [0x18] + F.aapl.bytes.dropLast()) == nil)
        // Sorting keys without encoding them agrees with the order of their bytes.
        let keys: [StateKey] = [.system, .account(F.aapl), .redemption(7), .reserveAttestation(F.usd), key,
                                .reserveAttestation(Address(w0: .max, w1: 0, w2: 0)), .reserveAttestation(.zero), .token(F.usd)]
        for a in keys {
            for b in keys { #expect((a < b) == a.encoded.lexicographicallyPrecedes(b.encoded), "\(a) vs \(b)") }
        }
        let value = try #require(state.encodedValue(key))
        #expect(try StateCodec.decodeReserveAttestation(value) == state.reserveAttestations[F.aapl])

        var loaded = WorldState(genesis: F.genesis)
        try loaded.load(key: key, value: value)
        #expect(loaded.reserveAttestations == state.reserveAttestations)
        // A record under another asset's key, or damaged bytes, is refused.
        #expect(throws: StateCodec.Failure.self) { try loaded.load(key: .reserveAttestation(F.usd), value: value) }
        #expect(throws: StateCodec.Failure.self) { try StateCodec.decodeReserveAttestation(Array(value.dropLast())) }
    }

    @Test func revertRestoresThePreviousAttestation() throws {
        var state = WorldState(genesis: F.genesis)
        let first = R.attestation(timestamp: R.block.timestamp - 10)
        #expect(try Self.apply(&state, from: R.custodian, data: R.calldata(first)).succeeded)
        let mark = state.checkpoint()
        _ = try state.attestReserves(R.attestation(timestamp: R.block.timestamp), signature: R.signature(R.attestation(timestamp: R.block.timestamp)),
                                     poster: F.accounts[0].address, block: R.block)
        #expect(state.reserveAttestations[F.aapl]?.attestation.timestamp == R.block.timestamp)
        state.revert(to: mark)
        #expect(state.reserveAttestations[F.aapl]?.attestation == first)
    }
}
