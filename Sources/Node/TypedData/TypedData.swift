import Foundation

/// EIP-712 typed structured data in the JSON form of `eth_signTypedData_v4`
/// (`types`, `primaryType`, `domain`, `message`), hashed on construction: a document
/// that cannot be hashed exactly is refused with a `TypedDataError` naming the place
/// at fault.
///
/// `signingDigest` is `keccak256(0x19 0x01 ‖ domainSeparator ‖ hashStruct(message))`,
/// the 32 bytes a wallet signs and from which the node recovers the signer.
public struct TypedData: Sendable {
    /// The domain's standard fields and their types, in the order EIP-712 lists them;
    /// used when `types` does not declare `EIP712Domain`.
    public static let standardDomainFields: [TypedDataField] = [
        TypedDataField(name: "name", type: "string"),
        TypedDataField(name: "version", type: "string"),
        TypedDataField(name: "chainId", type: "uint256"),
        TypedDataField(name: "verifyingContract", type: "address"),
        TypedDataField(name: "salt", type: "bytes32"),
    ]

    public let types: TypedDataTypes
    public let primaryType: String
    public let domain: JSONValue
    public let message: JSONValue
    /// `hashStruct(EIP712Domain, domain)`.
    public let domainSeparator: Bytes32
    /// `hashStruct(primaryType, message)`; nil when the primary type is `EIP712Domain`
    /// itself, which signs the domain alone.
    public let messageHash: Bytes32?

    /// Parses the JSON text a wallet or dApp sends.
    public init(json: String) throws(TypedDataError) {
        try self.init(jsonData: Data(json.utf8))
    }

    /// Parses JSON bytes.
    public init(jsonData: Data) throws(TypedDataError) {
        let value: JSONValue
        do { value = try JSONDecoder().decode(JSONValue.self, from: jsonData) } catch {
            throw .notJSON(String(describing: error))
        }
        try self.init(value)
    }

    /// Reads an already parsed document.
    public init(_ document: JSONValue) throws(TypedDataError) {
        guard case .object(let root) = document else {
            throw .malformed(path: "(top level)", problem: "must be an object, not \(document.typeName)")
        }
        guard case .object(let typesObject)? = root["types"] else {
            throw .malformed(path: "types", problem: "must be an object of struct declarations")
        }
        var declared: [String: [TypedDataField]] = [:]
        for (name, fieldsValue) in typesObject {
            guard case .array(let fieldValues) = fieldsValue else {
                throw .malformed(path: "types.\(name)", problem: "must be an array of {name, type}")
            }
            var fields: [TypedDataField] = []
            for (i, fieldValue) in fieldValues.enumerated() {
                guard case .object(let field) = fieldValue, case .string(let fieldName)? = field["name"],
                      case .string(let fieldType)? = field["type"] else {
                    throw .malformed(path: "types.\(name)[\(i)]", problem: "must be an object with string members name and type")
                }
                fields.append(TypedDataField(name: fieldName, type: fieldType))
            }
            declared[name] = fields
        }
        guard case .string(let primaryType)? = root["primaryType"] else {
            throw .malformed(path: "primaryType", problem: "must be the name of a struct")
        }
        guard let domain = root["domain"], case .object(let domainObject) = domain else {
            throw .malformed(path: "domain", problem: "must be an object")
        }
        let message = root["message"] ?? .null
        try self.init(types: declared, primaryType: primaryType, domain: domain, domainObject: domainObject, message: message)
    }

    /// Typed data from its parts.
    public init(types: [String: [TypedDataField]], primaryType: String, domain: [String: JSONValue], message: JSONValue)
        throws(TypedDataError)
    {
        try self.init(types: types, primaryType: primaryType, domain: .object(domain), domainObject: domain, message: message)
    }

    private init(
        types declared: [String: [TypedDataField]], primaryType: String, domain: JSONValue,
        domainObject: [String: JSONValue], message: JSONValue
    ) throws(TypedDataError) {
        var declared = declared
        if declared["EIP712Domain"] == nil {
            // As ethers and eth_account do: the domain type is the standard fields present.
            for key in domainObject.keys.sorted() where !Self.standardDomainFields.contains(where: { $0.name == key }) {
                throw .unknownDomainField(key)
            }
            declared["EIP712Domain"] = Self.standardDomainFields.filter { domainObject[$0.name] != nil }
        }
        let types = try TypedDataTypes(declared)
        guard types.contains(primaryType) else { throw .unknownPrimaryType(primaryType) }
        self.types = types
        self.primaryType = primaryType
        self.domain = domain
        self.message = message
        self.domainSeparator = try types.hashStruct("EIP712Domain", domain, path: "domain")
        self.messageHash = primaryType == "EIP712Domain" ? nil : try types.hashStruct(primaryType, message, path: "message")
    }

    /// `keccak256(0x19 0x01 ‖ domainSeparator ‖ hashStruct(message))`.
    public var signingDigest: Bytes32 {
        var preimage: [UInt8] = [0x19, 0x01]
        preimage += domainSeparator.bytes
        if let messageHash { preimage += messageHash.bytes }
        return Keccak256.hash(preimage)
    }
}
