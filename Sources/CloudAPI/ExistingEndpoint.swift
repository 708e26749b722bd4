import AWSSignature
import CloudEngine
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// When the endpoint's port is taken: is it another Overcast serving this same account? A ListBuckets signed with
/// this account's root key answers 200 only there, so the console can use that endpoint instead of none.
public enum ExistingEndpoint {
    /// `http://127.0.0.1:PORT` when an endpoint for `account` already listens there; nil otherwise.
    public static func serving(_ account: Account, port: Int, timeout: TimeInterval = 2) -> String? {
        guard let key = try? account.iam.rootAccessKey(), let url = URL(string: "http://127.0.0.1:\(port)/") else { return nil }
        let host = "127.0.0.1:\(port)"
        let signed = SigV4Signer.sign(method: "GET", path: "/", headers: [("host", host)],
                                      payloadSHA256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                                      credentials: SigV4Credentials(accessKeyID: key.accessKeyID, secretAccessKey: key.secretAccessKey),
                                      region: account.region, service: "s3", signingService: .s3, date: Date())
        var request = URLRequest(url: url, timeoutInterval: timeout)
        for (name, value) in signed { request.setValue(value, forHTTPHeaderField: name) }
        let answered = LockedValue<Int?>(nil)
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { _, response, _ in
            answered.set((response as? HTTPURLResponse)?.statusCode)
            done.signal()
        }.resume()
        guard done.wait(timeout: .now() + timeout + 1) == .success, answered.get() == 200 else { return nil }
        return "http://127.0.0.1:\(port)"
    }
}
