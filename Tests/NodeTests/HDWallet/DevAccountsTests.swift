import Testing
@testable import Node

@Suite("Dev accounts (test mnemonic, m/44'/60'/0'/0/i)")
struct DevAccountsTests {
    @Test("accounts 0 and 1 are anvil's and hardhat's")
    func wellKnownAccounts() throws {
        let accounts = try DevAccounts.derive(count: 2)
        #expect(accounts.count == 2)
        #expect(accounts[0].privateKey.bytes == hexBytes("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"))
        #expect(accounts[0].address.checksummed == "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
        #expect(accounts[1].address.checksummed == "0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
        #expect(accounts[1].path.description == "m/44'/60'/0'/0/1")
        #expect(accounts.map(\.index) == [0, 1])
    }

    @Test("the default ten match a direct derivation of each full path, all distinct")
    func defaultTen() throws {
        let accounts = try DevAccounts.derive()
        #expect(accounts.count == DevAccounts.defaultCount)
        let master = try ExtendedPrivateKey(seed: Mnemonic(phrase: DevAccounts.mnemonic).seed())
        for account in accounts {
            let direct = try master.derive(DerivationPath("m/44'/60'/0'/0/\(account.index)"))
            #expect(direct.privateKey == account.privateKey)
        }
        #expect(Set(accounts.map(\.address)).count == accounts.count)
        // Account 9 of anvil's default list.
        #expect(accounts[9].address.checksummed == "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720")
    }

    @Test("zero accounts is an empty list; a negative count is refused")
    func counts() throws {
        #expect(try DevAccounts.derive(count: 0).isEmpty)
        #expect(throws: DevAccountsError.invalidCount(-1)) { try DevAccounts.derive(count: -1) }
    }
}
