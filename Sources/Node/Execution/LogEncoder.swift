/// Turns ledger events into the Ethereum logs wallets and indexers read.
public enum LogEncoder {
    /// The log of one event. Token events are emitted by the token's address; registry
    /// and chain-wide events by `SystemAddress.compliance`; reserve attestations by
    /// `SystemAddress.reserves`.
    public static func log(_ event: LedgerEvent) -> Log {
        switch event {
        case .transfer(let token, let from, let to, let amount):
            return erc20Log(ERC20.transferEvent, at: token, from, to, amount)
        case .approval(let token, let owner, let spender, let amount):
            return erc20Log(ERC20.approvalEvent, at: token, owner, spender, amount)
        case .mint(let token, let to, let amount, let depositId):
            return encode(ShareTokenInterface.mintEvent, at: token, [.address(to), .amount(amount), .fixedBytes(depositId.bytes)])
        case .redemption(let token, let id, let holder, let amount, let ref):
            return encode(ShareTokenInterface.redemptionEvent, at: token,
                          [.uint(UInt256(id)), .address(holder), .amount(amount), .string(ref)])
        case .freezeChanged(let token, let wallet, let full, let frozen, let reason):
            return encode(ShareTokenInterface.freezeChangedEvent, at: token,
                          [.address(wallet), .bool(full), .amount(frozen), .string(reason)])
        case .forcedTransfer(let token, let from, let to, let amount, let reason):
            return encode(ShareTokenInterface.forcedTransferEvent, at: token,
                          [.address(from), .address(to), .amount(amount), .string(reason)])
        case .countryRulesChanged(let token):
            return encode(ShareTokenInterface.countryRulesChangedEvent, at: token, [])
        case .pauseChanged(let token, let scope, let paused):
            return encode(ComplianceInterface.pauseChangedEvent, at: SystemAddress.compliance,
                          [.address(token), .uint(UInt256(UInt64(scope.rawValue))), .bool(paused)])
        case .walletRecovered(let lost, let replacement, let investorId):
            return encode(ComplianceInterface.walletRecoveredEvent, at: SystemAddress.compliance,
                          [.address(lost), .address(replacement), .string(investorId)])
        case .identityChanged(let investorId, let wallet):
            return encode(ComplianceInterface.identityChangedEvent, at: SystemAddress.compliance,
                          [.address(wallet), .string(investorId)])
        case .corporateAction(let e):
            let (event, values) = DividendsInterface.log(e)
            return encode(event, at: SystemAddress.dividends, values)
        case .reserveAttested(let a, let signer):
            return encode(ReservesInterface.reserveAttestedEvent, at: SystemAddress.reserves, [
                .address(a.asset), .address(signer), .string(a.isin), .string(a.statementId), .fixedBytes(a.statementSHA256.bytes),
                .amount(a.settledReserve), .amount(a.onChainSupply), .uint(UInt256(a.timestamp)),
            ])
        }
    }

    /// A `Transfer` or `Approval` log written directly (nearly every transaction emits
    /// one): topics [signature, first, second], data the amount as one big-endian word.
    /// The same bytes as `encode` gives (the tests compare them).
    private static func erc20Log(_ event: ABIEvent, at token: Address, _ first: Address, _ second: Address, _ amount: UInt128) -> Log {
        var data = [UInt8](repeating: 0, count: 32)
        var v = amount
        for i in stride(from: 31, through: 16, by: -1) {
            data[i] = UInt8(truncatingIfNeeded: v)
            v >>= 8
        }
        return Log(address: token, topics: [event.topic, first.word, second.word], data: data)
    }

    private static func encode(_ event: ABIEvent, at address: Address, _ values: [ABIValue]) -> Log {
        // The values are built above to match each event's declared types, so encoding
        // cannot fail; a failure here is a programming error caught by the tests.
        let (topics, data) = try! event.encodeLog(values)
        return Log(address: address, topics: topics, data: data)
    }
}
