/// A contract function as the ABI sees it: a name, input types and output types.
///
/// The node declares the functions its native contracts answer (see `ERC20`) and uses
/// this to decode calldata, encode `eth_call` results and build calldata in tests.
public struct ABIFunction: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    public let inputs: [ABIType]
    public let outputs: [ABIType]
    /// The canonical signature, `name(type1,type2)`; outputs are not part of it.
    public let signature: String
    /// The first 4 bytes of Keccak-256 of `signature`.
    public let selector: ABISelector

    public init(name: String, inputs: [ABIType], outputs: [ABIType] = []) {
        self.name = name
        self.inputs = inputs
        self.outputs = outputs
        self.signature = name + "(" + inputs.map(\.canonicalName).joined(separator: ",") + ")"
        self.selector = ABISelector(signature: signature)
    }

    /// Parses a signature such as `transfer(address,uint256)` (aliases like `uint` are
    /// canonicalised before the selector is computed).
    public init(signature text: String, outputs: [ABIType] = []) throws(ABITypeError) {
        guard let open = text.firstIndex(of: "("), open != text.startIndex else {
            throw .malformed(text, reason: "a signature is a name followed by a parenthesised type list")
        }
        let name = String(text[..<open])
        guard name.utf8.allSatisfy({ Self.isIdentifierByte($0) }), name.utf8.first.map({ !($0 >= 0x30 && $0 <= 0x39) }) == true else {
            throw .malformed(text, reason: "\"\(name)\" is not a function name")
        }
        let inputs = try ABIType.parseList(String(text[open...]))
        for output in outputs { try output.validate() }
        self.init(name: name, inputs: inputs, outputs: outputs)
    }

    private static func isIdentifierByte(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c == 0x5f || c == 0x24
    }

    public var description: String {
        outputs.isEmpty ? signature : signature + " returns (" + outputs.map(\.canonicalName).joined(separator: ",") + ")"
    }

    /// Calldata: the selector followed by the encoded arguments.
    public func encodeCall(_ arguments: [ABIValue]) throws(ABIEncodingError) -> [UInt8] {
        selector.bytes + (try ABIEncoder.encode(arguments, as: inputs))
    }

    /// The arguments of calldata for this function; the selector must match.
    public func decodeCall(_ calldata: [UInt8], allowingTrailingBytes: Bool = false) throws(ABIDecodingError) -> [ABIValue] {
        guard let found = ABISelector(calldata: calldata) else { throw .missingSelector(length: calldata.count) }
        guard found == selector else { throw .selectorMismatch(expected: selector, found: found) }
        return try ABIDecoder.decode(calldata, from: 4, as: inputs, allowingTrailingBytes: allowingTrailingBytes)
    }

    /// Return data (what `eth_call` answers).
    public func encodeOutput(_ values: [ABIValue]) throws(ABIEncodingError) -> [UInt8] {
        try ABIEncoder.encode(values, as: outputs)
    }

    /// The values of return data.
    public func decodeOutput(_ data: [UInt8]) throws(ABIDecodingError) -> [ABIValue] {
        try ABIDecoder.decode(data, as: outputs)
    }
}
