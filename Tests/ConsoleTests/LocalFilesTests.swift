import Foundation
import Testing
@testable import Console

/// Paths typed into the upload and download forms, read as a shell reads them.
@Suite("Local paths")
struct LocalFilesTests {
    @Test("~ is the home folder of $HOME, as a shell reads it; a relative path starts at the working folder")
    func tildeIsHome() {
        #expect(LocalFiles.resolve("~/data.csv", workingDirectory: "/w", environment: ["HOME": "/home/learner"])
            == "/home/learner/data.csv")
        #expect(LocalFiles.resolve("~", workingDirectory: "/w", environment: ["HOME": "/home/learner"]) == "/home/learner")
        #expect(LocalFiles.resolve("rel.csv", workingDirectory: "/w", environment: [:]) == "/w/rel.csv")
    }
}
