import Testing
@testable import Node

/// The in-place readers of `transfer`/`approve`/`transferFrom` calldata must accept
/// exactly what the strict ABI decoder plus `CallArguments`' accessors accept, with the
/// same values: checked over valid calls and thousands of mutations of them.
@Suite("ERC-20 write arguments read in place")
struct ERC20WriteArgumentsTests {
    /// What the generic path makes of `data`: the values, or nil where it reverts.
    static func generic(_ function: ABIFunction, _ data: [UInt8], saturating: Bool = false) -> [ABIValue]? {
        do {
            let a = try CallArguments(function, calldata: data)
            switch function.selector {
            case ERC20.transfer.selector: return [.address(try a.address(0)), .amount(try a.amount(1))]
            case ERC20.approve.selector: return [.address(try a.address(0)), .amount(try a.saturatingAmount(1))]
            default: return [.address(try a.address(0)), .address(try a.address(1)), .amount(try a.amount(2))]
            }
        } catch { return nil }
    }

    static func fast(_ function: ABIFunction, _ data: [UInt8]) -> [ABIValue]? {
        switch function.selector {
        case ERC20.transfer.selector: return ERC20WriteArguments.transfer(data).map { [.address($0.to), .amount($0.amount)] }
        case ERC20.approve.selector: return ERC20WriteArguments.approve(data).map { [.address($0.spender), .amount($0.amount)] }
        default: return ERC20WriteArguments.transferFrom(data).map { [.address($0.from), .address($0.to), .amount($0.amount)] }
        }
    }

    /// A valid call with pseudo-random arguments; amounts of every width up to 256 bits.
    static func validCall(_ function: ABIFunction, _ i: Int, _ rng: inout SplitMix64) -> [UInt8] {
        let r = rng.bytes(32)
        let width = i % 33  // 0...32 significant bytes
        let amount = UInt256(bigEndian: [UInt8](repeating: 0, count: 32 - width) + rng.bytes(width))!
        let a = Address(bytes: r.prefix(20))!, b = Address(bytes: r.suffix(20))!
        let args: [ABIValue] = function.inputs.count == 2 ? [.address(a), .uint(amount)] : [.address(a), .address(b), .uint(amount)]
        return try! function.encodeCall(args)
    }

    /// `data` changed in one of the ways hostile calldata differs from a valid call (the
    /// selector is left alone: the dispatcher has matched it before reading arguments).
    static func mutated(_ data: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        let r = rng.bytes(5)
        var out = data
        let words = (data.count - 4) / 32
        switch r[0] % 6 {
        case 0 where data.count > 4: out[4 + Int(r[1]) % (data.count - 4)] ^= r[2] | 1  // any argument byte
        case 1: out.removeLast(min(data.count - 4, 1 + Int(r[2]) % 40))  // truncated
        case 2: out += rng.bytes(1 + Int(r[2]) % 32)  // trailing bytes
        case 3 where words > 0: out[4 + 32 * (Int(r[2]) % words) + Int(r[3]) % 12] = r[4] | 1  // a word's top 12 bytes
        case 4 where words > 0: out[4 + 32 * (words - 1) + Int(r[3]) % 16] = r[4] | 1  // the amount's high half
        default: out = Array(out.prefix(4))  // selector only
        }
        return out
    }

    @Test(arguments: [ERC20.transfer, ERC20.approve, ERC20.transferFrom])
    func acceptsExactlyWhatTheGenericDecoderAccepts(_ function: ABIFunction) {
        var rng = SplitMix64(seed: UInt64(function.name.utf8.count))  // fixed per function
        var accepted = 0, refused = 0
        for i in 0..<3_000 {
            let valid = Self.validCall(function, i, &rng)
            let once = Self.mutated(valid, &rng)
            for data in [valid, once, Self.mutated(once, &rng)] {
                let fast = Self.fast(function, data), generic = Self.generic(function, data)
                #expect(fast == generic, "\(function.signature) \(Hex.encode(data))")
                if generic == nil { refused += 1 } else { accepted += 1 }
            }
        }
        // Both outcomes were exercised many times.
        #expect(accepted > 1_000 && refused > 1_000)
    }

    @Test func boundaryAmounts() {
        let to = Address(bytes: [UInt8](repeating: 0xab, count: 20))!
        let max128 = UInt256(UInt128.max)
        let over = UInt256(high: 1, low: 0)
        for function in [ERC20.transfer, ERC20.approve] {
            let atMax = try! function.encodeCall([.address(to), .uint(max128)])
            let above = try! function.encodeCall([.address(to), .uint(over)])
            #expect(Self.fast(function, atMax) == [.address(to), .amount(.max)])
            #expect(Self.fast(function, atMax) == Self.generic(function, atMax))
            #expect(Self.fast(function, above) == Self.generic(function, above))
        }
        // transfer refuses more than 128 bits; approve saturates to unlimited.
        #expect(ERC20WriteArguments.transfer(try! ERC20.transfer.encodeCall([.address(to), .uint(over)])) == nil)
        #expect(ERC20WriteArguments.approve(try! ERC20.approve.encodeCall([.address(to), .uint(over)]))?.amount == .max)
    }

    @Test func transferAndApprovalLogsMatchTheABIEncoder() throws {
        var rng = SplitMix64(seed: 20)
        for i in 0..<500 {
            let token = Address(bytes: rng.bytes(20))!, a = Address(bytes: rng.bytes(20))!, b = Address(bytes: rng.bytes(20))!
            let amount = UInt128(truncatingIfNeeded: UInt64(i)) << UInt128(i % 65) | UInt128(i)
            for (event, ledger) in [(ERC20.transferEvent, LedgerEvent.transfer(token: token, from: a, to: b, amount: amount)),
                                    (ERC20.approvalEvent, LedgerEvent.approval(token: token, owner: a, spender: b, amount: amount))] {
                let (topics, data) = try event.encodeLog([.address(a), .address(b), .amount(amount)])
                #expect(LogEncoder.log(ledger) == Log(address: token, topics: topics, data: data))
            }
        }
    }
}
