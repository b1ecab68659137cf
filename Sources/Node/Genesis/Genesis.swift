import Custody
import Foundation

/// A chain's genesis: its identity, roles, tokens, verified investors and opening
/// balances. Loaded from JSON (format in docs/genesis.md) and validated whole: a bad
/// genesis is refused with a message naming the field, and nothing starts.
public struct Genesis: Sendable {
    /// Holders of the privileged roles.
    public struct Roles: Sendable, Equatable {
        /// Declares corporate actions and lists markets.
        public var issuer: Address
        /// Operates the bridge: mints on custody deposits, records redemptions, attests reserves.
        public var custodian: Address
        /// Maintains the identity registry, freezes, pauses, forced transfers.
        public var compliance: Address
    }

    /// The cash token (USD).
    public struct CashToken: Sendable, Equatable {
        public var symbol: String
        public var name: String
        public var decimals: Int
        public var address: Address
    }

    /// A share token, backed 1:1 by shares held in custody.
    public struct ShareAsset: Sendable, Equatable {
        public var symbol: String
        public var name: String
        public var isin: ISIN
        public var cusip: CUSIP
        /// Always 18: 10^18 raw units are one share at multiplier 1.
        public var decimals: Int
        public var address: Address
        /// Shares per raw unit, as an 18-decimal fixed point (10^18 = 1.0).
        public var multiplier: UInt128
        /// Shares held in the custody reserve at genesis, in raw units (18 decimals).
        public var openingReserve: UInt128
        /// When non-empty, only residents of these countries may hold the token.
        public var allowedCountries: [String]
        /// Residents of these countries may not hold the token.
        public var deniedCountries: [String]
    }

    /// An opening balance.
    public struct Allocation: Sendable, Equatable {
        public var holder: Address
        public var token: Address
        /// Raw units of the token.
        public var amount: UInt128
    }

    public var name: String
    public var chainId: UInt64
    /// Timestamp of block 0, in seconds since the Unix epoch.
    public var timestamp: UInt64
    public var blockIntervalMs: UInt64
    public var gasLimit: UInt64
    /// The address whose key signs the sequencer's block feed.
    public var sequencer: Address
    public var roles: Roles
    public var cash: CashToken
    public var assets: [ShareAsset]
    public var identities: [Identity]
    /// Opening balances, ordered by holder then token.
    public var allocations: [Allocation]
    /// On-chain markets (ids from 1, in order).
    public var markets: [MarketDefinition] = []

    /// Reads and validates a genesis file.
    public static func load(contentsOf url: URL) throws(GenesisError) -> Genesis {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .notJSON("cannot read \(url.path): \(error.localizedDescription)") }
        return try parse(data)
    }

    /// Validates a genesis document.
    public static func parse(_ data: Data) throws(GenesisError) -> Genesis {
        try GenesisParser(root: JSONFieldReader.root(data)).genesis()
    }

    /// The embedded default: genesis/devnet.json.
    public static var devnet: Genesis {
        // The embedded copy is tested to parse and to equal genesis/devnet.json.
        try! parse(Data(EmbeddedGenesis.devnetJSON.utf8))
    }

    /// Every address the genesis funds or empowers: roles, the sequencer and holders.
    public var privilegedOrFundedAddresses: Set<Address> {
        var set: Set<Address> = [sequencer, roles.issuer, roles.custodian, roles.compliance]
        for a in allocations where a.amount > 0 { set.insert(a.holder) }
        return set
    }
}
