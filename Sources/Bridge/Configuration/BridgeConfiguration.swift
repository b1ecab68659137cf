import Custody
import Node

/// What `equity-bridge init` records in `DATADIR/config.json`: the node to talk to and
/// the custody account that holds the token reserve.
public struct BridgeConfiguration: Codable, Sendable, Equatable {
    /// The node's JSON-RPC URL (`http://HOST:PORT`); commands may override it with `--node`.
    public var nodeURL: String
    /// The safekeeping account that holds the shares backing the tokens.
    public var reserveAccount: SafekeepingAccount
    /// The address of the key that signs mints (the chain's custodian role); set by
    /// the first `keys new` or `keys import`, or by `keys import --custodian`.
    public var custodian: String?

    public init(nodeURL: String, reserveAccount: SafekeepingAccount, custodian: String? = nil) {
        self.nodeURL = nodeURL
        self.reserveAccount = reserveAccount
        self.custodian = custodian
    }
}
