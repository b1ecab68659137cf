/// Stored forms of the corporate-action values: canonical RLP lists.
extension StateCodec {
    private static func flag(_ b: Bool) -> RLPItem { .uint(UInt64(b ? 1 : 0)) }

    private static func readFlag(_ r: inout RLPReader) throws(RLPError) -> Bool {
        let v = try r.readUInt64()
        guard v <= 1 else { throw .integerTooLarge(maxBytes: 1) }
        return v == 1
    }

    private static func decode<T>(_ bytes: [UInt8], _ body: (inout RLPReader) throws(RLPError) -> T) throws(Failure) -> T {
        var r = try fields(bytes)
        return try run { () throws(RLPError) in
            let v = try body(&r)
            try r.finish()
            return v
        }
    }

    public static func encode(_ d: Dividend) -> [UInt8] {
        RLPItem.list([
            .uint(d.id), address(d.token), .uint(d.sequence), address(d.funder), amount(d.amountPerShare), amount(d.multiplier),
            amount(d.pointsPerRawUnit), .uint(d.recordTime), .uint(d.payTime), amount(d.fundedRawSupply), amount(d.funded),
            flag(d.isRecorded), amount(d.recordedRawSupply), amount(d.entitled), amount(d.refunded), amount(d.settledRawSupply),
            amount(d.settledGross), amount(d.paidNet), amount(d.withheld), amount(d.reclaimed), flag(d.isReclaimed),
        ]).encoded
    }

    public static func decodeDividend(_ bytes: [UInt8]) throws(Failure) -> Dividend {
        try decode(bytes) { (r: inout RLPReader) throws(RLPError) in
            Dividend(id: try r.readUInt64(), token: try r.readAddress(), sequence: try r.readUInt64(), funder: try r.readAddress(),
                     amountPerShare: try readAmount(&r), multiplier: try readAmount(&r), pointsPerRawUnit: try readAmount(&r),
                     recordTime: try r.readUInt64(), payTime: try r.readUInt64(), fundedRawSupply: try readAmount(&r),
                     funded: try readAmount(&r), isRecorded: try readFlag(&r), recordedRawSupply: try readAmount(&r),
                     entitled: try readAmount(&r), refunded: try readAmount(&r), settledRawSupply: try readAmount(&r),
                     settledGross: try readAmount(&r), paidNet: try readAmount(&r), withheld: try readAmount(&r),
                     reclaimed: try readAmount(&r), isReclaimed: try readFlag(&r))
        }
    }

    public static func encode(_ h: DividendHolding) -> [UInt8] {
        RLPItem.list([.uint(h.pointsDebt), .uint(h.settledCount)]).encoded
    }

    public static func decodeHolding(_ bytes: [UInt8]) throws(Failure) -> DividendHolding {
        try decode(bytes) { (r: inout RLPReader) throws(RLPError) in
            DividendHolding(pointsDebt: try r.readUInt256(), settledCount: try r.readUInt64())
        }
    }

    public static func encode(_ e: DividendEntitlement) -> [UInt8] {
        RLPItem.list([amount(e.gross), flag(e.isPaid), amount(e.withheld), string(e.taxCategory.rawValue), .uint(e.paidAt)]).encoded
    }

    public static func decodeEntitlement(_ bytes: [UInt8]) throws(Failure) -> DividendEntitlement {
        let e = try decode(bytes) { (r: inout RLPReader) throws(RLPError) -> DividendEntitlement? in
            let gross = try readAmount(&r), paid = try readFlag(&r), withheld = try readAmount(&r)
            guard let category = TaxCategory(rawValue: try readString(&r)) else { return nil }
            return DividendEntitlement(gross: gross, isPaid: paid, withheld: withheld, taxCategory: category, paidAt: try r.readUInt64())
        }
        guard let e else { throw Failure("unknown tax category") }
        return e
    }

    public static func encode(_ a: AssetCorporateState) -> [UInt8] {
        let scheduled: RLPItem = a.scheduledMultiplier.map { .list([changeItem($0)]) } ?? .list([])
        return RLPItem.list([amount(a.pointsPerRawUnit), .list(a.dividendIds.map { .uint($0) }), .uint(a.recordedCount),
                             .uint(a.multiplierNonce), scheduled]).encoded
    }

