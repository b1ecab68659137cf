import Testing
@testable import Node

@Suite("Address and EIP-55")
struct AddressTests {
    // The examples listed in EIP-55.
    static let eip55Examples = [
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77",
        "0x27b1fdb04752bbc536007a920d24acb045561c26",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    ]

    @Test(arguments: eip55Examples)
    func eip55ExampleParsesAndRoundTrips(_ text: String) throws {
        let address = try Address(hex: text)
        if text.dropFirst(2).contains(where: \.isLowercase) && text.dropFirst(2).contains(where: \.isUppercase) {
            #expect(address.checksummed == text)
        }
        #expect(try Address(hex: address.checksummed) == address)
        #expect(try Address(hex: text.lowercased()) == address)
    }

    @Test func checksumOfAllCapsExamples() throws {
        #expect(try Address(hex: "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed").checksummed
            == "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
    }

    @Test func wrongChecksumIsRefused() {
        // One letter's case flipped in the EIP's first mixed-case example.
        #expect(throws: Address.ParseError.badChecksum(expected: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")) {
            try Address(hex: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")
        }
    }

    @Test func malformedAddressesAreRefused() {
        #expect(throws: Address.ParseError.missingPrefix) { try Address(hex: "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed") }
        #expect(throws: Address.ParseError.wrongLength(39)) { try Address(hex: "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae") }
        #expect(throws: Address.ParseError.notHex) { try Address(hex: "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg") }
    }

    @Test func bytesAndWordRoundTrip() throws {
        let a = try Address(hex: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
        #expect(Address(bytes: a.bytes) == a)
        #expect(a.word.hex == "0x000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266")
        #expect(Address(bytes: [UInt8](repeating: 1, count: 19)) == nil)
    }
}
