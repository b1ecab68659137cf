/// Corporate-action reads for the RPC server.
extension Chain {
    /// One dividend as a holder sees it.
    public struct HolderEntitlement: Sendable {
        public var dividend: Dividend
        public var token: TokenState?
        public var entitlement: DividendEntitlement
        /// Where the dividend stands at the time the next block would have.
        public var status: DividendStatus
    }

    /// Every dividend `holder` is entitled to (recorded, with a non-zero gross), paid
    /// or not, in id order, as of the time the next block would have; and the
    /// holder's current tax category (nil when unregistered).
    public func entitlements(of holder: Address, now: UInt64) -> (category: TaxCategory?, entitlements: [HolderEntitlement]) {
        let time = max(head.timestamp, now)
        let out = state.corporate.dividends.keys.sorted().compactMap { id -> HolderEntitlement? in
            guard let d = state.corporate.dividends[id],
                  let e = state.dividendEntitlement(holder: holder, dividendId: id, time: time) else { return nil }
            return HolderEntitlement(dividend: d, token: state.token(d.token), entitlement: e, status: d.status(at: time))
        }
        return (state.identity(of: holder)?.taxCategory, out)
    }
}
