/// Decoded call arguments with typed accessors that turn bad values into reverts.
struct CallArguments {
    let function: ABIFunction
    let values: [ABIValue]

    init(_ function: ABIFunction, calldata: [UInt8]) throws(Revert) {
        self.function = function
        do { values = try function.decodeCall(calldata) } catch {
            throw Revert("invalid calldata for \(function.signature): \(error.description)")
        }
    }

    private func fail(_ index: Int, _ error: ABIValue.AccessError) -> Revert {
        Revert("argument \(index) of \(function.signature): \(error.description)")
    }

    func address(_ i: Int) throws(Revert) -> Address {
        do { return try values[i].address() } catch { throw fail(i, error) }
    }

    /// A ledger amount; more than 128 bits is refused.
    func amount(_ i: Int) throws(Revert) -> UInt128 {
        do { return try values[i].amount() } catch { throw fail(i, error) }
    }

    /// An amount where anything above 128 bits means "unlimited" (`UInt128.max`), as
    /// wallets send 2^256 - 1 for an infinite approval.
    func saturatingAmount(_ i: Int) throws(Revert) -> UInt128 {
        do { return try values[i].uint256().uint128 ?? .max } catch { throw fail(i, error) }
    }

    func uint64(_ i: Int) throws(Revert) -> UInt64 {
        let wide: UInt256
        do { wide = try values[i].uint256() } catch { throw fail(i, error) }
        guard let v = wide.uint64 else { throw Revert("argument \(i) of \(function.signature): does not fit in 64 bits") }
        return v
    }

    func string(_ i: Int) throws(Revert) -> String {
        do { return try values[i].string() } catch { throw fail(i, error) }
    }

    func bytes32(_ i: Int) throws(Revert) -> Bytes32 {
        let raw: [UInt8]
        do { raw = try values[i].byteString() } catch { throw fail(i, error) }
        guard let value = Bytes32(bytes: raw) else { throw Revert("argument \(i) of \(function.signature): not 32 bytes") }
        return value
    }

    /// A dynamic `bytes` value.
    func bytes(_ i: Int) throws(Revert) -> [UInt8] {
        do { return try values[i].byteString() } catch { throw fail(i, error) }
    }

    func strings(_ i: Int) throws(Revert) -> [String] {
        var out: [String] = []
        do {
            for v in try values[i].elements() { out.append(try v.string()) }
        } catch { throw fail(i, error) }
        return out
    }
}
