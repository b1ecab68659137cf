import Foundation

extension ReserveBridge {
    /// Imports the statement files in `DATADIR/inbox` in name order (hidden files and
    /// directories are skipped). An imported file (pages held included) moves to
    /// `inbox/imported/`; a refused one to `inbox/refused/`, with the reason in
    /// `inbox/refused/NAME.error`. A file of the same name already there gets a numeric
    /// suffix, so nothing is overwritten. Custodians drop files in with an atomic rename
    /// (write `NAME.tmp` elsewhere, `mv` it in) so a half-written file is never read.
    public func importInbox() throws(BridgeError) -> [InboxEntry] {
        let manager = FileManager.default
        let names: [String]
        do { names = try manager.contentsOfDirectory(atPath: directory.inboxPath) } catch {
            throw .dataDirectory(.io(path: directory.inboxPath, error.localizedDescription))
        }
        var entries: [InboxEntry] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (directory.inboxPath as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            do {
                let result = try importStatement(atPath: path)
                try move(path, into: directory.importedPath, name: name)
                entries.append(InboxEntry(name: name, result: result, refusal: nil))
            } catch {
                if case .storage = error { throw error }
                let target = try move(path, into: directory.refusedPath, name: name)
                try? Data((error.description + "\n").utf8).write(to: URL(fileURLWithPath: target + ".error"))
                entries.append(InboxEntry(name: name, result: nil, refusal: error.description))
            }
        }
        return entries
    }

    @discardableResult
    private func move(_ path: String, into folder: String, name: String) throws(BridgeError) -> String {
        let manager = FileManager.default
        var target = (folder as NSString).appendingPathComponent(name)
        var n = 1
        while manager.fileExists(atPath: target) {
            target = (folder as NSString).appendingPathComponent("\(name).\(n)")
            n += 1
        }
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try manager.moveItem(atPath: path, toPath: target)
        } catch { throw .dataDirectory(.io(path: path, "cannot move to \(target): \(error.localizedDescription)")) }
        return target
    }
}
