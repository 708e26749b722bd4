import Crypto
import Foundation

/// Computes an MD5 on another core while the caller writes chunks to the database.
///
/// A large put is bound by MD5 (~700 MiB/s on one core) plus SQLite's writes;
/// overlapping the two is what brings a 1 GiB put near `cp` speed. At most
/// `window` chunks wait to be hashed, so memory stays bounded.
final class BackgroundHasher: @unchecked Sendable {
    private let queue = DispatchQueue(label: "overcast.md5")
    private let slots: DispatchSemaphore
    private var hasher: Insecure.MD5

    init(continuing hasher: Insecure.MD5, window: Int = 4) {
        self.hasher = hasher
        self.slots = DispatchSemaphore(value: window)
    }

    func update(_ chunk: Data) {
        slots.wait()
        queue.async {
            self.hasher.update(data: chunk)
            self.slots.signal()
        }
    }

    /// Waits for the chunks in flight and returns the digest.
    func finish() -> Insecure.MD5.Digest {
        queue.sync { hasher.finalize() }
    }
}
