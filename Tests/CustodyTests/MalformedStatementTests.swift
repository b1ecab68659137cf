import Testing
@testable import Custody

/// Every malformed variant of every format is refused with the line or element at
/// fault, and leaves the ledger (book, statements, store) exactly as it was.
@Suite("Malformed statements are refused without effect")
struct MalformedStatementTests {
    typealias F = Fixtures
    typealias Problem = StatementFileError.Problem

    /// A ledger that already holds a complete statement of the reserve account.
    func ledger() throws -> CustodyLedger<InMemoryCustodyLedgerStore> {
        var l = try CustodyLedger(store: InMemoryCustodyLedgerStore(), reserveAccount: F.reserve, calendar: F.nyse2026)
        _ = try l.importStatementFile(Array(try F.sample("semt002-v11-single-page.xml").utf8))
        return l
    }

    func variant(_ sample: String, _ replacements: [(String, String)]) throws -> String {
        var text = try F.sample(sample)
        for (old, new) in replacements {
            guard let range = text.range(of: old) else { throw VariantError.notFound(old) }
            text.replaceSubrange(range, with: new)
        }
        return text
    }

    enum VariantError: Error { case notFound(String) }

    /// Imports `files` in turn into a ledger holding one complete statement; the last
    /// must be refused, leaving the ledger as it was. Returns the ledger's error.
    func refusedImport(_ files: [String]) throws -> CustodyLedgerError? {
        var l = try ledger()
        for file in files.dropLast() { _ = try l.importStatementFile(Array(file.utf8)) }
        let (store, statements) = (l.store, l.statements)
        do {
            _ = try l.importStatementFile(Array((files.last ?? "").utf8))
        } catch {
            #expect(l.store == store)
            #expect(l.statements == statements)
            return error
        }
        Issue.record("the last file was imported")
        return nil
    }

    /// The file error refusing `text`.
    func refusal(_ text: String) throws -> StatementFileError? {
        guard let error = try refusedImport([text]) else { return nil }
        guard case .file(let e) = error else { Issue.record("refused, but not as a malformed file: \(error)"); return nil }
        return e
    }

    /// The register error refusing the last of `files`.
    func registerError(_ files: [String]) throws -> StatementRegisterError? {
        guard let error = try refusedImport(files) else { return nil }
        guard case .statements(let e) = error else { Issue.record("refused, but not by the register: \(error)"); return nil }
        return e
    }

    func element(_ path: String, _ line: Int) -> StatementLocation { .element(path: path, line: line) }

    static let firstBalance = "/Document/SctiesBalCtdyRpt/BalForAcct[1]"
    static let secondBalance = "/Document/SctiesBalCtdyRpt/BalForAcct[2]"

    // MARK: semt.002

    @Test func semt002BadISINCheckDigit() throws {
        let e = try #require(try refusal(try variant("semt002-v12-page1-of-2.xml", [("US0378331005", "US0378331006")])))
        #expect(e.location == element("\(Self.firstBalance)/FinInstrmId/ISIN", 39))
        #expect(e.problem == .badISIN("US0378331006", .wrongCheckDigit(expected: 5, found: "6")))
        #expect(e.description.contains("/Document/SctiesBalCtdyRpt/BalForAcct[1]/FinInstrmId/ISIN"))
    }

    @Test func semt002MissingQuantity() throws {
        let e = try #require(try refusal(try variant("semt002-v12-page1-of-2.xml", [("<Unit>100</Unit>", "")])))
        #expect(e.location == element("\(Self.firstBalance)/AggtBal/Qty/Qty/Qty", 46))
        #expect(e.problem == .missing("the quantity <Unit> in \(Self.firstBalance)/AggtBal/Qty/Qty/Qty"))
    }

    @Test func semt002NonNumericQuantity() throws {
        let e = try #require(try refusal(try variant("semt002-v12-page1-of-2.xml", [("<Unit>12.5</Unit>", "<Unit>12,5</Unit>")])))
        #expect(e.location == element("\(Self.secondBalance)/AggtBal/Qty/Qty/Qty/Unit", 75))
        #expect(e.problem == .badQuantity(.notANumber("12,5")))
    }

