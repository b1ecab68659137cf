import Foundation

/// A test hook for the crash-safety tests: with the environment variable
/// `EQUITY_BRIDGE_CRASH_AFTER` set to a point's name, the process sends itself SIGKILL
/// when it reaches that point — no cleanup, no flush, exactly like `kill -9`. Without
/// the variable (or with another value) reaching a point does nothing.
///
/// Points: `mint-sent` — a mint transaction was accepted by the node and its intent
/// is still open in the journal (the outcome not yet recorded); `declare-sent` and
/// `attest-sent` — the same for a dividend declaration (`dividends declare`) and a
/// reserve attestation (`attest`).
public enum CrashPoint: String, Sendable {
    case mintSent = "mint-sent"
    case declareSent = "declare-sent"
    case attestSent = "attest-sent"

    /// The environment variable read.
    public static let variable = "EQUITY_BRIDGE_CRASH_AFTER"

    /// Kills the process if the environment names this point.
    public func reached() {
        guard ProcessInfo.processInfo.environment[Self.variable] == rawValue else { return }
        kill(getpid(), SIGKILL)
    }
}
