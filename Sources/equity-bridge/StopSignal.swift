import Dispatch
import Foundation

/// Set when SIGTERM or SIGINT arrives: `run` finishes the step it is in and exits.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private var sources: [DispatchSourceSignal] = []

    /// Installs the handlers (the signals' default actions are turned off).
    static func install() -> StopSignal {
        let flag = StopSignal()
        for number in [SIGTERM, SIGINT] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { flag.set() }
            source.resume()
            flag.sources.append(source)
        }
        return flag
    }

    var isSet: Bool { lock.withLock { stopped } }

    private func set() { lock.withLock { stopped = true } }

    /// Sleeps up to `seconds`, returning early once stopped.
    func sleep(seconds: Double) async {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(Int64(seconds * 1000)))
        while !isSet, clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
    }
}
