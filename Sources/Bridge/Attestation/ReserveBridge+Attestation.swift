import Custody
import Foundation
import Node

extension ReserveBridge {
    /// The journal key prefix of attestations.
    static let attestationKeyPrefix = "attest:"

    /// Posts one proof-of-reserve attestation per share token that has a settled reserve
    /// in the book or a supply on chain, for the reserve account's last applied statement.
    ///
    /// `statementPath` must be a file holding (a page of) that statement — it is parsed
    /// with the statement importer and refused otherwise; nil looks for it among the
    /// files `run` imported (`inbox/imported`). Its SHA-256 is attested. The timestamp is
    /// `now`, or the node's head time if that is later. An asset whose latest attestation
    /// on chain has the same statement hash, reserve and supply, or a timestamp not before
    /// this one, is already attested and not posted again. Each post is journaled before it
    /// is sent (key `attest:<asset>:<timestamp>`); open records of an interrupted run are
    /// resolved first, and while one stays open nothing new is posted. After each post,
    /// `equity_getReserves` must show it with `signerIsCustodian` true.
    public func attest(statementPath: String?, signer: CustodianSigner, rpc: NodeRPCClient, now: UInt64) async throws(BridgeError) -> AttestationReport {
        let chainId: UInt64
        do { chainId = try await rpc.chainId() } catch { throw .node(error) }
        guard chainId == signer.chainId else { throw .chainMismatch(expected: signer.chainId, node: chainId) }
        try alignReserve()
        let reserve = configuration.reserveAccount
        guard let current = ledger.statements.current[reserve] else {
            throw .statementMismatch(path: statementPath ?? directory.importedPath,
                                     "no statement of the reserve account \(reserve) is applied yet; import it with `equity-bridge custody import FILE` first")
        }
        let path: String
        if let statementPath { path = statementPath } else { path = try importedFile(of: current.id) }
        let bytes = try statementBytes(path, of: current)
        let builder: ReserveAttestationBuilder
        do { builder = try ReserveAttestationBuilder(statementId: current.id, statementFile: bytes, source: path) } catch {
            throw .attestation(error)
        }

        var resolved: [JournaledTransaction] = []
        for record in try storage({ () throws(BridgeStorageError) in try transactions.all(keyPrefix: Self.attestationKeyPrefix) })
        where record.state == .open {
            resolved.append(try await resolveJournaled(record, rpc: rpc, achieved: { () throws(BridgeError) in nil }))
        }

        let assets: [ChainAsset]
        let head: UInt64
        var nonce: UInt64
        do {
            assets = try await rpc.shareAssets()
            head = try await rpc.headTimestamp()
            nonce = try await rpc.pendingNonce(of: signer.address)
        } catch { throw .node(error) }
        var report = AttestationReport(statementId: current.id, statementSHA256: builder.statementSHA256, statementPath: path,
                                       timestamp: max(now, head))
        report.resolved = resolved
        report.pending = resolved.filter { $0.state == .open }
        guard report.pending.isEmpty else { return report }

        let reserveShares = ledger.book.settledReserve
        var attested: [AttestedAsset] = []
        for asset in assets where reserveShares[asset.isin] != nil || asset.totalSupply > 0 {
            guard let supply = asset.supplyShares else {
                throw .arithmetic("\(asset.symbol)'s supply in shares does not fit 128 bits (raw \(asset.totalSupply) at multiplier \(asset.multiplier))")
            }
            attested.append(AttestedAsset(address: asset.address, isin: asset.isin, onChainSupply: supply))
        }
        let attestations: [ReserveAttestation]
        do { attestations = try builder.attestations(book: ledger.book, assets: attested, timestamp: report.timestamp) } catch {
            throw .attestation(error)
        }

        for attestation in attestations {
            if let latest = try await latestTimestamp(sameAs: attestation, rpc: rpc) {
                report.alreadyAttested.append((attestation, latest))
                continue
            }
            let signed = SignedReserveAttestation(signing: attestation, with: signer.key, chainId: chainId)
            let tx = signer.sign(to: SystemAddress.reserves, data: signed.attestCalldata, nonce: nonce)
            let key = "\(Self.attestationKeyPrefix)\(attestation.asset.checksummed):\(attestation.timestamp)"
            let record = try await submitJournaled(key: key, tx, nonce: nonce, rpc: rpc, crashPoint: .attestSent)
            // A transaction the node refused left no trace, not even its nonce.
            if record.state != .failed || record.blockNumber != nil { nonce += 1 }
            switch record.state {
            case .open: report.pending.append(record)
            case .failed: report.failed.append((attestation, record.detail ?? "failed"))
            case .done:
                report.posted.append((attestation, record, try await isVerified(attestation, rpc: rpc)))
            }
        }
        return report
    }

