import CursesTerminal
import Testing
import TerminalUI

@Suite struct ColorModeTests {
    @Test func noColorWinsOverTheTerminal() {
        #expect(ColorMode.decide(environment: ["NO_COLOR": "1"], hasColors: true, colors: 256) == .none)
        #expect(ColorMode.decide(environment: ["NO_COLOR": ""], hasColors: true, colors: 256) == .palette(colors: 256))
    }

    @Test func paletteFollowsTheTerminal() {
        #expect(ColorMode.decide(environment: [:], hasColors: true, colors: 16_777_216) == .palette(colors: 256))
        #expect(ColorMode.decide(environment: [:], hasColors: true, colors: 16) == .palette(colors: 16))
        #expect(ColorMode.decide(environment: [:], hasColors: true, colors: 8) == .palette(colors: 8))
        #expect(ColorMode.decide(environment: [:], hasColors: false, colors: 0) == .none)
    }

    @Test func noColourMeansTheMonochromeTheme() {
        let theme = Theme(name: "x", styles: [.normal: TextStyle(foreground: .named(.red))])
        #expect(ColorMode.none.effectiveTheme(theme) == .monochrome)
        #expect(ColorMode.palette(colors: 8).effectiveTheme(theme) == theme)
    }
}
