import Foundation

/// The sample data bundled with Huice (see SampleData/README.md for provenance and licences) and
/// the demo that runs on it.
public enum SampleDataSet {
    /// The directory of sample market data files.
    public static var dataDirectory: String {
        guard let url = Bundle.module.url(forResource: "SampleData", withExtension: nil) else {
            preconditionFailure("the Runtime resource bundle has no SampleData directory")
        }
        return url.path
    }

    /// The directory of the bundled ILLUSTRATIVE factor files (`SampleData/factors`: synthetic
    /// fundamentals and sentiment for the sample stocks; see its README). They exist to exercise
    /// the factor import, point-in-time and vintage logic, not to research with.
    public static var factorDirectory: String {
        (dataDirectory as NSString).appendingPathComponent("factors")
    }

    /// The bundled factor files (daily_basic, fina_indicator and sentiment CSVs), sorted by name.
    public static var factorFiles: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: factorDirectory)) ?? []
        return names.filter { $0.hasSuffix(".csv") }.sorted()
            .map { URL(fileURLWithPath: (factorDirectory as NSString).appendingPathComponent($0)) }
    }

    /// The demo's config file (its signal file sits beside it).
    public static var demoConfig: String {
        guard let url = Bundle.module.url(forResource: "Demo", withExtension: nil) else {
            preconditionFailure("the Runtime resource bundle has no Demo directory")
        }
        return url.appendingPathComponent("demo.json").path
    }
}
