import Custody
import Node

extension ReserveBridge {
    /// Blocks read per `eth_getLogs` call: the node's default range limit.
    public static let logBlockRange: UInt64 = 10_000

    /// The reference of the custody withdrawal for a chain redemption: `RDM-<id>`.
    public static func withdrawalReference(redemptionId: UInt64) -> String { "RDM-\(redemptionId)" }

    /// Follows the share tokens' `Redemption` events from the cursor to the head and
    /// books, for each, a DWAC withdrawal out of the reserve to the holder's brokerage
    /// account (the counterparty): reference `RDM-<id>`, shares = raw × multiplier,
    /// trade date the New York date of the redemption's block, settlement T+1 on the
    /// XNYS calendar. Booking is idempotent by reference and the cursor is saved after
    /// each block range, so a crash anywhere books each withdrawal exactly once. A
    /// withdrawal is complete once a statement dated on or after its settlement date is
    /// imported (`alignReserve`).
    public func followRedemptions(rpc: NodeRPCClient) async throws(BridgeError) -> RedemptionReport {
        try alignReserve()
        var cursor = try storage { () throws(BridgeStorageError) in try RedemptionCursor.load(from: database) }
        var report = RedemptionReport(cursor: cursor)
        let assets: [ChainAsset]
        let head: UInt64
        do {
            assets = try await rpc.shareAssets()
            head = try await rpc.blockNumber()
        } catch { throw .node(error) }
        guard !assets.isEmpty else { return report }
        let byToken = Dictionary(assets.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
        while cursor.nextBlock <= head {
            let upper = min(head, cursor.nextBlock &+ (Self.logBlockRange - 1))
            let logs: [ChainLog]
            do {
                logs = try await rpc.logs(addresses: assets.map(\.address), topics: [[ShareTokenInterface.redemptionEvent.topic]],
                                          blocks: cursor.nextBlock...upper)
            } catch { throw .node(error) }
            for log in logs {
                let redemption: ChainRedemption
                do { redemption = try ChainRedemption(log: log) } catch { throw .node(error) }
                guard let asset = byToken[redemption.redemption.token] else { continue }
                if let movement = try withdrawal(for: redemption, asset: asset, report: &report) {
                    do { if try ledger.record(movement) { report.booked.append(movement) } } catch { throw .custody(error) }
                }
                cursor.lastId = max(cursor.lastId, redemption.redemption.id)
            }
            cursor.nextBlock = upper + 1
            try storage { () throws(BridgeStorageError) in try cursor.save(to: database) }
            report.cursor = cursor
        }
        return report
    }

    private func withdrawal(for chainRedemption: ChainRedemption, asset: ChainAsset, report: inout RedemptionReport) throws(BridgeError) -> Movement? {
        let r = chainRedemption.redemption
        guard let shares = ShareConversion.shares(raw: r.amount, multiplier: asset.multiplier), shares > 0 else {
            report.skipped.append((r.id, "redemption \(r.id) of \(r.amount) raw \(asset.symbol) is less than 10^-18 share at the multiplier"))
            return nil
        }
        guard let timestamp = chainRedemption.blockTimestamp, let trade = calendar.tradeDate(atUnixSeconds: timestamp) else {
            throw .calendar("redemption \(r.id) has no usable block timestamp")
        }
        let settlement: SettlementDate
        do { settlement = try calendar.settlementDate(tradeDate: trade) } catch {
            throw .calendar("redemption \(r.id) traded on \(trade): \(error)")
        }
        return Movement(
            reference: Self.withdrawalReference(redemptionId: r.id), kind: .dwacWithdrawal, account: configuration.reserveAccount,
            isin: asset.isin, quantity: Quantity(raw: shares), tradeDate: trade, settlementDate: settlement,
            counterparty: r.brokerageAccountRef)
    }
}
