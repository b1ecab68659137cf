/// The fixed gas schedule (documented in docs/api.md). Gas bounds the work a
/// transaction may ask for; the chain has no native currency, so nothing is charged
/// and `baseFeePerGas` is 0.
public enum GasSchedule {
    /// Every transaction.
    public static let transaction: UInt64 = 21_000
    /// Per calldata byte (EIP-2028).
    public static let zeroByte: UInt64 = 4
    public static let nonZeroByte: UInt64 = 16
    /// Per access-list entry (EIP-2930).
    public static let accessListAddress: UInt64 = 2_400
    public static let accessListStorageKey: UInt64 = 1_900

    /// The cost before execution: what `intrinsic gas too low` checks.
    public static func intrinsic(data: [UInt8], accessList: [AccessListEntry]) -> UInt64 {
        var gas = transaction
        for b in data { gas += b == 0 ? zeroByte : nonZeroByte }
        for entry in accessList {
            gas += accessListAddress + UInt64(entry.storageKeys.count) * accessListStorageKey
        }
        return gas
    }

    /// Execution costs by kind of call.
    public enum Execution {
        public static let view: UInt64 = 2_000
        public static let approve: UInt64 = 8_000
        public static let transfer: UInt64 = 12_000
        public static let transferFrom: UInt64 = 15_000
        public static let burn: UInt64 = 12_000
        public static let mint: UInt64 = 30_000
        public static let redeem: UInt64 = 30_000
        public static let complianceAdmin: UInt64 = 10_000
        public static let forcedTransfer: UInt64 = 20_000
        public static let walletRecovery: UInt64 = 40_000
        public static let declareDividend: UInt64 = 60_000
        public static let claimDividend: UInt64 = 40_000
        /// `pushDividend`: this per call plus `pushDividendPerHolder` per listed holder.
        public static let pushDividend: UInt64 = 20_000
        public static let pushDividendPerHolder: UInt64 = 25_000
        public static let reclaimDividend: UInt64 = 30_000
        public static let scheduleMultiplierChange: UInt64 = 40_000
        /// `attest` on the reserves contract: a signature recovery and one stored record.
        public static let reserveAttestation: UInt64 = 40_000
    }
}
