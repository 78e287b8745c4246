import Testing
@testable import Charts

@Suite("Scales and frames")
struct ScaleTests {
    @Test("a linear scale maps its domain onto its range, including a downward y range")
    func linearMapping() {
        let x = LinearScale(domain: 0...10, range: (100, 300))
        #expect(x(0) == 100)
        #expect(x(2.5) == 150)
        #expect(x(10) == 300)
        let y = LinearScale(domain: 8...13, range: (120, 20))
        #expect(y(8) == 120)
        #expect(y(11) == 60)  // 120 − 3 × 20
        #expect(y(13) == 20)
    }

    @Test("a zero-width domain maps to the middle of the range")
    func flatDomain() {
        #expect(LinearScale(domain: 5...5, range: (0, 100))(5) == 50)
    }

    @Test("nice ticks enclose the domain in steps of 1, 2 or 5 × 10^k")
    func niceTicks() {
        #expect(LinearScale(domain: 0...97, range: (0, 1)).ticks(count: 5) == [0, 20, 40, 60, 80, 100])
        #expect(LinearScale(domain: 0...1, range: (0, 1)).ticks(count: 10) == [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1])
        #expect(LinearScale(domain: -0.23...0.12, range: (0, 1)).ticks(count: 4) == [-0.3, -0.2, -0.1, 0, 0.1, 0.2])
        #expect(LinearScale(domain: 3.2...7.9, range: (0, 1)).ticks(count: 5) == [3, 4, 5, 6, 7, 8])
        #expect(LinearScale(domain: 0...1_234_567, range: (0, 1)).ticks(count: 3) == [0, 500_000, 1_000_000, 1_500_000])
        #expect(LinearScale(domain: 0...97, range: (0, 1)).nice(count: 5).domain == 0...100)
    }

    @Test("a band scale centres bars in equal steps with padding between them")
    func bands() {
        let band = BandScale(count: 3, range: (40, 340), padding: 0.2)
        #expect(band.step == 100)
        #expect(band.bandWidth == 80)
        #expect([0, 1, 2].map(band.centre) == [90, 190, 290])
        #expect(band.index(at: 139) == 0)
        #expect(band.index(at: 141) == 1)
        #expect(band.index(at: 341) == nil)
    }

    @Test("the plot rectangle is the frame less its margins")
    func frame() {
        let plot = ChartFrame(width: 360, height: 200, top: 20, right: 20, bottom: 30, left: 40).plot
        #expect(plot == ChartRect(x: 40, y: 20, width: 300, height: 150))
    }
}
