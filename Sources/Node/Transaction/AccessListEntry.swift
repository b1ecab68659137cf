/// One entry of an EIP-2930 access list: an address and the storage keys of it that
/// the transaction declares it will touch.
public struct AccessListEntry: Sendable, Hashable {
    public var address: Address
    public var storageKeys: [Bytes32]

    public init(address: Address, storageKeys: [Bytes32]) {
        self.address = address
        self.storageKeys = storageKeys
    }

    /// Reads `[[address, [key, …]], …]`, each entry exactly two elements.
    static func readList(from reader: inout RLPReader) throws(RLPError) -> [AccessListEntry] {
        var entries = try reader.readList()
        var list: [AccessListEntry] = []
        while !entries.isAtEnd {
            var entry = try entries.readList()
            guard !entry.isAtEnd else { throw .wrongElementCount(expected: "2", found: 0) }
            let address = try entry.readAddress()
            guard !entry.isAtEnd else { throw .wrongElementCount(expected: "2", found: 1) }
            var keys = try entry.readList()
            var storageKeys: [Bytes32] = []
            while !keys.isAtEnd { storageKeys.append(try keys.readBytes32()) }
            if !entry.isAtEnd {
                var found = 2
                while !entry.isAtEnd {
                    _ = try entry.readRawItem()
                    found += 1
                }
                throw .wrongElementCount(expected: "2", found: found)
            }
            list.append(AccessListEntry(address: address, storageKeys: storageKeys))
        }
        return list
    }

    /// Appends the list in canonical form, computing each header from the fixed sizes
    /// (21 bytes per address, 33 per key) instead of encoding twice.
    static func appendList(_ list: [AccessListEntry], to out: inout [UInt8]) {
        var payload = 0
        for entry in list { payload += entry.encodedLength }
        RLP.appendHeader(listPayload: payload, to: &out)
        for entry in list {
            let keys = 33 * entry.storageKeys.count
            RLP.appendHeader(listPayload: 21 + RLP.headerLength(payload: keys) + keys, to: &out)
            RLP.appendAddress(entry.address, to: &out)
            RLP.appendHeader(listPayload: keys, to: &out)
            for key in entry.storageKeys { RLP.appendBytes32(key, to: &out) }
        }
    }

    /// The entry's encoded size, header included.
    private var encodedLength: Int {
        let keys = 33 * storageKeys.count
        let body = 21 + RLP.headerLength(payload: keys) + keys
        return RLP.headerLength(payload: body) + body
    }
}
