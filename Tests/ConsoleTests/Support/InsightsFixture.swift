import CloudEngine
import Console
import Foundation
import TerminalUI

/// Log groups with events in the hour before the harness clock (2026-01-01 00:00 UTC), for the Insights view's tests.
///
/// `/aws/lambda/orders` has JSON lines in the five minutes before midnight, 2, 1, 3, 0 and 4 a minute (23:55 to
/// 23:59); `/aws/lambda/payments` two plain lines; `/ecs/web` (not a function's, so not queried by default) two.
extension ConsoleFixture {
    /// Milliseconds at 2026-01-01 00:00:00 UTC: the harness's `now`.
    static let midnight: Int64 = 1_767_225_600_000

    /// At `minute` minutes and `second` seconds past 23:00 on 2025-12-31.
    static func lateEvening(_ minute: Int, _ second: Int = 0) -> Int64 {
        midnight - 3_600_000 + Int64(minute) * 60_000 + Int64(second) * 1000
    }

    func insightsAccount() throws {
        try put("/aws/lambda/orders", "2025/12/31/[$LATEST]0a1b2c3d", [
            (Self.lateEvening(55, 5), #"{"level":"INFO","msg":"order placed","orderId":"o-1001","ms":42}"#),
            (Self.lateEvening(55, 40), #"{"level":"INFO","msg":"order placed","orderId":"o-1002","ms":38}"#),
            (Self.lateEvening(56, 12), #"{"level":"ERROR","msg":"payment declined","orderId":"o-1003","ms":310}"#),
            (Self.lateEvening(57, 1), #"{"level":"INFO","msg":"order placed","orderId":"o-1004","ms":51}"#),
            (Self.lateEvening(57, 20), #"{"level":"WARN","msg":"stock low","orderId":"o-1004","ms":12}"#),
            (Self.lateEvening(57, 59), #"{"level":"INFO","msg":"order shipped","orderId":"o-1001","ms":95}"#),
            (Self.lateEvening(59, 2), #"{"level":"INFO","msg":"order placed","orderId":"o-1005","ms":40}"#),
            (Self.lateEvening(59, 15), #"{"level":"ERROR","msg":"payment declined","orderId":"o-1006","ms":280}"#),
            (Self.lateEvening(59, 30), #"{"level":"INFO","msg":"order placed","orderId":"o-1007","ms":44}"#),
            (Self.lateEvening(59, 45), #"{"level":"INFO","msg":"order shipped","orderId":"o-1002","ms":90}"#),
        ])
        try put("/aws/lambda/payments", "2025/12/31/[$LATEST]9f8e7d6c", [
            (Self.lateEvening(20), "START RequestId: 5c1a Version: $LATEST"),
            (Self.lateEvening(21), "charged card ending 4242"),
        ])
        try put("/ecs/web", "web/nginx/1", [
            (Self.lateEvening(30), "GET /health 200"),
            (Self.lateEvening(31), "GET /orders 500"),
        ])
    }

    private func put(_ group: String, _ stream: String, _ events: [(Int64, String)]) throws {
        try account.logs.createLogGroup(group, caller: .root)
        try account.logs.createLogStream(group: group, stream: stream, caller: .root)
        try account.logs.putLogEvents(group: group, stream: stream,
                                      events: events.map { InputLogEvent(timestamp: $0.0, message: $0.1) }, caller: .root)
    }

    /// `:insights`.
    func openInsights() {
        harness.press(":")
        harness.type("insights")
        harness.press("enter")
    }

    /// Replaces the query (from the editor, or from the results with `e`), runs it, and fixes the measured time.
    func runQuery(_ text: String) {
        if !harness.state.insights.editing { harness.press("e") }
        harness.press("ctrl+u")
        harness.type(text)
        harness.press("enter")
        fixElapsed()
    }

    /// The run's measured time, which varies from run to run, set to 0.42 s for the screen.
    func fixElapsed() {
        harness.update { $0.insights.result?.seconds = 0.42 }
    }

    /// The result's rows as the engine gave them ("" where a row has no such field).
    var insightsRows: [[String]] {
        harness.state.insights.result?.result.rows.map { $0.map { $0 ?? "" } } ?? []
    }
}
