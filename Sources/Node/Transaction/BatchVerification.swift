import Dispatch
import Foundation

extension TransactionSigner {
    /// Recovers the senders of many transactions on every core at once (signature
    /// recovery is the expensive step of admitting or replaying transactions). The
    /// results are in input order.
    public func verifyAll(_ transactions: [SignedTransaction]) -> [Result<VerifiedTransaction, TransactionError>] {
        let count = transactions.count
        guard count > 1 else { return transactions.map { tx in Result { () throws(TransactionError) in try verify(tx) } } }
        var results = [Result<VerifiedTransaction, TransactionError>](repeating: .failure(.tooShort(count: 0)), count: count)
        let chunks = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount * 4))
        results.withUnsafeMutableBufferPointer { out in
            // Each chunk writes a disjoint range of `out`.
            nonisolated(unsafe) let buffer = out
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let lower = chunk * count / chunks, upper = (chunk + 1) * count / chunks
                for i in lower..<upper {
                    buffer[i] = Result { () throws(TransactionError) in try verify(transactions[i]) }
                }
            }
        }
        return results
    }
}
