import Custody
import Node

extension ReserveBridge {
    /// The reserve positions per ISIN, sorted by ISIN: the chain's assets against the
    /// book's reserve (`CustodyReserve`), deposits counted minted when the journal says
    /// so or they are in `mintedOnChain`.
    public func reservePositions(assets: [ChainAsset], unprocessed: [ChainRedemption], mintedOnChain: Set<String> = [])
        throws(BridgeError) -> [ReservePosition]
    {
        let done = Set(try storage { () throws(BridgeStorageError) in try journal.all() }.filter { $0.state == .done }.map(\.reference))
        let custody = try CustodyReserve(book: ledger.book, minted: done.union(mintedOnChain))
        return try Reconciler.positions(chain: assets, custody: custody, unprocessed: unprocessed).sorted { $0.isin < $1.isin }
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
                unprocessed += page.filter { ledger.book.movement(reference: Self.withdrawalReference(redemptionId: $0.redemption.id)) == nil }
                next = last.redemption.id + 1
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
