/// The corporate-actions contract at `SystemAddress.dividends` (documented in
/// docs/abi.md and docs/corporate-actions.md): cash dividends and multiplier changes.
///
/// Units: `amountPerShare` and every USD amount in cash-token units (6 decimals);
/// times are block timestamps (Unix seconds); multipliers 18-decimal fixed point.
/// `status`: 0 declared, 1 recorded, 2 payable, 3 reclaimed.
public enum DividendsInterface {
    /// `declareDividend(address token, uint256 amountPerShare, uint64 recordTime, uint64 payTime) returns (uint64 id)` — the issuer, or the custodian as paying agent; locks the USD from the caller.
    public static let declareDividend = ABIFunction(
        name: "declareDividend", inputs: [.address, .uint256, .uint(64), .uint(64)], outputs: [.uint(64)])
    /// `claimDividend(uint64 id) returns (uint256 net)` — a holder, from the pay time.
    public static let claimDividend = ABIFunction(name: "claimDividend", inputs: [.uint(64)], outputs: [.uint256])
    /// `pushDividend(uint64 id, address[] holders) returns (uint256 paid)` — custodian only, at most 200 holders.
    public static let pushDividend = ABIFunction(name: "pushDividend", inputs: [.uint(64), .array(.address)], outputs: [.uint256])
    /// `reclaimDividend(uint64 id) returns (uint256 amount)` — the funder, 365 days after the pay time.
    public static let reclaimDividend = ABIFunction(name: "reclaimDividend", inputs: [.uint(64)], outputs: [.uint256])
    /// `scheduleMultiplierChange(address token, uint256 newMultiplier, uint64 effectiveAt, uint64 nonce, uint256 priorMultiplier) returns (bool)` — issuer only.
    public static let scheduleMultiplierChange = ABIFunction(
        name: "scheduleMultiplierChange", inputs: [.address, .uint256, .uint(64), .uint(64), .uint256], outputs: [.bool])
    /// `dividend(uint64 id) returns (address token, uint256 amountPerShare, uint64 recordTime, uint64 payTime, uint8 status,
    /// uint256 funded, uint256 entitled, uint256 refunded, uint256 paidNet, uint256 withheld, uint256 reclaimed, bool dustKnown, uint256 dust)`.
    public static let dividend = ABIFunction(name: "dividend", inputs: [.uint(64)], outputs: [
        .address, .uint256, .uint(64), .uint(64), .uint(8), .uint256, .uint256, .uint256, .uint256, .uint256, .uint256, .bool, .uint256,
    ])
    /// `entitlementOf(uint64 id, address holder) returns (uint256 gross, uint256 withheld, uint256 net, bool paid)`;
    /// before payment the withholding is what the holder's current tax category would give.
    public static let entitlementOf = ABIFunction(
        name: "entitlementOf", inputs: [.uint(64), .address], outputs: [.uint256, .uint256, .uint256, .bool])
    /// `withholdingOf(address holder) returns (uint256 gross, uint256 withheld, uint64 payments)`: tax-reporting totals.
    public static let withholdingOf = ABIFunction(name: "withholdingOf", inputs: [.address], outputs: [.uint256, .uint256, .uint(64)])
    /// `dividendCount() returns (uint64)`: ids run from 1 to this.
    public static let dividendCount = ABIFunction(name: "dividendCount", inputs: [], outputs: [.uint(64)])

    public static let dividendDeclaredEvent = ABIEvent(name: "DividendDeclared", parameters: [
        .init(.uint(64), indexed: true), .init(.address, indexed: true), .init(.uint256), .init(.uint(64)), .init(.uint(64)), .init(.uint256),
    ])
    public static let dividendRecordedEvent = ABIEvent(name: "DividendRecorded", parameters: [
        .init(.uint(64), indexed: true), .init(.address, indexed: true), .init(.uint256), .init(.uint256), .init(.uint256),
    ])
    public static let dividendClaimedEvent = ABIEvent(name: "DividendClaimed", parameters: [
        .init(.uint(64), indexed: true), .init(.address, indexed: true), .init(.uint256), .init(.uint256), .init(.uint256),
    ])
    public static let dividendPaidEvent = ABIEvent(name: "DividendPaid", parameters: [
        .init(.uint(64), indexed: true), .init(.address, indexed: true), .init(.uint256), .init(.uint256), .init(.uint256),
    ])
    public static let dividendReclaimedEvent = ABIEvent(name: "DividendReclaimed", parameters: [
        .init(.uint(64), indexed: true), .init(.address, indexed: true), .init(.uint256),
    ])
    public static let multiplierScheduledEvent = ABIEvent(name: "MultiplierScheduled", parameters: [
        .init(.address, indexed: true), .init(.uint(64), indexed: true), .init(.uint256), .init(.uint256), .init(.uint(64)),
    ])
    public static let multiplierChangedEvent = ABIEvent(name: "MultiplierChanged", parameters: [
        .init(.address, indexed: true), .init(.uint(64), indexed: true), .init(.uint256), .init(.uint256),
    ])

    /// The event and its values for a corporate-action event.
    static func log(_ e: CorporateActionEvent) -> (ABIEvent, [ABIValue]) {
        switch e {
        case .dividendDeclared(let id, let token, let perShare, let record, let pay, let funded):
            return (dividendDeclaredEvent, [.uint(UInt256(id)), .address(token), .amount(perShare), .uint(UInt256(record)),
                                            .uint(UInt256(pay)), .amount(funded)])
        case .dividendRecorded(let id, let token, let supply, let entitled, let refunded):
            return (dividendRecordedEvent, [.uint(UInt256(id)), .address(token), .amount(supply), .amount(entitled), .amount(refunded)])
        case .dividendClaimed(let id, let holder, let gross, let withheld, let net):
            return (dividendClaimedEvent, [.uint(UInt256(id)), .address(holder), .amount(gross), .amount(withheld), .amount(net)])
        case .dividendPaid(let id, let holder, let gross, let withheld, let net):
            return (dividendPaidEvent, [.uint(UInt256(id)), .address(holder), .amount(gross), .amount(withheld), .amount(net)])
        case .dividendReclaimed(let id, let funder, let amount):
            return (dividendReclaimedEvent, [.uint(UInt256(id)), .address(funder), .amount(amount)])
        case .multiplierScheduled(let token, let nonce, let prior, let multiplier, let effectiveAt):
            return (multiplierScheduledEvent, [.address(token), .uint(UInt256(nonce)), .amount(prior), .amount(multiplier),
                                               .uint(UInt256(effectiveAt))])
        case .multiplierChanged(let token, let nonce, let prior, let multiplier):
            return (multiplierChangedEvent, [.address(token), .uint(UInt256(nonce)), .amount(prior), .amount(multiplier)])
        }
    }

    /// The execution gas of a call (a push costs per listed holder).
    static func executionGas(selector: ABISelector, data: [UInt8]) -> UInt64 {
        typealias G = GasSchedule.Execution
        switch selector {
        case declareDividend.selector: return G.declareDividend
        case claimDividend.selector: return G.claimDividend
        case reclaimDividend.selector: return G.reclaimDividend
        case scheduleMultiplierChange.selector: return G.scheduleMultiplierChange
        case pushDividend.selector:
            // selector, id, offset, length, then one word per holder.
            let holders = UInt64(max(0, data.count - 4 - 96) / 32)
            return G.pushDividend + G.pushDividendPerHolder * min(holders, UInt64(WorldState.maximumPushBatch))
        default: return G.view
        }
    }
}