    @Test func semt002WrongNamespaceOrVersion() throws {
        for ns in ["urn:iso:std:iso:20022:tech:xsd:semt.002.001.10", "urn:iso:std:iso:20022:tech:xsd:semt.003.001.12"] {
            let e = try #require(try refusal(try variant("semt002-v12-page1-of-2.xml", [("urn:iso:std:iso:20022:tech:xsd:semt.002.001.12", ns)])))
            #expect(e.location == element("/Document", 3))
            #expect(e.problem == .wrongNamespace(found: ns))
        }
    }

    @Test func semt002Truncated() throws {
        let full = try F.sample("semt002-v12-page1-of-2.xml")
        let cut = String(full.prefix(full.count / 2))
        let e = try #require(try refusal(cut))
        guard case .truncated = e.problem else { Issue.record("not reported as truncated: \(e)"); return }
        guard case .element(let path, _) = e.location else { Issue.record("no element path: \(e)"); return }
        #expect(path.hasPrefix("/Document/SctiesBalCtdyRpt/BalForAcct"))
    }

    @Test func semt002DuplicateISINOnOnePage() throws {
        let e = try #require(try refusal(try variant("semt002-v12-page1-of-2.xml", [("US5949181045", "US0378331005")])))
        #expect(e.location == element("\(Self.secondBalance)/FinInstrmId/ISIN", 67))
        #expect(e.problem == .duplicateISIN(F.aapl, account: F.reserve))
    }

    @Test func semt002OtherVariants() throws {
        let cases: [([(String, String)], String, Problem)] = [
            ([("<PgNb>1</PgNb>", "<PgNb>0</PgNb>")], "/Document/SctiesBalCtdyRpt/Pgntn/PgNb", .badPagination("page number '0' is not 1 to 99999")),
            ([("<LastPgInd>false</LastPgInd>", "<LastPgInd>no</LastPgInd>")], "/Document/SctiesBalCtdyRpt/Pgntn/LastPgInd",
             .badCode(field: "LastPgInd", value: "no", allowed: ["true", "false"])),
            ([("<Cd>COMP</Cd>", "<Cd>PART</Cd>")], "/Document/SctiesBalCtdyRpt/StmtGnlDtls/UpdTp/Cd",
             .badCode(field: "UpdTp/Cd", value: "PART", allowed: ["COMP", "DELT"])),
            ([("<Dt>2026-11-27</Dt>", "<Dt>2026-11-31</Dt>")], "/Document/SctiesBalCtdyRpt/StmtGnlDtls/StmtDtTm/Dt", .badDate("2026-11-31")),
            ([("<ShrtLngInd>LONG</ShrtLngInd>", "<ShrtLngInd>SHOR</ShrtLngInd>")], "\(Self.firstBalance)/AggtBal/ShrtLngInd", .shortPosition),
            ([("<Unit>100</Unit>", "<FaceAmt>100</FaceAmt>")], "\(Self.firstBalance)/AggtBal/Qty/Qty/Qty/FaceAmt", .unsupportedQuantity("FaceAmt")),
            ([("<Unit>100</Unit>", "<Unit>-100</Unit>")], "\(Self.firstBalance)/AggtBal/Qty/Qty/Qty/Unit", .badQuantity(.negative("-100"))),
            ([("<Unit>2.5</Unit>", "<Unit>3</Unit>")], Self.secondBalance,
             .badBalances(.partsDoNotAddUp(available: F.q("10"), notAvailable: F.q("3"), aggregate: F.q("12.5")))),
            ([("<Id>RSV-OMNIBUS-01</Id>", "<Id></Id>")], "/Document/SctiesBalCtdyRpt/SfkpgAcct/Id", .missing("the value of <Id>")),
            ([("<SfkpgAcct>\n      <Id>RSV-OMNIBUS-01</Id>\n    </SfkpgAcct>\n", "")], "/Document/SctiesBalCtdyRpt",
             .missing("the safekeeping account <SfkpgAcct> (the statement must name its account)")),
        ]
        for (replacements, path, problem) in cases {
            let e = try #require(try refusal(try variant("semt002-v12-page1-of-2.xml", replacements)))
            guard case .element(let p, _) = e.location else { Issue.record("no element: \(e)"); continue }
            #expect(p == path)
            #expect(e.problem == problem)
        }
    }

