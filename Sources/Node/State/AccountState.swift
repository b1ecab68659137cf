/// An account: its transaction nonce and its positions, one per token it holds.
///
/// Kept as one state leaf so that a transfer changes two leaves (sender, recipient),
/// which keeps the state root update per block small.
public struct AccountState: Sendable, Equatable {
    /// The next transaction nonce.
    public var nonce: UInt64
    /// Positions sorted by token address; empty positions are removed.
    public private(set) var positions: [TokenPosition]

    public init(nonce: UInt64 = 0, positions: [TokenPosition] = []) {
        self.nonce = nonce
        self.positions = positions.filter { !$0.isEmpty }.sorted { $0.token < $1.token }
    }

    /// The position in `token` (an empty one when none is held).
    public func position(_ token: Address) -> TokenPosition {
        if let i = index(of: token) { return positions[i] }
        return TokenPosition(token: token)
    }

    /// Raw balance in `token`.
    public func balance(_ token: Address) -> UInt128 { position(token).balance }

    /// Replaces the position in `token`, keeping the sort order and dropping empties.
    public mutating func setPosition(_ position: TokenPosition) {
        let i = insertionIndex(of: position.token)
        let exists = i < positions.count && positions[i].token == position.token
        switch (exists, position.isEmpty) {
        case (true, true): positions.remove(at: i)
        case (true, false): positions[i] = position
        case (false, false): positions.insert(position, at: i)
        case (false, true): break
        }
    }

    /// Whether the account carries no information (nonce 0, no positions).
    public var isEmpty: Bool { nonce == 0 && positions.isEmpty }

    private func index(of token: Address) -> Int? {
        let i = insertionIndex(of: token)
        return i < positions.count && positions[i].token == token ? i : nil
    }

    private func insertionIndex(of token: Address) -> Int {
        var lo = 0, hi = positions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if positions[mid].token < token { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
