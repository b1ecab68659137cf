/// The key of one leaf of the world state. Its byte encoding (a one-byte tag followed
/// by the fields) is stored in RocksDB, and `keccak256(encoded)` is its path in the
/// state tree.
public enum StateKey: Hashable, Sendable, Comparable {
    /// Nonce and token positions of an address.
    case account(Address)
    /// A token's definition, supply and settings.
    case token(Address)
    /// ERC-20 allowance granted by `owner` to `spender` in `token`.
    case allowance(token: Address, owner: Address, spender: Address)
    /// An investor in the identity registry, by investor id.
    case investor(String)
    /// The investor a wallet belongs to.
    case wallet(Address)
    /// A minted custody deposit, by deposit id.
    case deposit(Bytes32)
    /// A redemption, by id.
    case redemption(UInt64)
    /// Roles, global pause and counters.
    case system
    /// Dividends and multiplier changes (tags 0x09–0x0F).
    case corporate(CorporateKey)
    /// The latest reserve attestation of a share token, by token address.
    case reserveAttestation(Address)

    enum Tag: UInt8 {
        case account = 0x01, token = 0x02, allowance = 0x03, investor = 0x04
        case wallet = 0x05, deposit = 0x06, redemption = 0x07, system = 0x08
        case reserveAttestation = 0x18
    }

    /// The stored form: tag byte, then fixed-width fields (strings as UTF-8).
    public var encoded: [UInt8] {
        switch self {
        case .account(let a): return [Tag.account.rawValue] + a.bytes
        case .token(let a): return [Tag.token.rawValue] + a.bytes
        case .allowance(let t, let o, let s): return [Tag.allowance.rawValue] + t.bytes + o.bytes + s.bytes
        case .investor(let id): return [Tag.investor.rawValue] + Array(id.utf8)
        case .wallet(let a): return [Tag.wallet.rawValue] + a.bytes
        case .deposit(let id): return [Tag.deposit.rawValue] + id.bytes
        case .redemption(let id): return [Tag.redemption.rawValue] + withUnsafeBytes(of: id.bigEndian, Array.init)
        case .system: return [Tag.system.rawValue]
        case .corporate(let k): return k.encoded
        case .reserveAttestation(let a): return [Tag.reserveAttestation.rawValue] + a.bytes
        }
    }

    /// Parses a stored key; nil for bytes that are no state key.
    public init?(encoded: [UInt8]) {
        if let k = CorporateKey(encoded: encoded) { self = .corporate(k); return }
        guard let first = encoded.first, let tag = Tag(rawValue: first) else { return nil }
        let body = encoded.dropFirst()
        switch tag {
        case .account: guard let a = Address(bytes: body) else { return nil }; self = .account(a)
        case .token: guard let a = Address(bytes: body) else { return nil }; self = .token(a)
        case .allowance:
            guard body.count == 60, let t = Address(bytes: body.prefix(20)),
                  let o = Address(bytes: body.dropFirst(20).prefix(20)), let s = Address(bytes: body.suffix(20)) else { return nil }
            self = .allowance(token: t, owner: o, spender: s)
        case .investor: guard let id = String(validating: body, as: UTF8.self) else { return nil }; self = .investor(id)
        case .wallet: guard let a = Address(bytes: body) else { return nil }; self = .wallet(a)
        case .deposit: guard let id = Bytes32(bytes: body) else { return nil }; self = .deposit(id)
        case .redemption:
            guard body.count == 8 else { return nil }
            self = .redemption(body.reduce(0) { $0 << 8 | UInt64($1) })
        case .system: guard body.isEmpty else { return nil }; self = .system
        case .reserveAttestation: guard let a = Address(bytes: body) else { return nil }; self = .reserveAttestation(a)
        }
    }

    /// The state tree path of this key.
    public var path: Bytes32 { Keccak256.hash(encoded) }

    private var tagByte: UInt8 {
        switch self {
        case .corporate(let k): return k.tag
        case .account: return Tag.account.rawValue
        case .token: return Tag.token.rawValue
        case .allowance: return Tag.allowance.rawValue
        case .investor: return Tag.investor.rawValue
        case .wallet: return Tag.wallet.rawValue
        case .deposit: return Tag.deposit.rawValue
        case .redemption: return Tag.redemption.rawValue
        case .system: return Tag.system.rawValue
        case .reserveAttestation: return Tag.reserveAttestation.rawValue
        }
    }

    /// The order of the encoded bytes, compared without encoding (block commits sort
    /// every changed key).
    public static func < (a: StateKey, b: StateKey) -> Bool {
        switch (a, b) {
        case let (.account(x), .account(y)), let (.token(x), .token(y)), let (.wallet(x), .wallet(y)): return x < y
        case let (.reserveAttestation(x), .reserveAttestation(y)): return x < y
        case let (.allowance(t1, o1, s1), .allowance(t2, o2, s2)): return (t1, o1, s1) < (t2, o2, s2)
        case let (.investor(x), .investor(y)): return x.utf8.lexicographicallyPrecedes(y.utf8)
        case let (.deposit(x), .deposit(y)): return x < y
        case let (.redemption(x), .redemption(y)): return x < y
        case let (.corporate(x), .corporate(y)): return x < y
        default: return a.tagByte < b.tagByte
        }
    }
}