    public static func decodeAsset(_ bytes: [UInt8]) throws(Failure) -> AssetCorporateState {
        try decode(bytes) { (r: inout RLPReader) throws(RLPError) in
            let points = try readAmount(&r)
            var idList = try r.readList()
            var ids: [UInt64] = []
            while !idList.isAtEnd { ids.append(try idList.readUInt64()) }
            let recorded = try r.readUInt64(), nonce = try r.readUInt64()
            var optional = try r.readList()
            var scheduled: MultiplierChange?
            if !optional.isAtEnd {
                var c = try optional.readList()
                scheduled = try readChange(&c)
                try c.finish()
                try optional.finish()
            }
            return AssetCorporateState(pointsPerRawUnit: points, dividendIds: ids, recordedCount: recorded,
                                       multiplierNonce: nonce, scheduledMultiplier: scheduled)
        }
    }

    private static func changeItem(_ c: MultiplierChange) -> RLPItem {
        .list([.uint(c.nonce), amount(c.prior), amount(c.multiplier), .uint(c.effectiveAt), .uint(c.scheduledInBlock), .uint(c.effectiveInBlock)])
    }

    private static func readChange(_ r: inout RLPReader) throws(RLPError) -> MultiplierChange {
        MultiplierChange(nonce: try r.readUInt64(), prior: try readAmount(&r), multiplier: try readAmount(&r),
                         effectiveAt: try r.readUInt64(), scheduledInBlock: try r.readUInt64(), effectiveInBlock: try r.readUInt64())
    }

    public static func encode(_ c: MultiplierChange) -> [UInt8] { changeItem(c).encoded }

    public static func decodeMultiplierChange(_ bytes: [UInt8]) throws(Failure) -> MultiplierChange {
        try decode(bytes) { (r: inout RLPReader) throws(RLPError) in try readChange(&r) }
    }

    public static func encode(_ w: WithholdingRecord) -> [UInt8] {
        RLPItem.list([amount(w.gross), amount(w.withheld), .uint(w.payments)]).encoded
    }

    public static func decodeWithholding(_ bytes: [UInt8]) throws(Failure) -> WithholdingRecord {
        try decode(bytes) { (r: inout RLPReader) throws(RLPError) in
            WithholdingRecord(gross: try readAmount(&r), withheld: try readAmount(&r), payments: try r.readUInt64())
        }
    }

    /// rlp([nextDividendId, [[time, kind, id or token], …]]), kind 0 record, 1 multiplier.
    public static func encode(_ s: CorporateActionSchedule) -> [UInt8] {
        RLPItem.list([.uint(s.nextDividendId), .list(s.entries.map { time, entry in
            switch entry {
            case .record(let id): return .list([.uint(time), .uint(UInt64(0)), .uint(id)])
            case .multiplier(let token): return .list([.uint(time), .uint(UInt64(1)), address(token)])
            }
        })]).encoded
    }

    public static func decodeSchedule(_ bytes: [UInt8]) throws(Failure) -> CorporateActionSchedule {
        let schedule = try decode(bytes) { (r: inout RLPReader) throws(RLPError) -> CorporateActionSchedule? in
            let next = try r.readUInt64()
            var list = try r.readList()
            var entries: [(time: UInt64, entry: CorporateActionSchedule.Entry)] = []
            while !list.isAtEnd {
                var e = try list.readList()
                let time = try e.readUInt64()
                switch try e.readUInt64() {
                case 0: entries.append((time, .record(dividendId: try e.readUInt64())))
                case 1: entries.append((time, .multiplier(token: try e.readAddress())))
                default: return nil
                }
                try e.finish()
            }
            guard entries.map(\.time) == entries.map(\.time).sorted() else { return nil }
            return CorporateActionSchedule(nextDividendId: next, entries: entries)
        }
        guard let schedule else { throw Failure("corporate-action schedule is not in time order or has an unknown kind") }
        return schedule
    }
}
