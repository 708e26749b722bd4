import Foundation
import Testing
@testable import CloudEngine

/// The aws CLI's `overcast` profile, as `:profile` and `serve --write-profile` write it.
@Suite("The overcast profile")
struct AWSProfileTests {
    @Test("Written for the serving endpoint with the root's keys and SigV4 presigning; other profiles are kept")
    func written() throws {
        let folder = ScratchFolder()
        let account = try Account.open(path: folder.path())
        let files = AWSProfileFiles(configPath: folder.url.appendingPathComponent("config").path,
                                    credentialsPath: folder.url.appendingPathComponent("credentials").path)
        try Data("[profile work]\nregion = eu-west-1\n".utf8).write(to: URL(fileURLWithPath: files.configPath))
        #expect(throws: EngineError.self) { try account.writeAWSProfile(files) }
        account.endpoint.url = "http://127.0.0.1:4747"
        let said = try account.writeAWSProfile(files)
        #expect(said.contains("aws --profile overcast s3 ls"))
        let config = try String(contentsOfFile: files.configPath, encoding: .utf8)
        #expect(config.contains("[profile work]\nregion = eu-west-1"))
        #expect(config.contains("[profile overcast]\nregion = us-east-1\nendpoint_url = http://127.0.0.1:4747\noutput = json\ns3 =\n    signature_version = s3v4"))
        let credentials = try String(contentsOfFile: files.credentialsPath, encoding: .utf8)
        #expect(credentials.contains("aws_access_key_id = \(try #require(try account.iam.rootAccessKey()).accessKeyID)"))
    }
}
