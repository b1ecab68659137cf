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
    /// position per ISIN held on either side (in no particular order).
    public static func positions(chain assets: [ChainAsset], custody: CustodyReserve, unprocessed: [ChainRedemption])
        throws(BridgeError) -> [ReservePosition]
    {
        var positions: [ISIN: ReservePosition] = [:]
        positions.reserveCapacity(max(assets.count, custody.settled.count))
        let empty = ReserveBalance(supplyShares: 0, redemptionsInFlight: 0, settledReserve: 0, depositsBeingMinted: 0)
        for asset in assets {
            guard let supply = asset.supplyShares else { throw .arithmetic("the supply of \(asset.symbol) in shares exceeds 2^128 units") }
            positions[asset.isin] = ReservePosition(
                isin: asset.isin, symbol: asset.symbol,
                balance: ReserveBalance(supplyShares: supply, redemptionsInFlight: 0, settledReserve: 0, depositsBeingMinted: 0))
        }
        for (isin, shares) in custody.settled {
            positions[isin, default: ReservePosition(isin: isin, symbol: nil, balance: empty)].balance.settledReserve = shares
        }
        for (isin, shares) in custody.redemptionsInFlight {
            positions[isin, default: ReservePosition(isin: isin, symbol: nil, balance: empty)].balance.redemptionsInFlight = shares
        }
        for (isin, shares) in custody.depositsBeingMinted {
            positions[isin, default: ReservePosition(isin: isin, symbol: nil, balance: empty)].balance.depositsBeingMinted = shares
        }
        for (isin, deposits) in custody.unmintedDeposits {
            positions[isin, default: ReservePosition(isin: isin, symbol: nil, balance: empty)].unmintedDeposits = deposits
        }
        let byToken = Dictionary(assets.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
        for r in unprocessed {
            guard let asset = byToken[r.token], let shares = ShareConversion.shares(raw: r.amount, multiplier: asset.multiplier) else { continue }
            positions[asset.isin]?.unprocessedRedemptions.append((r.id, shares))
        }
        return Array(positions.values)
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
