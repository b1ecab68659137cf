import Node

extension BridgeDataDirectory {
    /// The custodian key (the configuration's `custodian` address) decrypted with
    /// `password`: the key that signs mints and attestations.
    public func custodianKey(password: String) throws(BridgeError) -> Secp256k1.PrivateKey {
        let configuration: BridgeConfiguration
        do { configuration = try self.configuration() } catch { throw .dataDirectory(error) }
        guard let text = configuration.custodian else { throw .noCustodianKey }
        let address: Address
        do { address = try Address(hex: text) } catch {
            throw .dataDirectory(.badConfiguration(path: configPath, "custodian '\(text)': \(error)"))
        }
        do { return try keyRing.key(for: address, password: password) } catch { throw .keys(error) }
    }
}

extension BridgeDataDirectory {
    /// Records `address` as the custodian when `designate` is set or no custodian is
    /// recorded yet (the first key becomes it); whether it is the custodian now.
    public func adoptKey(_ address: Address, designate: Bool) throws(BridgeDataDirectoryError) -> Bool {
        var configuration = try self.configuration()
        if designate || configuration.custodian == nil {
            configuration.custodian = address.checksummed
            try save(configuration)
        }
        return configuration.custodian == address.checksummed
    }
}
