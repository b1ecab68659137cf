/// The public dev keys on a real chain are a hole anyone can walk through: whoever
/// knows the test mnemonic (everyone) controls what the genesis gives those accounts.
extension Genesis {
    /// The dev accounts (test mnemonic, first `count`) that this genesis funds or
    /// gives a role; a node refuses to run such a chain unless told it is a dev chain.
    public func exposedDevAccounts(count: Int = DevAccounts.defaultCount) throws(DevAccountsError) -> [DevAccount] {
        let exposed = privilegedOrFundedAddresses
        return try DevAccounts.derive(count: count).filter { exposed.contains($0.address) }
    }
}
