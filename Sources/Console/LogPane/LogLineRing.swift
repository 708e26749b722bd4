/// The log pane's lines: a ring of fixed capacity, so a burst costs no more memory than a quiet hour
/// and dropping the oldest line is O(1).
///
/// Every line ever appended has a sequence number (`seq`), so a paused or scrolled-back pane can
/// hold on to "the line I was reading" while newer lines keep pushing older ones out.
public struct LogLineRing: RandomAccessCollection, MutableCollection, Sendable {
    public let capacity: Int
    private var storage: [LogTailLine] = []
    private var head = 0
    /// How many lines were ever appended (the next line's `seq`).
    public private(set) var appended = 0

    public init(capacity: Int) {
        self.capacity = Swift.max(1, capacity)
        storage.reserveCapacity(self.capacity)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }

    public subscript(position: Int) -> LogTailLine {
        get { storage[(head + position) % storage.count] }
        set { storage[(head + position) % storage.count] = newValue }
    }

    /// The sequence number of the oldest line kept.
    public var firstSeq: Int { appended - storage.count }

    /// The index of the line numbered `seq`, clamped to the lines kept; nil when empty.
    public func index(ofSeq seq: Int) -> Int? {
        guard !storage.isEmpty else { return nil }
        return Swift.min(Swift.max(0, seq - firstSeq), storage.count - 1)
    }

    public mutating func append(_ line: LogTailLine) {
        appended += 1
        if storage.count < capacity {
            storage.append(line)
        } else {
            storage[head] = line
            head = (head + 1) % capacity
        }
    }

    public mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
        head = 0
    }
}
