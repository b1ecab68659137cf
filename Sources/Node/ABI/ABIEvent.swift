/// An event as the ABI sees it: a name and parameters, some of them indexed.
///
/// A log of the event carries topic 0 = Keccak-256 of the signature (unless the event
/// is anonymous), then one topic per indexed parameter, and the ABI encoding of the
/// other parameters as its data.
public struct ABIEvent: Hashable, Sendable, CustomStringConvertible {
    /// One parameter: its type and whether it goes into a topic.
    public struct Parameter: Hashable, Sendable {
        public let type: ABIType
        public let indexed: Bool

        public init(_ type: ABIType, indexed: Bool = false) {
            self.type = type
            self.indexed = indexed
        }
    }

    public let name: String
    public let parameters: [Parameter]
    /// An anonymous event has no signature topic and so room for 4 indexed parameters.
    public let anonymous: Bool
    /// `Name(type1,type2)`.
    public let signature: String
    /// Keccak-256 of `signature`: topic 0 of the event's logs.
    public let topic: Bytes32

    public init(name: String, parameters: [Parameter], anonymous: Bool = false) {
        self.name = name
        self.parameters = parameters
        self.anonymous = anonymous
        self.signature = name + "(" + parameters.map(\.type.canonicalName).joined(separator: ",") + ")"
        self.topic = Keccak256.hash(Array(signature.utf8))
    }

    public var description: String { signature }

    private var topicLimit: Int { anonymous ? 4 : 3 }
    private var indexedTypes: [ABIType] { parameters.filter(\.indexed).map(\.type) }
    private var dataTypes: [ABIType] { parameters.filter { !$0.indexed }.map(\.type) }

    /// The topics and data of a log of this event with `values`, in parameter order.
    public func encodeLog(_ values: [ABIValue]) throws(ABIEncodingError) -> (topics: [Bytes32], data: [UInt8]) {
        let indexedCount = indexedTypes.count
        guard indexedCount <= topicLimit else {
            throw .tooManyIndexedParameters(event: signature, count: indexedCount, limit: topicLimit)
        }
        guard values.count == parameters.count else {
            throw .wrongElementCount(path: "arguments", type: signature, expected: parameters.count, found: values.count)
        }
        var topics: [Bytes32] = anonymous ? [] : [topic]
        var dataValues: [ABIValue] = []
        for (i, (parameter, value)) in zip(parameters, values).enumerated() {
            guard parameter.indexed else {
                dataValues.append(value)
                continue
            }
            do { try parameter.type.validate() } catch { throw .invalidType(error) }
            do { topics.append(try Self.topic(for: value, as: parameter.type)) } catch { throw error.within("arguments.\(i)") }
        }
        let dataArguments = parameters.indices.filter { !parameters[$0].indexed }
        return (topics, try ABIEncoder.encode(dataValues, as: dataTypes, argumentNumbers: { dataArguments[$0] }))
    }

    /// The values of a log of this event, in parameter order. An indexed parameter of a
    /// dynamic or composite type comes back as `.fixedBytes` of its topic (the Keccak-256
    /// of its value), since the value itself is not in the log.
    public func decodeLog(topics: [Bytes32], data: [UInt8]) throws(ABIDecodingError) -> [ABIValue] {
        let indexed = indexedTypes
        let expectedTopics = indexed.count + (anonymous ? 0 : 1)
        guard topics.count == expectedTopics else {
            throw .wrongTopicCount(event: signature, expected: expectedTopics, found: topics.count)
        }
        if !anonymous, topics[0] != topic {
            throw .topicMismatch(event: signature, expected: topic, found: topics[0])
        }
        var dataValues = try ABIDecoder.decode(data, as: dataTypes).makeIterator()
        var nextTopic = anonymous ? 0 : 1
        var values: [ABIValue] = []
        values.reserveCapacity(parameters.count)
        for parameter in parameters {
            if parameter.indexed {
                let word = topics[nextTopic]
                if Self.isWordType(parameter.type) {
                    do {
                        values.append(try ABIDecoder.decodeWord(word.bytes, as: parameter.type))
                    } catch {
                        throw .invalidTopic(index: nextTopic, reason: error.description)
                    }
                } else {
                    values.append(.fixedBytes(word.bytes))
                }
                nextTopic += 1
            } else if let value = dataValues.next() {
                values.append(value)
            }
        }
        return values
    }

    /// Value types fit a topic as their ABI word; everything else is hashed.
    private static func isWordType(_ type: ABIType) -> Bool {
        switch type {
        case .uint, .int, .address, .bool, .fixedBytes: return true
        case .bytes, .string, .array, .fixedArray, .tuple: return false
        }
    }

    /// The topic of an indexed value: its word, or the Keccak-256 of its in-place encoding.
    private static func topic(for value: ABIValue, as type: ABIType) throws(ABIEncodingError) -> Bytes32 {
        if isWordType(type) {
            return Bytes32(bytes: try ABIEncoder.encode(value, as: type)) ?? .zero
        }
        var out = [UInt8]()
        try appendInPlace(value, as: type, padded: false, into: &out)
        return Keccak256.hash(out)
    }

    /// The specification's "encoding of indexed event parameters": `bytes` and `string`
    /// are their raw contents (padded to 32 inside arrays and structs), arrays and
    /// structs the concatenation of their elements, with no lengths and no offsets.
    private static func appendInPlace(
        _ value: ABIValue, as type: ABIType, padded: Bool, into out: inout [UInt8]
    ) throws(ABIEncodingError) {
        switch (type, value) {
        case (.bytes, .bytes(let raw)):
            out.append(contentsOf: raw)
            if padded { out.append(contentsOf: repeatElement(0, count: (32 - raw.count % 32) % 32)) }
        case (.string, .string(let text)):
            let raw = Array(text.utf8)
            out.append(contentsOf: raw)
            if padded { out.append(contentsOf: repeatElement(0, count: (32 - raw.count % 32) % 32)) }
        case (.array(let element), .array(let elements)):
            for (i, e) in elements.enumerated() {
                do { try appendInPlace(e, as: element, padded: true, into: &out) } catch { throw error.within("[\(i)]") }
            }
        case (.fixedArray(let element, let count), .array(let elements)):
            guard elements.count == count else {
                throw .wrongElementCount(path: "", type: type.canonicalName, expected: count, found: elements.count)
            }
            for (i, e) in elements.enumerated() {
                do { try appendInPlace(e, as: element, padded: true, into: &out) } catch { throw error.within("[\(i)]") }
            }
        case (.tuple(let components), .tuple(let values)):
            guard values.count == components.count else {
                throw .wrongElementCount(path: "", type: type.canonicalName, expected: components.count, found: values.count)
            }
            for (i, (component, v)) in zip(components, values).enumerated() {
                do { try appendInPlace(v, as: component, padded: true, into: &out) } catch { throw error.within(".\(i)") }
            }
        case (.uint, _), (.int, _), (.address, _), (.bool, _), (.fixedBytes, _):
            out.append(contentsOf: try ABIEncoder.encode(value, as: type))
        default:
            throw .typeMismatch(path: "", expected: "a value of type \(type.canonicalName)", found: value.kindName)
        }
    }
}
