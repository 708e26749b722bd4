import CloudEngine
import Console
import Foundation
import Testing
import TerminalUI

@Suite("Bucket list")
struct BucketListTests {
    @Test("Opening the console lists the buckets with region, created, object count and size")
    func listsBuckets() throws {
        let f = try ConsoleFixture(start: false)
        try f.bucket("photos", ["a.txt": "hello", "b.txt": "hi"])
        f.harness.start()
        let row = try #require(f.state.buckets.bucketTable.rows.first)
        #expect(row.cells == ["photos", "us-east-1", "2026-01-01 00:00", "2", "7 B"])
    }

    @Test("n, a name and Enter create the bucket and select it")
    func createBucket() throws {
        let f = try ConsoleFixture()
        f.harness.press("n")
        f.harness.type("reports")
        f.harness.press("enter")
        #expect(try f.storage.headBucket("reports", caller: .root).name == "reports")
        #expect(f.state.buckets.modal == nil)
        #expect(f.state.buckets.bucketTable.selectedID == "reports")
        #expect(f.lastToast == "Created bucket reports in us-east-1.")
    }

    @Test("The name field shows the failing naming rule as you type")
    func nameRuleAsYouType() throws {
        let f = try ConsoleFixture()
        f.harness.press("n")
        f.harness.type("My")
        guard case .createBucket(let form) = f.state.buckets.modal else { Issue.record("no form"); return }
        #expect(form.visibleError("name") == BucketName.violation("My"))
        #expect(form.visibleError("name") != nil)
        f.harness.press("backspace", "backspace")
        f.harness.type("ab")
        guard case .createBucket(let later) = f.state.buckets.modal else { return }
        #expect(later.visibleError("name") == "Must be 3 to 63 characters long (this one has 2).")
    }

    @Test("Enter on an invalid name keeps the form open and creates nothing")
    func invalidNameNotSubmitted() throws {
        let f = try ConsoleFixture()
        f.harness.press("n")
        f.harness.type("a..b")
        f.harness.press("enter")
        #expect(f.harness.ranEffects.allSatisfy { if case .buckets(.createBucket) = $0 { return false } else { return true } })
        guard case .createBucket(let form) = f.state.buckets.modal else { Issue.record("form closed"); return }
        #expect(form.visibleError("name") == "Must not contain two adjacent periods (..).")
    }

    @Test("A Region that is not an AWS Region is refused as you type, and Enter creates nothing")
    func unknownRegion() throws {
        let f = try ConsoleFixture()
        f.harness.press("n")
        f.harness.type("photos")
        f.harness.press("tab", "ctrl+u", "ctrl+k")
        f.harness.type("mars-north-9")
        f.harness.press("enter")
        #expect(f.harness.ranEffects.allSatisfy { if case .buckets(.createBucket) = $0 { return false } else { return true } })
        guard case .createBucket(let form) = f.state.buckets.modal else { Issue.record("form closed"); return }
        #expect(form.visibleError("region") == "“mars-north-9” is not an AWS Region; e.g. us-east-1, eu-west-1, ap-northeast-1.")
    }

    @Test("Creating a bucket that exists shows the engine's error in the form, keeping what was typed")
    func duplicateBucket() throws {
        let f = try ConsoleFixture(start: false)
        try f.bucket("photos")
        f.harness.start()
        f.harness.press("n")
        f.harness.type("photos")
        f.harness.press("enter")
        guard case .createBucket(let form) = f.state.buckets.modal else { Issue.record("form closed"); return }
        #expect(form.values.text("name") == "photos")
        #expect(form.visibleError("name")?.hasPrefix("BucketAlreadyOwnedByYou: Your previous request to create the named bucket succeeded") == true)
    }

    @Test("Esc closes the create form without creating anything")
    func cancelCreate() throws {
        let f = try ConsoleFixture()
        f.harness.press("n")
        f.harness.type("temp-bucket")
        f.harness.press("esc")
        #expect(f.state.buckets.modal == nil)
        #expect(try f.storage.listBuckets(caller: .root).isEmpty)
    }

