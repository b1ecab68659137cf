import Custody
import Foundation

/// Turns a genesis JSON tree into a validated `Genesis`, refusing with the field at fault.
struct GenesisParser {
    let root: JSONFieldReader

    func genesis() throws(GenesisError) -> Genesis {
        try root.onlyKeys(["name", "chainId", "timestamp", "blockIntervalMs", "gasLimit", "sequencer",
                           "roles", "cash", "assets", "identities", "alloc", "markets"])
        let chainId = try root.field("chainId").uint64()
        guard chainId > 0 else { throw try root.field("chainId").fail("must be greater than 0") }
        let interval = try root.field("blockIntervalMs").uint64()
        guard (1...60_000).contains(interval) else {
            throw try root.field("blockIntervalMs").fail("must be from 1 to 60000 milliseconds")
        }
        let gasLimit = try root.field("gasLimit").uint64()
        guard gasLimit >= 21_000 else { throw try root.field("gasLimit").fail("must be at least 21000") }

        let rolesField = try root.field("roles")
        try rolesField.onlyKeys(["issuer", "custodian", "compliance"])
        let roles = Genesis.Roles(
            issuer: try rolesField.field("issuer").address(),
            custodian: try rolesField.field("custodian").address(),
            compliance: try rolesField.field("compliance").address())

        let cash = try cashToken(root.field("cash"))
        let assets = try shareAssets(root.field("assets"), cash: cash)
        let identities = try identityRegistry(root.field("identities"))
        let allocations = try openingBalances(root.field("alloc"), cash: cash, assets: assets, identities: identities)
        let markets = try markets(root.optionalField("markets"), cash: cash, assets: assets)

        return Genesis(
            name: try root.optionalField("name")?.string() ?? "EquityChain",
            chainId: chainId,
            timestamp: try root.field("timestamp").uint64(),
            blockIntervalMs: interval,
            gasLimit: gasLimit,
            sequencer: try root.field("sequencer").address(),
            roles: roles, cash: cash, assets: assets, identities: identities, allocations: allocations, markets: markets)
    }

    /// Parses a string field with `parse`, turning its error into one naming the field.
    private func parsed<T, E: Error & CustomStringConvertible>(
        _ field: JSONFieldReader, _ parse: (String) throws(E) -> T
    ) throws(GenesisError) -> T {
        let text = try field.string()
        do { return try parse(text) } catch { throw field.fail(error.description) }
    }

    /// A decimal amount field in raw units of a token with `decimals` decimals.
    private func decimal(_ field: JSONFieldReader, decimals: Int) throws(GenesisError) -> UInt128 {
        try parsed(field) { (text) throws(Amount.ParseError) in try Amount.parse(text, decimals: decimals) }
    }

