import Custody
import Foundation
import Node

/// Builds the proof-of-reserve attestations for one custody statement: its id and the
/// SHA-256 of the file as received, and per share token the settled shares in the custody
/// reserve account next to the on-chain supply.
public struct ReserveAttestationBuilder: Sendable {
    /// The statement's identifier.
    public let statementId: String
    /// SHA-256 of the statement file's bytes.
    public let statementSHA256: Bytes32

    /// A builder for a statement whose file bytes are `statementFile`; `source` names the
    /// file in errors.
    public init(statementId: String, statementFile: [UInt8], source: String = "(statement)") throws(ReserveAttestationError) {
        let length = statementId.utf8.count
        guard length >= 1, length <= ReserveAttestation.maximumStatementIdBytes else { throw .invalidStatementId(statementId) }
        guard !statementFile.isEmpty else { throw .statementEmpty(path: source) }
        self.statementId = statementId
        do { statementSHA256 = try SHA256.hash(statementFile) } catch {
            throw .statementUnreadable(path: source, reason: error.description)
        }
    }

    /// A builder for the statement file at `path`.
    public init(statementId: String, statementFileAt path: String) throws(ReserveAttestationError) {
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
            throw .statementUnreadable(path: path, reason: error.localizedDescription)
        }
        try self.init(statementId: statementId, statementFile: bytes, source: path)
    }

    /// One attestation per asset, in the order given, dated `timestamp` (Unix seconds): the
    /// settled reserve is `book`'s settled position of the asset's ISIN in its reserve
    /// account (zero when it holds none).
    public func attestations(book: CustodyBook, assets: [AttestedAsset], timestamp: UInt64) throws(ReserveAttestationError) -> [ReserveAttestation] {
        var isins = Set<ISIN>(), addresses = Set<Address>()
        let reserve = book.settledReserve
        var out: [ReserveAttestation] = []
        for asset in assets {
            guard isins.insert(asset.isin).inserted else { throw .duplicateAsset(asset.isin.code) }
            guard addresses.insert(asset.address).inserted else { throw .duplicateAsset(asset.address.checksummed) }
            out.append(ReserveAttestation(
                asset: asset.address, isin: asset.isin.code, statementId: statementId, statementSHA256: statementSHA256,
                settledReserve: reserve[asset.isin]?.raw ?? 0, onChainSupply: asset.onChainSupply, timestamp: timestamp))
        }
        return out
    }
}
