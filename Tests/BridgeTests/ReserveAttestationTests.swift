import Custody
import Foundation
import Node
import Testing
@testable import Bridge

@Suite("Proof-of-reserve attestation: build, sign, verify, calldata")
struct ReserveAttestationTests {
    static let share: UInt128 = 1_000_000_000_000_000_000
    static let chainId: UInt64 = 31337
    static let accounts = try! DevAccounts.derive(count: 9)
    /// The devnet custodian (dev account 8) and an outsider.
    static let custodian = accounts[8]
    static let outsider = accounts[3]
    static let aapl = try! Address(hex: "0x4141504C00000000000000000000000000000000")
    static let msft = try! Address(hex: "0x4d53465400000000000000000000000000000000")
    static let nvda = try! Address(hex: "0x4e56444100000000000000000000000000000000")
    static let reserveAccount = try! SafekeepingAccount("RSV-OMNIBUS-01")
    static let calendar = HolidayCalendar(coveredYears: 2026...2026, holidays: [])

    static func date(_ text: String) -> SettlementDate { try! SettlementDate(parsing: text) }

    /// A book whose reserve holds 100 AAPL and 12.5 MSFT settled, and 7 NVDA not yet settled.
    static func book() throws -> CustodyBook {
        var book = CustodyBook(reserveAccount: reserveAccount, calendar: calendar)
        func receive(_ ref: String, _ isin: String, _ quantity: String, settle: String) throws {
            try book.record(Movement(reference: ref, kind: .receive, account: reserveAccount, isin: try ISIN(isin),
                                     quantity: try Quantity(parsing: quantity), tradeDate: date("2026-11-02"),
                                     settlementDate: date(settle)))
        }
        try receive("R-1", "US0378331005", "100", settle: "2026-11-03")
        try receive("R-2", "US5949181045", "12.5", settle: "2026-11-03")
        try receive("R-3", "US67066G1040", "7", settle: "2026-11-05")
        try book.settle(asOf: date("2026-11-03"))
        return book
    }

    static func assets() throws -> [AttestedAsset] {
        [AttestedAsset(address: aapl, isin: try ISIN("US0378331005"), onChainSupply: 100 * share),
         AttestedAsset(address: msft, isin: try ISIN("US5949181045"), onChainSupply: 12 * share),
         AttestedAsset(address: nvda, isin: try ISIN("US67066G1040"), onChainSupply: 0)]
    }

    @Test func builderTakesTheStatementDigestAndSettledReservePerISIN() throws {
        // FIPS 180-2's one-block example: SHA-256("abc").
        let builder = try ReserveAttestationBuilder(statementId: "SEMT002-RSV-20261103", statementFile: Array("abc".utf8))
        #expect(builder.statementSHA256.hex == "0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let list = try builder.attestations(book: try Self.book(), assets: try Self.assets(), timestamp: 1_793_750_400)
        #expect(list.map(\.asset) == [Self.aapl, Self.msft, Self.nvda])
        #expect(list.map(\.isin) == ["US0378331005", "US5949181045", "US67066G1040"])
        #expect(list.map(\.settledReserve) == [100 * Self.share, 12 * Self.share + Self.share / 2, 0], "NVDA has not settled")
        #expect(list.map(\.onChainSupply) == [100 * Self.share, 12 * Self.share, 0])
        #expect(list.allSatisfy { $0.statementId == "SEMT002-RSV-20261103" && $0.timestamp == 1_793_750_400 })
        #expect(list.allSatisfy { $0.statementSHA256 == builder.statementSHA256 })
    }