    /// The latest attestation's timestamp when it already attests what `attestation` would
    /// (same statement hash, reserve and supply), or is not older than it; nil otherwise.
    private func latestTimestamp(sameAs attestation: ReserveAttestation, rpc: NodeRPCClient) async throws(BridgeError) -> UInt64? {
        let latest: [String: JSONValue]?
        do { latest = try await rpc.reserveAttestation(of: attestation.asset) } catch { throw .node(error) }
        guard let latest else { return nil }
        let method = "equity_getReserves"
        let timestamp: UInt64
        let hash: Bytes32
        let reserve: UInt256
        let supply: UInt256
        do {
            timestamp = try rpc.read(method, latest["timestamp"], "timestamp", RPCValue.uint64)
            hash = try rpc.read(method, latest["statementSha256"], "statementSha256", RPCValue.hash)
            reserve = try rpc.read(method, latest["settledReserve"], "settledReserve", RPCValue.uint256)
            supply = try rpc.read(method, latest["onChainSupply"], "onChainSupply", RPCValue.uint256)
        } catch { throw .node(error) }
        let same = hash == attestation.statementSHA256 && reserve == UInt256(attestation.settledReserve)
            && supply == UInt256(attestation.onChainSupply)
        return same || timestamp >= attestation.timestamp ? timestamp : nil
    }

    /// Whether `equity_getReserves` serves `attestation` as its asset's latest, signed by the custodian.
    private func isVerified(_ attestation: ReserveAttestation, rpc: NodeRPCClient) async throws(BridgeError) -> Bool {
        let latest: [String: JSONValue]?
        do { latest = try await rpc.reserveAttestation(of: attestation.asset) } catch { throw .node(error) }
        guard let latest, latest["signerIsCustodian"] == .bool(true) else { return false }
        let timestamp = try? rpc.read("equity_getReserves", latest["timestamp"], "timestamp", RPCValue.uint64)
        return timestamp == attestation.timestamp && latest["statementId"] == .string(attestation.statementId)
    }

    /// The statement file's bytes, after checking it holds a page of `statement` of the reserve account.
    private func statementBytes(_ path: String, of statement: HoldingStatement) throws(BridgeError) -> [UInt8] {
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
            throw .attestation(.statementUnreadable(path: path, reason: error.localizedDescription))
        }
        let pages: [StatementPage]
        do { pages = try StatementImporter.pages(fromFile: bytes) } catch {
            throw .statementMismatch(path: path, "not a statement file the bridge reads: \(error)")
        }
        let reserve = configuration.reserveAccount
        guard pages.contains(where: { $0.statementId == statement.id && $0.account == reserve }) else {
            let found = pages.map { "\($0.statementId) of \($0.account)" }.joined(separator: ", ")
            throw .statementMismatch(path: path, "holds statement \(found), but the last statement applied to the reserve account \(reserve) is \(statement.id) as of \(statement.asOf); give that statement's file")
        }
        return bytes
    }

    /// The newest file in `inbox/imported` holding a page of statement `id` of the reserve account.
    private func importedFile(of id: String) throws(BridgeError) -> String {
        let folder = directory.importedPath
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names.sorted().reversed() where !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path),
                  let pages = try? StatementImporter.pages(fromFile: Array(data)),
                  pages.contains(where: { $0.statementId == id && $0.account == configuration.reserveAccount })
            else { continue }
            return path
        }
        throw .statementMismatch(path: folder, "no imported file holds statement \(id), the reserve account's last; give its file with --statement FILE")
    }
}