    @Test("x then y deletes an empty bucket")
    func deleteEmptyBucket() throws {
        let f = try ConsoleFixture(start: false)
        try f.bucket("old-stuff")
        f.harness.start()
        f.harness.press("x")
        f.harness.press("y")
        #expect(try f.storage.listBuckets(caller: .root).isEmpty)
        #expect(f.lastToast == "Deleted bucket old-stuff.")
    }

    @Test("Del then n cancels the deletion")
    func deleteCancelled() throws {
        let f = try ConsoleFixture(start: false)
        try f.bucket("keep-me")
        f.harness.start()
        f.harness.press("delete")
        f.harness.press("n")
        #expect(try f.storage.listBuckets(caller: .root).count == 1)
        #expect(f.state.buckets.modal == nil)
    }

    @Test("Delete on a bucket that holds objects says BucketNotEmpty at once, with its message, and asks nothing first")
    func deleteRefused() throws {
        let f = try ConsoleFixture(start: false)
        try f.bucket("full", ["a": "1", "b": "2"])
        f.harness.start()
        f.harness.press("x")
        guard case .bucketNotEmpty(let name, let error) = f.state.buckets.modal else { Issue.record("no refusal"); return }
        #expect(name == "full")
        #expect(error.description == "BucketNotEmpty: The bucket you tried to delete is not empty: full holds 2 objects. Delete them first.")
        #expect(f.screen.contains("BucketNotEmpty: The bucket you tried to delete is not empty"))
    }

    @Test("Empty and delete needs the bucket's name typed before it does anything")
    func emptyAndDeleteNeedsName() throws {
        let f = try ConsoleFixture(start: false)
        try f.bucket("full", ["a": "1"])
        f.harness.start()
        f.harness.press("x", "e")
        f.harness.type("ful")
        f.harness.press("enter")
        #expect(try f.storage.headBucket("full", caller: .root).objectCount == 1)
        #expect(f.lastToast == "Type full to confirm.")
    }

    @Test("Empty and delete, with the name typed, deletes every object and the bucket")
    func emptyAndDelete() throws {
        let f = try ConsoleFixture(start: false)
        try f.bucket("full", ["a": "1", "dir/b": "2", "dir/c": "3"])
        f.harness.start()
        f.harness.press("x", "e")
        f.harness.type("full")
        f.harness.press("enter")
        #expect(try f.storage.listBuckets(caller: .root).isEmpty)
        #expect(f.state.buckets.modal == nil)
        #expect(f.lastToast == "Deleted bucket full.")
    }

    @Test("/ filters the buckets as you type and Esc clears the filter")
    func filterBuckets() throws {
        let f = try ConsoleFixture(start: false)
        for name in ["alpha-logs", "beta-data", "gamma-logs"] { try f.bucket(name) }
        f.harness.start()
        f.harness.press("/")
        f.harness.type("logs")
        #expect(f.state.buckets.bucketTable.rows.map(\.id) == ["alpha-logs", "gamma-logs"])
        f.harness.press("esc")
        #expect(f.state.buckets.bucketTable.rows.count == 3)
    }

    @Test("A bucket created by another process appears when the account changes")
    func externalChange() throws {
        let f = try ConsoleFixture()
        try f.bucket("from-elsewhere")
        f.refresh()
        #expect(f.state.buckets.bucketTable.rows.map(\.id) == ["from-elsewhere"])
    }

    @Test("Deleting a bucket another process already deleted shows NoSuchBucket")
    func deleteGoneBucket() throws {
        let f = try ConsoleFixture(start: false)
        try f.bucket("ghost")
        f.harness.start()
        try f.storage.deleteBucket("ghost", caller: .root)
        f.harness.press("x", "y")
        #expect(f.state.toasts.contains { $0.message == "NoSuchBucket: The specified bucket does not exist: ghost" && $0.kind == .error })
    }
}
