/// A BIP-32 derivation path such as `m/44'/60'/0'/0/0`.
///
/// Hardened steps are written with `'` (also accepted: `h` or `H`); each index is below
/// 2^31, the hardened flag adding 2^31 to it in the derivation.
public struct DerivationPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path.
    public struct Component: Sendable, Hashable, CustomStringConvertible {
        /// The index without the hardened flag, below 2^31.
        public let index: UInt32
        /// Whether the step is hardened (derived from the private key, not the public key).
        public let hardened: Bool

        /// Index 2^31 and above do not fit once the hardened flag is added.
        public init(index: UInt32, hardened: Bool) throws(ParseError) {
            guard index < Self.hardenedOffset else { throw .indexTooLarge(String(index)) }
            self.index = index
            self.hardened = hardened
        }

        /// The 32-bit child number BIP-32 hashes: the index, plus 2^31 when hardened.
        public var childNumber: UInt32 { hardened ? index | Self.hardenedOffset : index }

        public var description: String { hardened ? "\(index)'" : "\(index)" }

        static let hardenedOffset: UInt32 = 1 << 31
    }

    /// Why a path string is refused.
    public enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        case missingRoot(String)
        case emptyComponent(position: Int)
        case notAnIndex(String)
        case indexTooLarge(String)
        case tooDeep(Int)

        public var description: String {
            switch self {
            case .missingRoot(let text):
                return "a derivation path starts with \"m\" (as in m/44'/60'/0'/0/0), not \"\(text)\""
            case .emptyComponent(let position):
                return "step \(position) of the derivation path is empty (two slashes, or a trailing slash)"
            case .notAnIndex(let text):
                return "\"\(text)\" is not a path step: use a decimal index, with ' (or h) for hardened"
            case .indexTooLarge(let text):
                return "path step \"\(text)\" is too large: indices are below 2147483648 (2^31)"
            case .tooDeep(let depth):
                return "a derivation path has at most 255 steps, not \(depth)"
            }
        }
    }

    /// The steps from the master key; empty for `m` itself.
    public let components: [Component]

    /// BIP-32 stores depth in one byte.
    public static let maximumDepth = 255

    /// A path from steps.
    public init(components: [Component]) throws(ParseError) {
        guard components.count <= Self.maximumDepth else { throw .tooDeep(components.count) }
        self.components = components
    }

    /// Parses `m`, `m/0`, `m/44'/60'/0'/0/0`, `m/44h/60h/0h/0/0`.
    public init(_ text: String) throws(ParseError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.first == "m" || parts.first == "M" else { throw .missingRoot(text) }
        var components: [Component] = []
        for (offset, part) in parts.dropFirst().enumerated() {
            guard !part.isEmpty else { throw .emptyComponent(position: offset + 1) }
            var digits = Substring(part)
            let hardened = digits.last == "'" || digits.last == "h" || digits.last == "H"
            if hardened { digits = digits.dropLast() }
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw .notAnIndex(String(part))
            }
            // Digits only, so the sole way to fail is overflow.
            guard let index = UInt32(digits), index < Component.hardenedOffset else {
                throw .indexTooLarge(String(part))
            }
            components.append(try Component(index: index, hardened: hardened))
        }
        try self.init(components: components)
    }

    /// The path with one more step.
    public func appending(_ component: Component) throws(ParseError) -> DerivationPath {
        try DerivationPath(components: components + [component])
    }

    /// Canonical form, `'` for hardened steps.
    public var description: String {
        (["m"] + components.map(\.description)).joined(separator: "/")
    }
}
