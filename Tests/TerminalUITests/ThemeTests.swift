import Foundation
import Testing
import TerminalUI

@Suite struct ThemeTests {
    /// The repository's `themes/` folder, found from this file's location.
    static let themesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes")

    @Test func theRepositoryShipsThemes() {
        let names = Theme.available(in: Self.themesDirectory)
        #expect(names.contains("default"))
        #expect(names.count >= 3)
    }

    @Test(arguments: Theme.available(in: ThemeTests.themesDirectory))
    func everyThemeFileCoversEveryRole(name: String) throws {
        let theme = try Theme.load(named: name, in: Self.themesDirectory)
        #expect(theme.missingRoles.isEmpty, "\(name).json lacks \(theme.missingRoles.map(\.rawValue))")
        #expect(theme.name == name)
        #expect(!theme.description.isEmpty)
    }

    @Test func monochromeCoversEveryRoleAndUsesNoColour() {
        #expect(Theme.monochrome.missingRoles.isEmpty)
        for role in StyleRole.allCases {
            let style = Theme.monochrome.style(for: role)
            #expect(style.foreground == .terminalDefault && style.background == .terminalDefault)
        }
        #expect(Theme.monochrome.style(for: .selection).reverse)
    }

    @Test func unknownRoleIsReportedByName() {
        let json = #"{"name": "typo", "styles": {"normal": {}, "selecton": {"fg": 4}}}"#
        #expect(throws: ThemeError.unknownRoles(["selecton"])) { try Theme(jsonData: Data(json.utf8)) }
    }

    @Test func badColourSaysWhatIsAllowed() {
        let json = #"{"name": "bad", "styles": {"normal": {"fg": "purple"}}}"#
        do {
            _ = try Theme(jsonData: Data(json.utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("unknown colour \"purple\""))
            #expect(error.description.contains("styles.normal.fg"))
        }
    }

    @Test func missingRolesFallBackToNormal() throws {
        let json = #"{"name": "partial", "styles": {"normal": {"fg": "green"}}}"#
        let theme = try Theme(jsonData: Data(json.utf8))
        #expect(theme.style(for: .error).foreground == .named(.green))
        #expect(theme.missingRoles.count == StyleRole.allCases.count - 1)
    }

    @Test func coloursDegradeToEightColours() {
        #expect(ThemeColor.indexed(75, fallback: nil).number(forColorCount: 256) == 75)
        #expect(ThemeColor.indexed(75, fallback: .magenta).number(forColorCount: 8) == NamedColor.magenta.index)
        #expect(ThemeColor.indexed(196, fallback: nil).number(forColorCount: 8) == NamedColor.red.index)
        #expect(ThemeColor.named(.brightBlue).number(forColorCount: 8) == NamedColor.blue.index)
        #expect(ThemeColor.named(.brightBlue).number(forColorCount: 16) == 12)
        #expect(ThemeColor.terminalDefault.number(forColorCount: 256) == -1)
    }

    @Test func hexColoursMapToTheNearestPaletteEntry() throws {
        let json = ##"{"name": "hex", "styles": {"normal": {"fg": "#ff0000", "bg": {"index": 17, "fallback": "blue"}}}}"##
        let theme = try Theme(jsonData: Data(json.utf8))
        #expect(theme.style(for: .normal).foreground == .indexed(196, fallback: nil))
        #expect(theme.style(for: .normal).background == .indexed(17, fallback: .blue))
    }

    @Test func themesRoundTripThroughJSON() throws {
        let theme = try Theme.load(named: "default", in: Self.themesDirectory)
        #expect(try Theme(jsonData: theme.jsonData()) == theme)
    }
}