    @Test func builderReadsTheStatementFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("statement-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: url) }
        let text = "<Document>reserve statement</Document>\n"
        try Data(text.utf8).write(to: url)
        let fromFile = try ReserveAttestationBuilder(statementId: "S-1", statementFileAt: url.path)
        let fromBytes = try ReserveAttestationBuilder(statementId: "S-1", statementFile: Array(text.utf8))
        #expect(fromFile.statementSHA256 == fromBytes.statementSHA256)
        #expect(fromFile.statementSHA256 == (try SHA256.hash(Array(text.utf8))))

        let missing = url.path + ".missing"
        let unreadable = #expect(throws: ReserveAttestationError.self) {
            try ReserveAttestationBuilder(statementId: "S-1", statementFileAt: missing)
        }
        guard case .statementUnreadable(let path, _)? = unreadable else {
            Issue.record("expected statementUnreadable, got \(String(describing: unreadable))")
            return
        }
        #expect(path == missing)
        let empty = url.deletingLastPathComponent().appendingPathComponent("empty-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: empty) }
        try Data().write(to: empty)
        #expect(throws: ReserveAttestationError.statementEmpty(path: empty.path)) {
            try ReserveAttestationBuilder(statementId: "S-1", statementFileAt: empty.path)
        }
    }

    @Test func builderRefusesBadStatementIdsAndDuplicateAssets() throws {
        #expect(throws: ReserveAttestationError.invalidStatementId("")) {
            try ReserveAttestationBuilder(statementId: "", statementFile: [1])
        }
        let long = String(repeating: "é", count: 65)
        #expect(throws: ReserveAttestationError.invalidStatementId(long)) {
            try ReserveAttestationBuilder(statementId: long, statementFile: [1])
        }
        let builder = try ReserveAttestationBuilder(statementId: "S-1", statementFile: [1])
        let assets = try Self.assets()
        #expect(throws: ReserveAttestationError.duplicateAsset("US0378331005")) {
            try builder.attestations(book: try Self.book(), assets: assets + [assets[0]], timestamp: 1)
        }
        let sameAddress = AttestedAsset(address: Self.aapl, isin: try ISIN("US88160R1014"), onChainSupply: 0)
        #expect(throws: ReserveAttestationError.duplicateAsset(Self.aapl.checksummed)) {
            try builder.attestations(book: try Self.book(), assets: assets + [sameAddress], timestamp: 1)
        }
    }

    @Test func signedAttestationVerifiesAgainstTheCustodianOnly() throws {
        let builder = try ReserveAttestationBuilder(statementId: "S-1", statementFile: Array("abc".utf8))
        let a = try #require(try builder.attestations(book: try Self.book(), assets: try Self.assets(), timestamp: 1_793_750_400).first)
        let signed = SignedReserveAttestation(signing: a, with: Self.custodian.privateKey, chainId: Self.chainId)
        #expect(try signed.signer() == Self.custodian.address)
        try signed.verify(custodian: Self.custodian.address)
        #expect(signed.digest == a.signingDigest(chainId: Self.chainId))
        #expect(signed.signatureBytes.count == 65 && [27, 28].contains(signed.signatureBytes[64]))

        #expect(throws: ReserveAttestationError.notSignedByCustodian(signer: Self.custodian.address, custodian: Self.outsider.address)) {
            try signed.verify(custodian: Self.outsider.address)
        }
        let byOutsider = SignedReserveAttestation(signing: a, with: Self.outsider.privateKey, chainId: Self.chainId)
        #expect(throws: ReserveAttestationError.notSignedByCustodian(signer: Self.outsider.address, custodian: Self.custodian.address)) {
            try byOutsider.verify(custodian: Self.custodian.address)
        }
        // Any change to the figures, or another chain, breaks the link to the custodian.
        var inflated = a
        inflated.settledReserve += 1
        let tampered = SignedReserveAttestation(attestation: inflated, chainId: Self.chainId, signature: signed.signature)
        #expect(throws: ReserveAttestationError.self) { try tampered.verify(custodian: Self.custodian.address) }
        let otherChain = SignedReserveAttestation(attestation: a, chainId: 1, signature: signed.signature)
        #expect(throws: ReserveAttestationError.self) { try otherChain.verify(custodian: Self.custodian.address) }
        // A signature with r = 0 recovers nothing.
        let zero = SignedReserveAttestation(attestation: a, chainId: Self.chainId,
                                            signature: Secp256k1.RecoverableSignature(r: .zero, s: signed.signature.s, recoveryId: 0))
        #expect(throws: ReserveAttestationError.invalidSignature(Secp256k1.Failure.signatureValueOutOfRange("r").description)) {
            try zero.verify(custodian: Self.custodian.address)
        }
    }

    @Test func calldataRoundTripsAndIsTheNodesAttestCall() throws {
        let builder = try ReserveAttestationBuilder(statementId: "MT535-0042", statementFile: Array("statement".utf8))
        for a in try builder.attestations(book: try Self.book(), assets: try Self.assets(), timestamp: 1_793_750_400) {
            let signed = SignedReserveAttestation(signing: a, with: Self.custodian.privateKey, chainId: Self.chainId)
            let data = signed.attestCalldata
            #expect(Array(data.prefix(4)) == ReservesInterface.attest.selector.bytes)
            let back = try SignedReserveAttestation(attestCalldata: data, chainId: Self.chainId)
            #expect(back == signed)
            try back.verify(custodian: Self.custodian.address)
        }
        #expect(throws: ReserveAttestationError.self) { try SignedReserveAttestation(attestCalldata: [0x01, 0x02, 0x03], chainId: Self.chainId) }
        let a = try #require(try builder.attestations(book: try Self.book(), assets: try Self.assets(), timestamp: 1).first)
        let data = SignedReserveAttestation(signing: a, with: Self.custodian.privateKey, chainId: Self.chainId).attestCalldata
        #expect(throws: ReserveAttestationError.self) { try SignedReserveAttestation(attestCalldata: Array(data.dropLast()), chainId: Self.chainId) }
    }
}