    private func symbol(_ field: JSONFieldReader) throws(GenesisError) -> String {
        let s = try field.string()
        let allowed = s.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5a) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2e }
        guard (1...11).contains(s.utf8.count), allowed else {
            throw field.fail("'\(s)' is not a ticker symbol (1 to 11 of A-Z, 0-9 and '.')")
        }
        return s
    }

    private func nonEmptyString(_ field: JSONFieldReader) throws(GenesisError) -> String {
        let s = try field.string()
        guard !s.trimmingCharacters(in: .whitespaces).isEmpty else { throw field.fail("must not be empty") }
        return s
    }

    private func cashToken(_ field: JSONFieldReader) throws(GenesisError) -> Genesis.CashToken {
        try field.onlyKeys(["symbol", "name", "decimals", "address"])
        let decimals = try field.field("decimals").uint64()
        guard decimals <= 18 else { throw try field.field("decimals").fail("must be from 0 to 18") }
        let address = try field.field("address").address()
        guard address != .zero else { throw try field.field("address").fail("must not be the zero address") }
        return Genesis.CashToken(
            symbol: try symbol(field.field("symbol")), name: try nonEmptyString(field.field("name")),
            decimals: Int(decimals), address: address)
    }

    private func countries(_ field: JSONFieldReader?) throws(GenesisError) -> [String] {
        guard let field else { return [] }
        var out: [String] = []
        for item in try field.array() { out.append(try country(item)) }
        return out
    }

    private func country(_ field: JSONFieldReader) throws(GenesisError) -> String {
        let c = try field.string()
        guard c.utf8.count == 2, c.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5a }) else {
            throw field.fail("'\(c)' is not an ISO 3166-1 alpha-2 country code (two capital letters)")
        }
        return c
    }

    private func shareAssets(_ field: JSONFieldReader, cash: Genesis.CashToken) throws(GenesisError) -> [Genesis.ShareAsset] {
        var assets: [Genesis.ShareAsset] = []
        var symbols: Set<String> = [cash.symbol]
        var addresses: Set<Address> = [cash.address]
        var isins: Set<ISIN> = []
        for item in try field.array() {
            try item.onlyKeys(["symbol", "name", "isin", "cusip", "decimals", "address", "multiplier",
                               "openingReserve", "allowedCountries", "deniedCountries"])
            let sym = try symbol(item.field("symbol"))
            guard symbols.insert(sym).inserted else { throw try item.field("symbol").fail("duplicate symbol '\(sym)'") }
            let isinField = try item.field("isin")
            let isin = try parsed(isinField) { (text) throws(ISIN.ParseError) in try ISIN(text) }
            guard isins.insert(isin).inserted else { throw isinField.fail("duplicate ISIN \(isin)") }
            let cusipField = try item.field("cusip")
            let cusip = try parsed(cusipField) { (text) throws(CUSIP.ParseError) in try CUSIP(text) }
            if isin.countryCode == "US" || isin.countryCode == "CA", isin.nationalCode != cusip.code {
                throw cusipField.fail("CUSIP \(cusip) does not match ISIN \(isin), whose national code is \(isin.nationalCode)")
            }
            if let d = try item.optionalField("decimals"), try d.uint64() != 18 {
                throw d.fail("share tokens have 18 decimals")
            }
            let addressField = try item.field("address")
            let address = try addressField.address()
            guard address != .zero else { throw addressField.fail("must not be the zero address") }
            guard addresses.insert(address).inserted else { throw addressField.fail("duplicate token address \(address)") }
            var multiplier: UInt128 = 1_000_000_000_000_000_000
            if let m = try item.optionalField("multiplier") {
                multiplier = try decimal(m, decimals: 18)
                guard multiplier > 0 else { throw m.fail("must be greater than 0") }
            }
            let reserveField = try item.field("openingReserve")
            let reserve = try decimal(reserveField, decimals: 18)
            assets.append(Genesis.ShareAsset(
                symbol: sym, name: try nonEmptyString(item.field("name")), isin: isin, cusip: cusip, decimals: 18,
                address: address, multiplier: multiplier, openingReserve: reserve,
                allowedCountries: try countries(item.optionalField("allowedCountries")),
                deniedCountries: try countries(item.optionalField("deniedCountries"))))
        }
        guard !assets.isEmpty else { throw field.fail("must list at least one share asset") }
        return assets
    }

    private func identityRegistry(_ field: JSONFieldReader) throws(GenesisError) -> [Identity] {
        var identities: [Identity] = []
        var investorIds: Set<String> = []
        var wallets: Set<Address> = []
        let dayFormat = ISO8601DateFormatter()
        dayFormat.formatOptions = [.withFullDate]
        dayFormat.timeZone = TimeZone(identifier: "UTC")
        for item in try field.array() {
            try item.onlyKeys(["investorId", "country", "kycExpiry", "taxCategory", "wallets"])
            let id = try nonEmptyString(item.field("investorId"))
            guard investorIds.insert(id).inserted else { throw try item.field("investorId").fail("duplicate investor id '\(id)'") }
            let expiryField = try item.field("kycExpiry")
            let expiryText = try expiryField.string()
            guard let day = dayFormat.date(from: expiryText), expiryText.count == 10 else {
                throw expiryField.fail("'\(expiryText)' is not a date (YYYY-MM-DD)")
            }
            let taxField = try item.field("taxCategory")
            guard let tax = TaxCategory(rawValue: try taxField.string()) else {
                throw taxField.fail("must be one of \(TaxCategory.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var own: [Address] = []
            for w in try item.field("wallets").array() {
                let a = try w.address()
                guard wallets.insert(a).inserted else { throw w.fail("wallet \(a) already belongs to an investor") }
                own.append(a)
            }
            guard !own.isEmpty else { throw try item.field("wallets").fail("must list at least one wallet") }
            identities.append(Identity(
                investorId: id, country: try country(item.field("country")),
                // Valid through the given day: expires at the next midnight UTC.
                kycExpiry: UInt64(day.timeIntervalSince1970) + 86_400,
                taxCategory: tax, wallets: own))
        }
        return identities
    }

    private func openingBalances(
        _ field: JSONFieldReader, cash: Genesis.CashToken, assets: [Genesis.ShareAsset], identities: [Identity]
    ) throws(GenesisError) -> [Genesis.Allocation] {
        let verified = Set(identities.flatMap(\.wallets))
        var supply: [String: UInt128] = [:]
        var allocations: [Genesis.Allocation] = []
        for (holderText, balances) in try field.members() {
            let holder: Address
            do { holder = try Address(hex: holderText) } catch { throw balances.fail("key is not an address: \(error.description)") }
            for (sym, amountField) in try balances.members() {
                let decimals: Int, token: Address
                if sym == cash.symbol {
                    (decimals, token) = (cash.decimals, cash.address)
                } else if let asset = assets.first(where: { $0.symbol == sym }) {
                    (decimals, token) = (18, asset.address)
                    guard verified.contains(holder) else {
                        throw amountField.fail("\(holder) holds shares but is not a verified identity")
                    }
                } else {
                    throw amountField.fail("unknown token symbol '\(sym)'")
                }
                let amount = try decimal(amountField, decimals: decimals)
                let (total, overflow) = supply[sym, default: 0].addingReportingOverflow(amount)
                guard !overflow else { throw amountField.fail("total supply of \(sym) overflows") }
                supply[sym] = total
                allocations.append(Genesis.Allocation(holder: holder, token: token, amount: amount))
            }
        }
        for asset in assets where supply[asset.symbol, default: 0] > asset.openingReserve {
            throw field.fail(
                "initial supply of \(asset.symbol) (\(Amount.format(supply[asset.symbol]!, decimals: 18)) shares) "
                    + "exceeds its openingReserve (\(Amount.format(asset.openingReserve, decimals: 18)) shares)")
        }
        return allocations.sorted { ($0.holder, $0.token) < ($1.holder, $1.token) }
    }
}
