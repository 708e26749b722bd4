import Testing
import TerminalUI

@Suite struct LayoutTests {
    @Test func regionsTileTheScreen() {
        let layout = AppLayout.compute(size: Size(width: 120, height: 40), dockedPane: DockedPane(height: 10))
        #expect(layout.header == Rect(x: 0, y: 0, width: 120, height: 1))
        #expect(layout.sidebar == Rect(x: 0, y: 1, width: 18, height: 38))
        #expect(layout.main == Rect(x: 18, y: 1, width: 102, height: 28))
        #expect(layout.docked == Rect(x: 18, y: 29, width: 102, height: 10))
        #expect(layout.footer == Rect(x: 0, y: 39, width: 120, height: 1))
    }

    @Test func dockedPaneGivesWayToTheMainPanel() {
        var pane = DockedPane(height: 30, minimumHeight: 4, minimumRemaining: 8)
        #expect(pane.effectiveHeight(available: 22) == 14)
        #expect(pane.effectiveHeight(available: 11) == 0)
        pane.resize(by: -100)
        #expect(pane.height == 4)
        pane.toggle()
        #expect(pane.effectiveHeight(available: 40) == 0)
    }

    @Test func narrowScreensHideTheSidebar() {
        let layout = AppLayout.compute(size: Size(width: 70, height: 24))
        #expect(layout.sidebar.isEmpty)
        #expect(layout.main.width == 70)
    }

    @Test func rectangleCarving() {
        let rect = Rect(x: 2, y: 3, width: 10, height: 6)
        #expect(rect.inset(by: 1) == Rect(x: 3, y: 4, width: 8, height: 4))
        #expect(rect.splitTop(2).1 == Rect(x: 2, y: 5, width: 10, height: 4))
        #expect(rect.splitRight(3).1 == Rect(x: 9, y: 3, width: 3, height: 6))
        #expect(rect.centered(Size(width: 4, height: 2)) == Rect(x: 5, y: 5, width: 4, height: 2))
        #expect(rect.inset(by: 10).isEmpty)
        #expect(rect.intersection(Rect(x: 20, y: 20, width: 1, height: 1)).isEmpty)
    }
}
