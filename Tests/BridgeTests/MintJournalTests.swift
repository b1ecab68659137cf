import Custody
import Testing
@testable import Bridge

@Suite("Mint journal and redemption cursor")
struct MintJournalTests {
    static func intent(_ reference: String, nonce: UInt64, state: MintIntent.State) throws -> MintIntent {
        MintIntent(
            depositId: DepositId.of(reference: reference).hex, reference: reference, isin: try ISIN("US0378331005"),
            token: "0x4141504C00000000000000000000000000000000", recipient: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
            shares: Quantity(whole: 100)!, amount: "100000000000000000000", nonce: nonce,
            transactionHash: "0x" + String(repeating: "ab", count: 32), rawTransaction: "0x02f8", state: state, attempt: 1)
    }

    @Test func intentsSurviveReopeningAndOpenOnesComeInNonceOrder() throws {
        let dir = try TemporaryDirectory()
        do {
            let database = try BridgeDatabase(path: dir.path("db"))
            let journal = MintJournal(database: database)
            try journal.write(try Self.intent("DEP-3", nonce: 7, state: .open))
            try journal.write(try Self.intent("DEP-1", nonce: 5, state: .open))
            try journal.write(try Self.intent("DEP-2", nonce: 6, state: .done))
            database.close()
        }
        let database = try BridgeDatabase(path: dir.path("db"))
        defer { database.close() }
        let journal = MintJournal(database: database)
        #expect(try journal.all().count == 3)
        #expect(try journal.open().map(\.reference) == ["DEP-1", "DEP-3"])
        // A later write of the same deposit replaces its intent: one record per deposit id.
        var done = try Self.intent("DEP-1", nonce: 5, state: .done)
        done.blockNumber = 12
        try journal.write(done)
        #expect(try journal.intent(for: DepositId.of(reference: "DEP-1")) == done)
        #expect(try journal.open().map(\.reference) == ["DEP-3"])
        #expect(try journal.all().count == 3)
    }

    @Test func anIntentWithAMalformedDepositIdIsRefused() throws {
        let dir = try TemporaryDirectory()
        let database = try BridgeDatabase(path: dir.path("db"))
        defer { database.close() }
        var bad = try Self.intent("DEP-1", nonce: 1, state: .open)
        bad.depositId = "0x1234"
        #expect(throws: BridgeStorageError.self) { try MintJournal(database: database).write(bad) }
        #expect(try MintJournal(database: database).all().isEmpty)
    }

    @Test func theRedemptionCursorSurvivesReopening() throws {
        let dir = try TemporaryDirectory()
        do {
            let database = try BridgeDatabase(path: dir.path("db"))
            #expect(try RedemptionCursor.load(from: database) == RedemptionCursor(nextBlock: 0, lastId: 0))
            try RedemptionCursor(nextBlock: 10_001, lastId: 42).save(to: database)
            database.close()
        }
        let database = try BridgeDatabase(path: dir.path("db"))
        defer { database.close() }
        #expect(try RedemptionCursor.load(from: database) == RedemptionCursor(nextBlock: 10_001, lastId: 42))
    }
}
