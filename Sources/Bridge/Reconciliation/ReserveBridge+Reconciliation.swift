import Custody
import Node

extension ReserveBridge {
    /// The reserve figures per ISIN from the book, the journal and the chain's assets.
    ///
    /// - supply: the token's total supply in shares (multiplier applied);
    /// - redemptions in flight: withdrawals out of the reserve booked and not settled;
    /// - settled reserve: the book's settled reserve (level with the last statement);
    /// - deposits being minted: deposits to the reserve with a chain address whose mint
    ///   is done while custody has not settled them yet;
    /// - explanations: settled deposits not minted (journal not done), and the
    ///   `unprocessed` chain redemptions with no custody withdrawal.
    public func reservePositions(assets: [ChainAsset], unprocessed: [ChainRedemption], mintedOnChain: Set<String> = [])
        throws(BridgeError) -> [ReservePosition]
    {
        let book = ledger.book
        let done = Set(try storage { () throws(BridgeStorageError) in try journal.all() }.filter { $0.state == .done }.map(\.reference))
            .union(mintedOnChain)
        var positions: [ISIN: ReservePosition] = [:]
        func update(_ isin: ISIN, _ body: (inout ReservePosition) -> Void) {
            var p = positions[isin] ?? ReservePosition(
                isin: isin, symbol: nil,
                balance: ReserveBalance(supplyShares: 0, redemptionsInFlight: 0, settledReserve: 0, depositsBeingMinted: 0))
            body(&p)
            positions[isin] = p
        }
        var overflow: String?
        func add(_ a: inout UInt128, _ b: UInt128, _ what: String) {
            let (s, o) = a.addingReportingOverflow(b)
            if o { overflow = what }
            a = s
        }
        for asset in assets {
            guard let supply = asset.supplyShares else {
                throw .node(.malformedResponse(method: "equity_assets", reason: "\(asset.symbol) supply in shares exceeds 128 bits"))
            }
            update(asset.isin) { $0.symbol = asset.symbol; $0.balance.supplyShares = supply }
        }
        for (isin, q) in book.settledReserve { update(isin) { $0.balance.settledReserve = q.raw } }
        for m in book.withdrawalsInFlight { update(m.isin) { add(&$0.balance.redemptionsInFlight, m.quantity.raw, "redemptions in flight of \(m.isin)") } }
        for m in book.movements(account: configuration.reserveAccount) where m.chainAddress != nil {
            if book.isSettled(m) {
                if !done.contains(m.reference) { update(m.isin) { $0.unmintedDeposits.append((m.reference, m.quantity.raw)) } }
            } else if done.contains(m.reference) {
                update(m.isin) { add(&$0.balance.depositsBeingMinted, m.quantity.raw, "deposits being minted of \(m.isin)") }
            }
        }
        let byToken = Dictionary(assets.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
        for r in unprocessed {
            guard let asset = byToken[r.token], let shares = ShareConversion.shares(raw: r.amount, multiplier: asset.multiplier) else { continue }
            update(asset.isin) { $0.unprocessedRedemptions.append((r.id, shares)) }
        }
        if let overflow { throw .calendar("the sum of \(overflow) exceeds 128 bits") }
        return positions.values.sorted { $0.isin < $1.isin }
    }

    /// Reconciles the book with the chain: one line per ISIN held on either side.
    public func reconcile(rpc: NodeRPCClient) async throws(BridgeError) -> [ReserveLine] {
        try alignReserve()
        let assets: [ChainAsset]
        var unprocessed: [ChainRedemption] = []
        let cursor = try storage { () throws(BridgeStorageError) in try RedemptionCursor.load(from: database) }
        do {
            assets = try await rpc.shareAssets()
            var next = cursor.lastId + 1
            while true {
                let page = try await rpc.redemptions(fromId: next)
                guard let last = page.last else { break }
                unprocessed += page.filter { ledger.book.movement(reference: Self.withdrawalReference(redemptionId: $0.id)) == nil }
                next = last.id + 1
            }
        } catch { throw .node(error) }
        // A deposit the journal does not know as minted may have been minted by another
        // run whose journal was lost: the chain's deposit record decides.
        var mintedOnChain: Set<String> = []
        for line in try reservePositions(assets: assets, unprocessed: unprocessed) {
            for deposit in line.unmintedDeposits {
                do {
                    if try await rpc.depositBlock(DepositId.of(reference: deposit.reference)) != nil { mintedOnChain.insert(deposit.reference) }
                } catch { throw .node(error) }
            }
        }
        return Reconciler.reconcile(try reservePositions(assets: assets, unprocessed: unprocessed, mintedOnChain: mintedOnChain))
    }
}
