/// The development accounts of Ethereum tooling (anvil, hardhat, foundry): keys derived
/// from the public test mnemonic along m/44'/60'/0'/0/i.
///
/// Every one of these keys is published: anyone can spend from them on any chain. They
/// exist so that wallets, scripts and tests agree on funded accounts on a dev chain, and a
/// node must refuse to give them funds or powers on any other chain.
public enum DevAccounts {
    /// The test mnemonic; account 0 is 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266.
    public static let mnemonic = "test test test test test test test test test test test junk"

    /// The BIP-44 Ethereum prefix the accounts hang from: m/44'/60'/0'/0.
    public static let basePath = "m/44'/60'/0'/0"

    /// How many accounts anvil funds by default.
    public static let defaultCount = 10

    /// The first `count` accounts, in index order.
    public static func derive(count: Int = defaultCount) throws(DevAccountsError) -> [DevAccount] {
        guard count >= 0, count <= Int(DerivationPath.Component.hardenedOffset) else { throw .invalidCount(count) }
        let seed: [UInt8]
        do { seed = try Mnemonic(phrase: mnemonic).seed() } catch { throw .mnemonic(error) }
        let base: DerivationPath
        do { base = try DerivationPath(basePath) } catch { throw .path(error) }
        let parent: ExtendedPrivateKey
        do { parent = try ExtendedPrivateKey(seed: seed).derive(base) } catch { throw .derivation(error) }
        var accounts: [DevAccount] = []
        accounts.reserveCapacity(count)
        for index in 0..<count {
            let path: DerivationPath
            let component: DerivationPath.Component
            do {
                component = try DerivationPath.Component(index: UInt32(index), hardened: false)
                path = try base.appending(component)
            } catch {
                throw .path(error)
            }
            do {
                accounts.append(DevAccount(index: index, path: path, privateKey: try parent.child(component).privateKey))
            } catch {
                throw .derivation(error)
            }
        }
        return accounts
    }
}
