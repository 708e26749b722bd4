@_spi(Benchmarks) import CloudEngine
@testable import Console
import Foundation
import Testing
import TerminalUI

@Suite("Object listing (keyset paging over ListObjectsV2)")
struct ObjectListingTests {
    /// A bucket of `count` flat keys `k000000`…; returns the fixture and the keys.
    func flat(_ count: Int) throws -> (ConsoleFixture, [String]) {
        let f = try ConsoleFixture(start: false)
        try f.storage.createBucket("many", caller: .root)
        let keys = (0..<count).map { "k" + String(repeating: "0", count: 6 - String($0).count) + String($0) }
        try f.storage.bulkLoadEmptyObjects(bucket: "many", keys: keys)
        return (f, keys)
    }

    func listing(_ f: ConsoleFixture, prefix: String = "", large: Bool? = nil) -> ObjectListing {
        ObjectListing(query: ObjectQuery(bucket: "many", prefix: prefix, large: large)) {
            try f.storage.listObjects(bucket: "many", request: $0, caller: .root)
        }
    }

    @Test("A folder of more than 1,000 entries is paged and reported large")
    func largeFolder() throws {
        let (f, keys) = try flat(1500)
        let (page, large) = try listing(f).load(PageRequest(.first, limit: 40))
        #expect(large)
        #expect(page.rows.map(\.id) == Array(keys.prefix(40)))
        #expect(page.hasMoreAfter && !page.hasMoreBefore)
    }

    @Test("The last page of a large folder is found without walking it")
    func lastPage() throws {
        let (f, keys) = try flat(5000)
        var requests = 0
        let counting = ObjectListing(query: ObjectQuery(bucket: "many", prefix: "", large: true)) {
            requests += 1
            return try f.storage.listObjects(bucket: "many", request: $0, caller: .root)
        }
        let page = try counting.page(PageRequest(.last, limit: 30))
        #expect(page.rows.map(\.id) == Array(keys.suffix(30)))
        #expect(!page.hasMoreAfter && page.hasMoreBefore)
        #expect(requests < 120, "took \(requests) listing requests")
    }

    @Test("The page before a key in the middle is the keys just before it")
    func pageBefore() throws {
        let (f, keys) = try flat(5000)
        let page = try listing(f, large: true).page(PageRequest(.before(keys[3210]), limit: 25))
        #expect(page.rows.map(\.id) == Array(keys[3185..<3210]))
    }

    @Test("Around a key gives rows on both sides")
    func around() throws {
        let (f, keys) = try flat(3000)
        let page = try listing(f, large: true).page(PageRequest(.around(keys[2000]), limit: 20))
        #expect(page.rows.map(\.id) == Array(keys[1990..<2010]))
    }

    @Test("G then k in the object browser of a large bucket moves through its end")
    func browserBottom() throws {
        let (f, keys) = try flat(2500)
        f.harness.start()
        f.open(bucket: "many")
        f.harness.press("G")
        #expect(f.state.buckets.browser?.table.selectedID == keys.last)
        f.harness.press("pgup", "pgup", "pgup")
        let selected = try #require(f.state.buckets.browser?.table.selectedID)
        #expect(keys.firstIndex(of: selected).map { $0 < 2460 } == true)
        #expect(f.state.buckets.browser?.table.rows.count ?? 0 <= 240)
    }

    @Test("Filtering a large folder matches the start of names, by key")
    func largeFilter() throws {
        let (f, _) = try flat(2500)
        let page = try listing(f, large: true).page(PageRequest(.first, limit: 50, query: RowQuery(filter: "k0012")))
        #expect(page.rows.map(\.id) == (1200..<1250).map { "k00" + String($0) })
    }

    @Test("Sorting a large folder is refused with the reason")
    func largeSortRefused() throws {
        let (f, _) = try flat(1200)
        f.harness.start()
        f.open(bucket: "many")
        f.harness.press("S")
        #expect(f.lastToast == "Sort size: This folder has more than 1,000 entries: it stays in key order.")
    }

    @Test("In a large folder of folders, the last page and the page before a folder are found by bisection")
    func foldersBisection() throws {
        let f = try ConsoleFixture(start: false)
        try f.storage.createBucket("many", caller: .root)
        let folders = (0..<1500).map { "f" + String(repeating: "0", count: 4 - String($0).count) + String($0) + "/" }
        try f.storage.bulkLoadEmptyObjects(bucket: "many", keys: folders.flatMap { [$0 + "a.txt", $0 + "b.txt"] })
        let list = listing(f, large: true)
        #expect(try list.page(PageRequest(.last, limit: 10)).rows.map(\.id) == Array(folders.suffix(10)))
        #expect(try list.page(PageRequest(.before(folders[700]), limit: 5)).rows.map(\.id) == Array(folders[695..<700]))
        #expect(try list.page(PageRequest(.after(folders[700]), limit: 3)).rows.map(\.id) == Array(folders[701..<704]))
    }

    @Test("Keys compare in byte order and a midpoint lies strictly between")
    func keyOrder() {
        #expect(KeyOrder.precedes("Z", "a"))
        #expect(KeyOrder.precedes("é", "\u{1F600}"))
        for (low, high) in [("a", "b"), ("a", "a\u{0}b"), ("", "k"), ("abc", "abd"), ("k0123", "k0124")] {
            let middle = KeyOrder.midpoint(low, high)
            #expect(middle.map { KeyOrder.precedes(low, $0) && KeyOrder.precedes($0, high) } == true, "\(low) \(high)")
        }
        #expect(KeyOrder.midpoint("a", "a\u{0}") == nil)
    }
}
