import Testing
import TerminalUI
import ScreenTesting

@Suite struct ProgressTests {
    @Test(arguments: [(Int64(0), "0 B"), (512, "512 B"), (1023, "1023 B"), (1024, "1.0 KiB"), (1_572_864, "1.5 MiB"),
                      (3_435_973_837, "3.2 GiB"), (-2048, "-2.0 KiB")])
    func bytes(count: Int64, text: String) {
        #expect(Formatting.bytes(count) == text)
    }

    @Test(arguments: [(0.4, "<1s"), (45, "45s"), (125, "2m 05s"), (3720, "1h 02m"), (273_600, "3d 04h")])
    func durations(seconds: Double, text: String) {
        #expect(Formatting.duration(seconds: seconds) == text)
    }

    @Test func ratesCountsAndPercentages() {
        #expect(Formatting.rate(bytesPerSecond: 839_680) == "820.0 KiB/s")
        #expect(Formatting.count(1_234_567) == "1,234,567")
        #expect(Formatting.count(-12) == "-12")
        #expect(Formatting.percent(0.999) == "99%")
        #expect(Formatting.percent(1) == "100%")
    }

    @Test func rateAndEtaComeFromElapsedTime() {
        let state = ProgressState(title: "Uploading", completedBytes: 1_572_864, totalBytes: 3_355_443, elapsedSeconds: 2)
        #expect(state.bytesPerSecond == 786_432)
        #expect(state.etaSeconds.map { Int($0.rounded()) } == 2)
        #expect(state.summary == "1.5 MiB of 3.2 MiB · 768.0 KiB/s · ETA 2s")
    }

    @Test func unknownTotalHasNoPercentOrEta() {
        let state = ProgressState(title: "Downloading", completedBytes: 10_000, elapsedSeconds: 0)
        #expect(state.fraction == nil && state.etaSeconds == nil)
        #expect(state.summary == "9.8 KiB")
    }

    @Test func barsAtSeveralPoints() {
        var buffer = ScreenBuffer(size: Size(width: 60, height: 8))
        let points: [(Int64, Int64?, Double)] = [(0, 4_000_000, 0), (1_572_864, 3_355_443, 2), (3_355_443, 3_355_443, 5),
                                                 (700_000, nil, 3)]
        for (index, point) in points.enumerated() {
            let state = ProgressState(title: "Uploading", completedBytes: point.0, totalBytes: point.1,
                                      elapsedSeconds: point.2, isCancellable: index == 1)
            buffer.render(ProgressBarView(state: state), in: Rect(x: 0, y: index * 2, width: 60, height: 2))
        }
        assertScreen(buffer, roles: true)
    }
}
