import CloudEngine
import TerminalUI

/// The Buckets panel as the shell sees it (see `ConsolePanel`).
enum BucketsPanel: ConsolePanel {
    static func bindings(_ state: ConsoleState) -> PanelBindings {
        let b = state.buckets
        if let modal = b.modal { return .exclusive(ConsoleBindings.dialog(modal)) }
        if b.transfer != nil { return .exclusive(ConsoleBindings.transfer) }
        switch b.screen {
        case .list: return .view(ConsoleBindings.bucketList(b))
        case .objects: return .view(ConsoleBindings.objects(b))
        case .details: return .view(ConsoleBindings.details(b))
        case .preview: return .view(ConsoleBindings.preview)
        }
    }

    static func helpTitle(_ state: ConsoleState) -> String {
        switch state.buckets.screen {
        case .list: return "Keys: buckets"
        case .objects: return "Keys: objects"
        case .details: return "Keys: object details"
        case .preview: return "Keys: preview"
        }
    }

    static func isNested(_ state: ConsoleState) -> Bool { state.buckets.screen != .list }

    static func filterDisabledReason(_ state: ConsoleState) -> String? {
        switch state.buckets.screen {
        case .list, .objects: return nil
        case .details, .preview: return "Filter works on lists"
        }
    }

    static func currentFilter(_ state: ConsoleState) -> String { BucketsReducer.currentFilter(state) }
    static func filterChanged(_ text: String) -> ConsoleAction { .buckets(.filterChanged(text)) }

    static func dialogKey(_ state: ConsoleState, _ event: KeyEvent) -> ConsoleAction? {
        state.buckets.modal == nil ? nil : .buckets(.dialogKeyPressed(event))
    }

    static func opened(_ state: inout ConsoleState) -> [ConsoleEffect] {
        state.buckets.bucketsLoaded ? [] : [.buckets(.listBuckets)]
    }

    static func showTopLevel(_ state: inout ConsoleState) {
        guard state.buckets.modal == nil, state.buckets.transfer == nil else { return }
        if let bucket = state.buckets.browser?.bucket.name {
            state.buckets.bucketTable.select(id: bucket, pageSize: ConsoleLayout(state).tablePageSize)
        }
        state.buckets.preview = nil
        state.buckets.details = nil
        state.buckets.browser = nil
    }

    static func back(_ state: inout ConsoleState) -> [ConsoleEffect] { BucketsReducer.back(&state) }
    static func refresh(_ state: inout ConsoleState) -> [ConsoleEffect] { BucketsReducer.refresh(&state) }
    static func accountChanged(_ state: inout ConsoleState, topics: Set<ChangeTopic>) -> [ConsoleEffect] {
        BucketsReducer.accountChanged(&state, topics: topics)
    }

    static func title(_ state: ConsoleState) -> String { BucketsView.title(state) }
    static func drawPanel(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        BucketsView.drawPanel(&buffer, state, layout)
    }
    static func drawOverlays(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        BucketsView.drawOverlays(&buffer, state, layout)
    }
    static func statusSpans(_ state: ConsoleState) -> [TextSpan] { BucketsView.statusSpans(state) }

    /// Every function's output: an upload here shows what it set off.
    static func logGroupPrefix(_ state: ConsoleState) -> String { LogTailState.functionGroupPrefix }
}