    @Test func semt002DoctypeIsRefused() throws {
        let e = try #require(try refusal(try variant("semt002-v12-page1-of-2.xml", [
            ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE Document [<!ENTITY a \"aaaa\">]>"),
        ])))
        #expect(e.problem == .syntax("malformed XML: a DOCTYPE declaration is not accepted in a statement"))
    }

    // MARK: MT535

    @Test func mt535Variants() throws {
        let cases: [([(String, String)], Int, Problem)] = [
            ([("ISIN US0378331005", "ISIN US0378331006")], 18, .badISIN("US0378331006", .wrongCheckDigit(expected: 5, found: "6"))),
            ([(":93B::AGGR//UNIT/100,\r\n", "")], 23, .missing(":93B::AGGR// aggregate balance of US0378331005")),
            ([(":93B::AGGR//UNIT/100,", ":93B::AGGR//UNIT/")], 22, .missing("the balance after AGGR//UNIT/")),
            ([("UNIT/12,5", "UNIT/12,5X")], 28, .badQuantity(.notANumber("12,5X"))),
            ([("UNIT/12,5", "UNIT/12.5")], 28, .badQuantity(.notANumber("12.5"))),
            ([("AGGR//UNIT/100,", "AGGR//UNIT/100")], 22, .badQuantity(.missingDecimalComma("100"))),
            ([("AGGR//UNIT/100,", "AGGR//FAMT/100,")], 22, .unsupportedQuantity("FAMT")),
            ([("AGGR//UNIT/100,", "AGGR//UNIT/N100,")], 22, .shortPosition),
            ([("ISIN US5949181045", "ISIN US0378331005")], 26, .duplicateISIN(F.aapl, account: F.reserve)),
            ([(":28E:1/MORE", ":28E:2/ONLY")], 3, .badPagination("page 2 cannot be the only page")),
            ([(":28E:1/MORE", ":28E:1/SOME")], 3, .badCode(field: ":28E: continuation", value: "SOME", allowed: ["MORE", "LAST", "ONLY"])),
            ([(":28E:1/MORE", ":28E:X/MORE")], 3, .badPagination("'X/MORE' is not PAGE/MORE|LAST|ONLY")),
            ([(":22F::CODE//COMP", ":22F::CODE//FULL")], 9, .badCode(field: ":22F::CODE", value: "FULL", allowed: ["COMP", "DELT"])),
            ([(":98A::STAT//20261127", ":98A::STAT//20261131")], 7, .badDate("20261131")),
            ([(":20C::SEME//RSV01-535-0047-1\r\n", "")], 2, .missing(":20C::SEME// reference in GENL")),
            ([("ISIN US5949181045", "/US/594918104")], 26, .missing("the ISIN in :35B: (written 'ISIN US0378331005')")),
            ([(":93B::AVAI//UNIT/10,\r\n", ":93B::AVAI//UNIT/10,\r\n0,5\r\n")], 30, .unexpected("line '0,5' (every field starts with :TAG:)")),
            ([(":16S:SUBBAL", ":16S:SUBSAFE")], 33, .syntax(":16S:SUBSAFE closes SUBBAL, opened at line 31")),
        ]
        for (replacements, line, problem) in cases {
            let e = try #require(try refusal(try variant("mt535-page1-of-2.fin", replacements)))
            #expect(e.location == .line(line), "\(replacements)")
            #expect(e.problem == problem, "\(replacements)")
        }
    }

    @Test func mt535Truncated() throws {
        let full = try F.sample("mt535-page1-of-2.fin")
        let lines = full.split(separator: "\r\n", omittingEmptySubsequences: false)
        let cut = lines.prefix(30).joined(separator: "\r\n")
        let e = try #require(try refusal(cut))
        #expect(e.location == .line(30))
        #expect(e.problem == .truncated("block 4 is not closed by '-}'"))
        // Without the envelope, the open sequences show the cut.
        let bare = lines.dropFirst().prefix(29).joined(separator: "\r\n").replacingOccurrences(of: "{4:", with: "")
        let e2 = try #require(try refusal(bare))
        #expect(e2.problem == .truncated("sequence FIN opened at line 24 is not closed by :16S:FIN"))
    }

    @Test func mt535BrokenSecondPageRefusesTheWholeFile() throws {
        let page1 = try F.sample("mt535-page1-of-2.fin")
        let page2 = try variant("mt535-page2-of-2.fin", [("UNIT/7,", "UNIT/seven")])
        let e = try #require(try refusal(page1 + page2))
        #expect(e.location == .line(36 + 20))
        #expect(e.problem == .badQuantity(.notANumber("seven")))
    }

    // MARK: CSV

    static let csvHeader = "statement_id,account,as_of,isin,aggregate,available,not_available"

    @Test func csvVariants() throws {
        let row = "S-1,RSV-OMNIBUS-01,2026-11-27"
        let cases: [(String, Int, Problem)] = [
            ("\(Self.csvHeader)\n\(row),US0378331005,1,,\n\(row),US0378331006,1,,\n", 3,
             .badISIN("US0378331006", .wrongCheckDigit(expected: 5, found: "6"))),
            ("\(Self.csvHeader)\n\(row),US0378331005,,,\n", 2, .missing("the value of 'aggregate'")),
            ("\(Self.csvHeader)\n\(row),US0378331005,twelve,,\n", 2, .badQuantity(.notANumber("twelve"))),
            ("\(Self.csvHeader)\n\(row),US0378331005,\"12,5\",,\n", 2, .badQuantity(.notANumber("12,5"))),
            ("\(Self.csvHeader)\n\(row),US0378331005,1,,\n\(row),US0378331005,2,,\n", 3, .duplicateISIN(F.aapl, account: F.reserve)),
            ("\(Self.csvHeader)\n\(row),US0378331005,1,,\nS-1,RSV-OMNIBUS-01,2026-11-28,US5949181045,2,,\n", 3,
             .inconsistent("statement S-1 page 1: account, as_of, update_type and last_page must be the same on every row of a page")),
            ("\(Self.csvHeader)\n\(row),US0378331005,1\n", 2, .syntax("5 fields where the header has 7")),
            ("\(Self.csvHeader),quantity\n\(row),US0378331005,1,,,1\n", 1,
             .unexpected("column 'quantity'; the columns are \(StatementCSVColumn.header)")),
            ("statement_id,account,as_of,aggregate\n\(row),1\n", 1, .missing("column 'isin'")),
            ("\(Self.csvHeader)\n\(row),US0378331005,\"1,,\n", 2, .truncated("the quoted field opened on line 2 is never closed")),
            ("\(Self.csvHeader)\n\(row),US0378331005,1\"0,,\n", 2,
             .syntax("a double quote inside an unquoted field (quote the whole field and double the quote)")),
            ("\(Self.csvHeader)\n\(row),US0378331005,1,2,\n", 2, .badBalances(.partExceedsAggregate(part: F.q("2"), aggregate: F.q("1")))),
            ("\(Self.csvHeader)\nS-1,RSV-OMNIBUS-01,27/11/2026,US0378331005,1,,\n", 2, .badDate("27/11/2026")),
            ("\(Self.csvHeader)\n", 1, .missing("holding rows after the header")),
        ]
        for (text, line, problem) in cases {
            let e = try #require(try refusal(text))
            #expect(e.location == .line(line), "\(text)")
            #expect(e.problem == problem, "\(text)")
        }
    }

    @Test func unknownFormatAndEncoding() throws {
        #expect(try refusal("hello, statement\n")?.problem == .unknownFormat)
        var l = try ledger()
        #expect(throws: CustodyLedgerError.self) { try l.importStatementFile([0x3C, 0xFF, 0xFE]) }
    }

    // MARK: Pages across files

    @Test func pageBeyondTheLastPage() throws {
        let page2 = try F.sample("mt535-page2-of-2.fin")
        let page3 = try variant("mt535-page2-of-2.fin", [(":28E:2/LAST", ":28E:3/MORE"), ("RSV01-535-0047-2", "RSV01-535-0047-3")])
        #expect(try registerError([page2, page3]) == .pageBeyondLast(statementId: "047", page: 3, lastPage: 2))
        #expect(try registerError([page3, page2]) == .pageBeyondLast(statementId: "047", page: 3, lastPage: 2))
    }

    @Test func twoLastPages() throws {
        let page2 = try F.sample("mt535-page2-of-2.fin")
        let page3 = try variant("mt535-page2-of-2.fin", [(":28E:2/LAST", ":28E:3/LAST")])
        #expect(try registerError([page2, page3]) == .twoLastPages(statementId: "047", first: 2, second: 3))
    }

    @Test func samePageWithOtherContent() throws {
        let page1 = try F.sample("semt002-v12-page1-of-2.xml")
        let changed = try variant("semt002-v12-page1-of-2.xml", [("<Unit>12.5</Unit>", "<Unit>13.5</Unit>"), ("<Unit>10</Unit>", "<Unit>11</Unit>")])
        #expect(try registerError([page1, changed]) == .conflictingPage(statementId: "SBC-20261127-RSV01", page: 1))
    }

    @Test func pagesThatDisagree() throws {
        let page1 = try F.sample("semt002-v12-page1-of-2.xml")
        let page2 = try variant("semt002-v12-page2-of-2.xml", [("<Cd>COMP</Cd>", "<Cd>DELT</Cd>")])
        #expect(try registerError([page1, page2]) == .pagesDisagree(statementId: "SBC-20261127-RSV01", page: 2, field: "update type (COMP/DELT)"))
        let page2Main = try variant("semt002-v12-page2-of-2.xml", [("US88160R1014", "US5949181045")])
        #expect(try registerError([page1, page2Main]) == .duplicateISINAcrossPages(statementId: "SBC-20261127-RSV01", isin: F.msft, account: F.reserve))
        // The same ISIN in a sub-account is a different holding, not a duplicate.
        var register = StatementRegister()
        _ = try register.receive(try StatementImporter.pages(from: page1))
        let moved = try variant("semt002-v12-page2-of-2.xml", [("US67066G1040", "US0378331005")])
        let outcome = try register.receive(try StatementImporter.pages(from: moved))
        guard case .applied(let s) = outcome.first else { Issue.record("not applied"); return }
        #expect(s.subAccounts.first?.balances[F.aapl]?.aggregate == F.q("40.125"))
        #expect(s.holdings.balances[F.aapl]?.aggregate == F.q("100"))
    }

    @Test func deltaWithoutCompleteLeavesEverythingAsItWas() throws {
        var l = try CustodyLedger(store: InMemoryCustodyLedgerStore(), reserveAccount: F.reserve, calendar: F.nyse2026)
        let delta = try F.sample("semt002-v12-delta.xml")
        #expect(throws: CustodyLedgerError.self) { try l.importStatementFile(Array(delta.utf8)) }
        #expect(l.store == InMemoryCustodyLedgerStore())
    }
}

@Suite("Damaged XML is explained")
struct DamagedXMLTests {
    func error(_ text: String) -> StatementFileError? {
        do { _ = try StatementImporter.pages(from: text) } catch { return error }
        return nil
    }

    @Test func explainsTheCommonDamage() throws {
        let full = try Fixtures.sample("semt002-v12-page1-of-2.xml")
        let cut = try #require(error(String(full.prefix(1300))))
        #expect(cut.problem == .truncated("the document ends before its elements are closed"))
        let mismatch = try #require(error(full.replacingOccurrences(of: "</AggtBal>", with: "</AggtBalX>")))
        #expect(mismatch.location == .element(path: "/Document/SctiesBalCtdyRpt/BalForAcct/AggtBal", line: 51))
        #expect(mismatch.problem == .syntax("malformed XML: a closing tag does not match the element it closes"))
        let ampersand = try #require(error(full.replacingOccurrences(of: "APPLE INC", with: "A & B")))
        #expect(ampersand.location == .element(path: "/Document/SctiesBalCtdyRpt/BalForAcct/FinInstrmId/Desc", line: 40))
        #expect(ampersand.problem == .syntax("malformed XML: an unescaped & or an undeclared entity (write & as &amp;)"))
    }
}
