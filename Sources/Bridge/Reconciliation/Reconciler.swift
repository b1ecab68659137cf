import Custody

/// Checks the reserve invariant per ISIN
///
///     supply in shares + redemptions in flight == settled reserve + deposits being minted
///
/// and names the likely cause of each difference. When the chain side is short, the
/// shortfall is first explained by settled deposits not yet minted and by redemptions
/// burned on chain with no custody withdrawal; what they do not explain is an
/// unexplained surplus, and what they over-explain is an over-issue (the chain would
/// owe more than custody holds once they are processed). A chain side above the custody
/// side is an over-issue.
public enum Reconciler {
    /// Joins the chain's assets, the custody side and the unprocessed redemptions into one
    /// position per ISIN held on either side: the chain's assets in their order, then
    /// ISINs only custody holds. One hash lookup per asset and custody table in the
    /// common case where custody holds nothing the chain does not list.
    public static func positions(chain assets: [ChainAsset], custody: CustodyReserve, unprocessed: [ChainRedemption])
        throws(BridgeError) -> [ReservePosition]
    {
        var positions: [ReservePosition] = []
        positions.reserveCapacity(assets.count)
        var found = (settled: 0, inFlight: 0, minting: 0, unminted: 0)
        for asset in assets {
            guard let supply = asset.supplyShares else { throw .arithmetic("the supply of \(asset.symbol) in shares exceeds 2^128 units") }
            let isin = asset.isin
            var balance = ReserveBalance(supplyShares: supply, redemptionsInFlight: 0, settledReserve: 0, depositsBeingMinted: 0)
            if let s = custody.settled[isin] { balance.settledReserve = s; found.settled += 1 }
            if !custody.redemptionsInFlight.isEmpty, let s = custody.redemptionsInFlight[isin] { balance.redemptionsInFlight = s; found.inFlight += 1 }
            if !custody.depositsBeingMinted.isEmpty, let s = custody.depositsBeingMinted[isin] { balance.depositsBeingMinted = s; found.minting += 1 }
            var position = ReservePosition(isin: isin, symbol: asset.symbol, balance: balance)
            if !custody.unmintedDeposits.isEmpty, let d = custody.unmintedDeposits[isin] { position.unmintedDeposits = d; found.unminted += 1 }
            positions.append(position)
        }
        if found != (custody.settled.count, custody.redemptionsInFlight.count, custody.depositsBeingMinted.count, custody.unmintedDeposits.count) {
            positions += custodyOnly(custody, listed: Set(assets.map(\.isin)))
        }
        guard !unprocessed.isEmpty else { return positions }
        let index = Dictionary(positions.enumerated().map { ($0.element.isin, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let byToken = Dictionary(assets.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
        for r in unprocessed.map(\.redemption) {
            guard let asset = byToken[r.token], let at = index[asset.isin],
                  let shares = ShareConversion.shares(raw: r.amount, multiplier: asset.multiplier)
            else { continue }
            positions[at].unprocessedRedemptions.append((r.id, shares))
        }
        return positions
    }

    /// Positions for the ISINs custody holds that no listed asset carries.
    private static func custodyOnly(_ custody: CustodyReserve, listed: Set<ISIN>) -> [ReservePosition] {
        var positions: [ISIN: ReservePosition] = [:]
        let empty = ReserveBalance(supplyShares: 0, redemptionsInFlight: 0, settledReserve: 0, depositsBeingMinted: 0)
        func update(_ isin: ISIN, _ body: (inout ReservePosition) -> Void) {
            guard !listed.contains(isin) else { return }
            body(&positions[isin, default: ReservePosition(isin: isin, symbol: nil, balance: empty)])
        }
        for (isin, shares) in custody.settled { update(isin) { $0.balance.settledReserve = shares } }
        for (isin, shares) in custody.redemptionsInFlight { update(isin) { $0.balance.redemptionsInFlight = shares } }
        for (isin, shares) in custody.depositsBeingMinted { update(isin) { $0.balance.depositsBeingMinted = shares } }
        for (isin, deposits) in custody.unmintedDeposits { update(isin) { $0.unmintedDeposits = deposits } }
        return positions.values.sorted { $0.isin < $1.isin }
    }

    /// One line per position, in the order given.
    public static func reconcile(_ positions: [ReservePosition]) -> [ReserveLine] {
        positions.map(line)
    }

    /// The line for one position.
    public static func line(_ p: ReservePosition) -> ReserveLine {
        var causes: [BreakCause] = []
        if p.symbol == nil && (p.balance.settledReserve > 0 || p.balance.depositsBeingMinted > 0) { causes.append(.noToken) }
        let (sign, magnitude) = p.balance.difference
        let unminted = p.unmintedDeposits.reduce(UInt128(0)) { $0 &+ $1.shares }
        let unprocessed = p.unprocessedRedemptions.reduce(UInt128(0)) { $0 &+ $1.shares }
        if sign > 0 {
            causes.append(.overIssue(shares: magnitude))
        } else if sign < 0 {
            if unminted > 0 {
                causes.append(.unmintedDeposit(references: p.unmintedDeposits.map(\.reference), shares: unminted))
            }
            if unprocessed > 0 {
                causes.append(.unprocessedRedemption(ids: p.unprocessedRedemptions.map(\.id), shares: unprocessed))
            }
            let explained = unminted.addingReportingOverflow(unprocessed)
            if explained.overflow || explained.partialValue > magnitude {
                let excess = explained.overflow ? UInt128.max : explained.partialValue - magnitude
                causes.append(.overIssue(shares: excess))
            } else if explained.partialValue < magnitude {
                causes.append(.unexplainedSurplus(shares: magnitude - explained.partialValue))
            }
        }
        return ReserveLine(isin: p.isin, symbol: p.symbol, balance: p.balance, causes: causes)
    }
}
