/// Why a state tree could not be built or asked for a proof.
public enum StateTreeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The leaves given to `StateTree(sortedLeaves:)` are not in strictly ascending path
    /// order: the leaf at `index` is not above the one before it (it is smaller or equal).
    case leavesNotStrictlyAscending(index: Int)
    /// A proof was asked for while updates are not yet hashed: call `commit()` first.
    case uncommittedChanges

    public var description: String {
        switch self {
        case .leavesNotStrictlyAscending(let index):
            return "state tree: leaf \(index) does not follow leaf \(index - 1) in strictly ascending path order; "
                + "sort the leaves by path and remove duplicate paths"
        case .uncommittedChanges:
            return "state tree: the tree has updates that are not hashed yet; call commit() before asking for a proof"
        }
    }
}
