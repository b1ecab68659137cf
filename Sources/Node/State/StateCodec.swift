/// The stored form of state values: canonical RLP, so that equal values have equal
/// bytes (and equal state-tree hashes) on every node.
public enum StateCodec {
    /// A stored value that does not decode: the database is damaged or not ours.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = "state: \(description)" }
        init(_ error: RLPError) { self.description = "state: \(error.description)" }
    }

    // MARK: Encoding

    static func amount(_ v: UInt128) -> RLPItem { .uint(UInt256(v)) }
    static func string(_ s: String) -> RLPItem { .bytes(Array(s.utf8)) }
    static func address(_ a: Address) -> RLPItem { .bytes(a.bytes) }

    public static func encode(_ v: UInt128) -> [UInt8] { amount(v).encoded }

    /// rlp([nonce, [[token, balance, frozen, fullyFrozen(, escrowed)]]]), written in place:
    /// accounts are the values every block rewrites. `escrowed` is present only when it is
    /// not zero, so a position with nothing in open orders encodes as it always has.
    public static func encode(_ a: AccountState) -> [UInt8] {
        let positions = a.positions.reduce(0) { $0 + RLP.encodedListLength(payload: positionPayloadLength($1)) }
        let payload = RLP.encodedLength(of: a.nonce) + RLP.encodedListLength(payload: positions)
        var out: [UInt8] = []
        out.reserveCapacity(RLP.encodedListLength(payload: payload))
        RLP.appendHeader(listPayload: payload, to: &out)
        RLP.appendUInt(a.nonce, to: &out)
        RLP.appendHeader(listPayload: positions, to: &out)
        for p in a.positions {
            RLP.appendHeader(listPayload: positionPayloadLength(p), to: &out)
            RLP.appendAddress(p.token, to: &out)
            RLP.appendUInt(UInt256(p.balance), to: &out)
            RLP.appendUInt(UInt256(p.frozen), to: &out)
            RLP.appendUInt(UInt64(p.isFullyFrozen ? 1 : 0), to: &out)
            if p.escrowed != 0 { RLP.appendUInt(UInt256(p.escrowed), to: &out) }
        }
        return out
    }

    private static func positionPayloadLength(_ p: TokenPosition) -> Int {
        21 + RLP.encodedLength(of: UInt256(p.balance)) + RLP.encodedLength(of: UInt256(p.frozen)) + 1
            + (p.escrowed == 0 ? 0 : RLP.encodedLength(of: UInt256(p.escrowed)))
    }

    public static func encode(_ t: TokenState) -> [UInt8] {
        RLPItem.list([
            .uint(UInt64(t.kind.rawValue)), string(t.symbol), string(t.name), .uint(UInt64(t.decimals)),
            string(t.isin), string(t.cusip), amount(t.totalSupply), amount(t.multiplier), .uint(UInt64(t.paused.rawValue)),
            .list(t.allowedCountries.map(string)), .list(t.deniedCountries.map(string)),
        ]).encoded
    }

    public static func encode(_ i: Identity) -> [UInt8] {
        RLPItem.list([
            string(i.investorId), string(i.country), .uint(i.kycExpiry), string(i.taxCategory.rawValue),
            .list(i.wallets.map(address)),
        ]).encoded
    }

    public static func encode(_ d: Deposit) -> [UInt8] {
        RLPItem.list([.bytes(d.id.bytes), address(d.token), address(d.recipient), amount(d.amount), .uint(d.blockNumber)]).encoded
    }

    public static func encode(_ r: Redemption) -> [UInt8] {
        RLPItem.list([
            .uint(r.id), address(r.token), address(r.holder), amount(r.amount), string(r.brokerageAccountRef), .uint(r.blockNumber),
        ]).encoded
    }

    public static func encode(_ s: SystemState) -> [UInt8] {
        RLPItem.list([
            address(s.issuer), address(s.custodian), address(s.compliance), .uint(UInt64(s.paused.rawValue)), .uint(s.nextRedemptionId),
        ]).encoded
    }

    /// rlp([asset, isin, statementId, statementSha256, settledReserve, onChainSupply,
    /// timestamp, signature (65 bytes, r ‖ s ‖ v), signer, poster, blockNumber, blockTimestamp]).
    public static func encode(_ p: PostedReserveAttestation) -> [UInt8] {
        let a = p.attestation
        return RLPItem.list([
            address(a.asset), string(a.isin), string(a.statementId), .bytes(a.statementSHA256.bytes),
            amount(a.settledReserve), amount(a.onChainSupply), .uint(a.timestamp), .bytes(p.signature.bytes65),
            address(p.signer), address(p.poster), .uint(p.blockNumber), .uint(p.blockTimestamp),
        ]).encoded
    }

    // MARK: Decoding

    static func fields(_ bytes: [UInt8]) throws(Failure) -> RLPReader {
        var outer = RLPReader(bytes)
        do {
            let list = try outer.readList()
            try outer.finish()
            return list
        } catch { throw Failure(error) }
    }

    static func run<T>(_ body: () throws(RLPError) -> T) throws(Failure) -> T {
        do { return try body() } catch { throw Failure(error) }
    }

    static func readAmount(_ r: inout RLPReader) throws(RLPError) -> UInt128 {
        guard let v = try r.readUInt256().uint128 else { throw .integerTooLarge(maxBytes: 16) }
        return v
    }

    static func readString(_ r: inout RLPReader) throws(RLPError) -> String {
        String(decoding: try r.readBytes(), as: UTF8.self)
    }

    static func readUInt8(_ r: inout RLPReader) throws(RLPError) -> UInt8 {
        let v = try r.readUInt64()
        guard v <= UInt64(UInt8.max) else { throw .integerTooLarge(maxBytes: 1) }
        return UInt8(v)
    }

    public static func decodeAmount(_ bytes: [UInt8]) throws(Failure) -> UInt128 {
        var r = RLPReader(bytes)
        return try run { () throws(RLPError) in
            let v = try readAmount(&r)
            try r.finish()
            return v
        }
    }

    public static func decodeString(_ bytes: [UInt8]) throws(Failure) -> String {
        var r = RLPReader(bytes)
        return try run { () throws(RLPError) in
            let v = try readString(&r)
            try r.finish()
            return v
        }
    }

    public static func decodeAccount(_ bytes: [UInt8]) throws(Failure) -> AccountState {
        var r = try fields(bytes)
        return try run { () throws(RLPError) in
            let nonce = try r.readUInt64()
            var list = try r.readList()
            var positions: [TokenPosition] = []
            while !list.isAtEnd {
                var p = try list.readList()
                var position = TokenPosition(
                    token: try p.readAddress(), balance: try readAmount(&p), frozen: try readAmount(&p),
                    isFullyFrozen: try p.readUInt64() == 1)
                if !p.isAtEnd {
                    position.escrowed = try readAmount(&p)
                    // Canonical: a zero escrow is left out, and escrow is part of the balance.
                    guard position.escrowed != 0, position.escrowed <= position.balance else {
                        throw RLPError.wrongElementCount(expected: "an escrow from 1 to the balance", found: 5)
                    }
                }
                positions.append(position)
                try p.finish()
            }
            try r.finish()
            return AccountState(nonce: nonce, positions: positions)
        }
    }

    public static func decodeToken(_ bytes: [UInt8]) throws(Failure) -> TokenState {
        var r = try fields(bytes)
        let token = try run { () throws(RLPError) -> TokenState? in
            guard let kind = TokenState.Kind(rawValue: try readUInt8(&r)) else { return nil }
            let symbol = try readString(&r), name = try readString(&r), decimals = try readUInt8(&r)
            let isin = try readString(&r), cusip = try readString(&r)
            let supply = try readAmount(&r), multiplier = try readAmount(&r)
            let paused = PauseScope(rawValue: try readUInt8(&r))
            var allowed: [String] = [], denied: [String] = []
            var a = try r.readList()
            while !a.isAtEnd { allowed.append(try readString(&a)) }
            var d = try r.readList()
            while !d.isAtEnd { denied.append(try readString(&d)) }
            try r.finish()
            return TokenState(kind: kind, symbol: symbol, name: name, decimals: decimals, isin: isin, cusip: cusip,
                              totalSupply: supply, multiplier: multiplier, paused: paused,
                              allowedCountries: allowed, deniedCountries: denied)
        }
        guard let token else { throw Failure("unknown token kind") }
        return token
    }

    public static func decodeIdentity(_ bytes: [UInt8]) throws(Failure) -> Identity {
        var r = try fields(bytes)
        let identity = try run { () throws(RLPError) -> Identity? in
            let id = try readString(&r), country = try readString(&r), expiry = try r.readUInt64()
            guard let tax = TaxCategory(rawValue: try readString(&r)) else { return nil }
            var w = try r.readList()
            var wallets: [Address] = []
            while !w.isAtEnd { wallets.append(try w.readAddress()) }
            try r.finish()
            return Identity(investorId: id, country: country, kycExpiry: expiry, taxCategory: tax, wallets: wallets)
        }
        guard let identity else { throw Failure("unknown tax category") }
        return identity
    }

    public static func decodeDeposit(_ bytes: [UInt8]) throws(Failure) -> Deposit {
        var r = try fields(bytes)
        return try run { () throws(RLPError) in
            let d = Deposit(id: try r.readBytes32(), token: try r.readAddress(), recipient: try r.readAddress(),
                            amount: try readAmount(&r), blockNumber: try r.readUInt64())
            try r.finish()
            return d
        }
    }

    public static func decodeRedemption(_ bytes: [UInt8]) throws(Failure) -> Redemption {
        var r = try fields(bytes)
        return try run { () throws(RLPError) in
            let v = Redemption(id: try r.readUInt64(), token: try r.readAddress(), holder: try r.readAddress(),
                               amount: try readAmount(&r), brokerageAccountRef: try readString(&r), blockNumber: try r.readUInt64())
            try r.finish()
            return v
        }
    }

    public static func decodeReserveAttestation(_ bytes: [UInt8]) throws(Failure) -> PostedReserveAttestation {
        var r = try fields(bytes)
        let (attestation, signatureBytes, signer, poster, blockNumber, blockTimestamp) = try run { () throws(RLPError) in
            let a = ReserveAttestation(
                asset: try r.readAddress(), isin: try readString(&r), statementId: try readString(&r),
                statementSHA256: try r.readBytes32(), settledReserve: try readAmount(&r), onChainSupply: try readAmount(&r),
                timestamp: try r.readUInt64())
            let fields = (a, Array(try r.readBytes()), try r.readAddress(), try r.readAddress(), try r.readUInt64(), try r.readUInt64())
            try r.finish()
            return fields
        }
        let signature: Secp256k1.RecoverableSignature
        do { signature = try Secp256k1.RecoverableSignature(bytes65: signatureBytes) } catch {
            throw Failure("reserve attestation: \(error.description)")
        }
        return PostedReserveAttestation(attestation: attestation, signature: signature, signer: signer, poster: poster,
                                        blockNumber: blockNumber, blockTimestamp: blockTimestamp)
    }

    public static func decodeSystem(_ bytes: [UInt8]) throws(Failure) -> SystemState {
        var r = try fields(bytes)
        return try run { () throws(RLPError) in
            let s = SystemState(issuer: try r.readAddress(), custodian: try r.readAddress(), compliance: try r.readAddress(),
                                paused: PauseScope(rawValue: try readUInt8(&r)), nextRedemptionId: try r.readUInt64())
            try r.finish()
            return s
        }
    }
}
