import Testing
@testable import Node

/// The fields of a published BIP-32 `xprv…` string that derivation determines: read by
/// decoding its Base58Check form (78-byte payload plus a 4-byte double-SHA-256 checksum).
struct ExtendedKeyVector: Sendable, CustomTestStringConvertible {
    let path: String
    let xprv: String
    var testDescription: String { path }

    private static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")

    /// Chain code and private key; `nil` if the string is not valid Base58Check of an
    /// 82-byte xprv, so a mistyped vector fails the test rather than passing vacuously.
    func decoded() throws -> (chainCode: [UInt8], key: [UInt8])? {
        var number = [UInt8]()  // big-endian, grows on the left
        for character in xprv {
            guard let digit = Self.alphabet.firstIndex(of: character) else { return nil }
            var carry = digit
            for i in number.indices.reversed() {
                carry += Int(number[i]) * 58
                number[i] = UInt8(carry & 0xff)
                carry >>= 8
            }
            while carry > 0 { number.insert(UInt8(carry & 0xff), at: 0); carry >>= 8 }
        }
        guard number.count == 82 else { return nil }
        let payload = Array(number[0..<78])
        let check = try SHA256.hash(SHA256.hash(payload).bytes).bytes.prefix(4)
        guard Array(check) == Array(number[78..<82]), payload[45] == 0 else { return nil }
        return (Array(payload[13..<45]), Array(payload[46..<78]))
    }
}
