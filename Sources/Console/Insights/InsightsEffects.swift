import CloudEngine
import Foundation

/// The Insights view's engine calls and history file, run by the effect runner off the UI thread.
struct InsightsEffects {
    let account: Account
    let caller: Caller
    let send: @Sendable (ConsoleAction) -> Void

    func perform(_ effect: InsightsEffect) {
        func answer(_ action: InsightsAction) { send(.insights(action)) }
        switch effect {
        case .loadGroups:
            do {
                answer(.groupsLoaded(try allGroups()))
            } catch {
                answer(.groupsLoadFailed(ConsoleError(error)))
            }
        case .loadHistory(let path):
            answer(.historyLoaded(InsightsHistoryFile.read(path)))
        case .saveHistory(let path, let entries):
            // A history that cannot be kept is not worth interrupting anyone for: the session still has it.
            try? InsightsHistoryFile.write(entries, to: path)
        case .runQuery(let request):
            let started = DispatchTime.now()
            do {
                let result = try account.logs.runQuery(request.query, groups: request.groups,
                                                       start: Date(timeIntervalSince1970: request.start),
                                                       end: Date(timeIntervalSince1970: request.end), caller: caller)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
                answer(.queryFinished(InsightsRun(request: request, result: result, seconds: seconds)))
            } catch {
                answer(.queryFailed(id: request.id, ConsoleError(error)))
            }
        }
    }

    /// Every group's name, page by page (DescribeLogGroups gives 50 at a time); at most 1,000 are offered.
    private func allGroups() throws -> [String] {
        var names: [String] = []
        var token: String?
        repeat {
            let page = try account.logs.describeLogGroups(nextToken: token, caller: caller)
            names += page.items.map(\.name)
            token = page.nextToken
        } while token != nil && names.count < 1000
        return names
    }
}
