import Foundation
import Testing
@testable import CloudEngine
import IAMPolicy

/// Messages quote what the user gave (an object key, a path); a control character in it must reach the
/// terminal escaped, never raw.
@Suite("Messages escape control characters")
struct ControlCharacterMessageTests {
    static let hostile = "a\u{1B}]0;pwned\u{07}\r\u{9B}2Jb"

    @Test("An engine error quoting an object key with escape sequences shows them escaped")
    func engineError() throws {
        let test = try TestAccount()
        try test.storage.createBucket("photos", caller: .root)
        let error = try #require(throws: EngineError.self) {
            try test.storage.headObject(bucket: "photos", key: Self.hostile, caller: .root)
        }
        #expect(!error.message.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(error.description == JSONString.escapingControlCharacters(error.description))
        let quoting = EngineError(code: "InvalidArgument", httpStatus: 400, message: "Bad key \(Self.hostile).")
        #expect(quoting.message == "Bad key a\\u001b]0;pwned\\u0007\\r\\u009b2Jb.")
    }

    @Test("An account file error quoting a path with escape sequences shows them escaped")
    func accountFileError() {
        let description = AccountFileError.notADatabase(path: "/tmp/" + Self.hostile).description
        #expect(description.hasPrefix("/tmp/a\\u001b]0;pwned\\u0007\\r\\u009b2Jb is not an Overcast account"))
    }
}
