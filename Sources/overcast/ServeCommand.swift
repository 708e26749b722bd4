import ArgumentParser
import CloudAPI
import CloudEngine
import Foundation

/// `overcast serve`: the AWS-compatible endpoint, headless, until SIGINT or SIGTERM.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the account over an AWS-compatible endpoint (S3 for now) for boto3 and the aws CLI.",
        discussion: """
            Prints the endpoint's URL and the root user's access key. Requests are checked with Signature \
            Version 4 against the account's keys and then authorized by IAM as their principal. S3 event \
            notifications are delivered while it runs. Stop it with Ctrl-C (SIGINT) or SIGTERM.
            """)

    @OptionGroup var account: AccountOption

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port: Int = EndpointServer.defaultPort

    @Option(name: .long, help: "The address to listen on; anything but loopback lets other machines in.")
    var host: String = "127.0.0.1"

    @Flag(name: .customLong("write-profile"),
          help: "Write an `overcast` profile (this endpoint and the root keys) to ~/.aws/config and ~/.aws/credentials, touching no other profile, so `aws --profile overcast s3 ls` works.")
    var writeProfile = false

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port).") }
    }

    func run() throws {
        let opened = try account.open()
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            FileHandle.standardError.write(Data(
                "Warning: listening on \(host), not loopback: anyone who can reach this machine can try the account's keys.\n".utf8))
        }
        opened.events.start()
        opened.logs.startRetentionSweeps()
        defer {
            opened.events.stop()
            opened.logs.stopRetentionSweeps()
            try? opened.activity.flush()
        }
        let server = EndpointServer(account: opened, host: host, port: port)
        let done = DispatchSemaphore(value: 0)
        let failure = LockedValue<(any Error)?>(nil)
        Task {
            do {
                try await server.run(stoppingOn: [.interrupt, .terminate]) { [writeProfile] bound in
                    Self.announce(opened, host: host, port: bound)
                    if writeProfile { Self.writeProfile(opened) }
                }
            } catch {
                failure.set(error)
            }
            done.signal()
        }
        done.wait()
        if let error = failure.get() {
            throw ValidationError("The endpoint stopped: \(error). Is port \(port) in use? Choose another with --port.")
        }
        print("Stopped.")
    }

    static func announce(_ account: Account, host: String, port: Int) {
        let key = try? account.iam.rootAccessKey()
        let url = account.endpoint.url ?? EndpointServer.clientURL(host: host, port: port)
        // Written straight to the descriptor: a script reading the pipe sees it at once.
        FileHandle.standardOutput.write(Data("""
            Overcast endpoint: \(url)  (account \(account.accountID), \(account.region))
              AWS_ENDPOINT_URL=\(url)
              AWS_ACCESS_KEY_ID=\(key?.accessKeyID ?? "(no active root key)")
              AWS_SECRET_ACCESS_KEY=\(key?.secretAccessKey ?? "")
              AWS_DEFAULT_REGION=\(account.region)
            Ctrl-C stops it.

            """.utf8))
    }
}

extension ServeCommand {
    /// `--write-profile`: the `overcast` profile, pointing at this endpoint with the root's keys.
    static func writeProfile(_ account: Account) {
        do {
            FileHandle.standardOutput.write(Data((try account.writeAWSProfile() + "\n").utf8))
        } catch let error as EngineError {
            FileHandle.standardError.write(Data("Error: could not write the profile: \(error.message)\n".utf8))
        } catch {
            FileHandle.standardError.write(Data("Error: could not write the profile: \(error.localizedDescription)\n".utf8))
        }
    }
}
