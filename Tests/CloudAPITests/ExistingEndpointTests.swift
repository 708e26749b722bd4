import CloudAPI
import CloudEngine
import Foundation
import Testing

/// A console whose port is taken checks whether the server there is another Overcast on the same account.
@Suite("Finding an endpoint already serving the account")
struct ExistingEndpointTests {
    @Test("The server of this account is found; another account's is not, nor a closed port")
    func findsOnlyItsOwn() async throws {
        let f = try await EndpointFixture.start()
        let port = f.port
        let account = f.account
        let same = try await EndpointFixture.blocking { ExistingEndpoint.serving(account, port: port) }
        #expect(same == "http://127.0.0.1:\(port)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("overcast-other-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let other = try Account.open(path: folder.appendingPathComponent("account.sqlite").path)
        let foreign = try await EndpointFixture.blocking { ExistingEndpoint.serving(other, port: port) }
        #expect(foreign == nil)
        let closed = try await EndpointFixture.blocking { ExistingEndpoint.serving(account, port: 1) }
        #expect(closed == nil)
    }
}
