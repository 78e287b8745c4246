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

    /// The demo's config file (its signal file sits beside it).
    public static var demoConfig: String {
        guard let url = Bundle.module.url(forResource: "Demo", withExtension: nil) else {
            preconditionFailure("the Runtime resource bundle has no Demo directory")
        }
        return url.appendingPathComponent("demo.json").path
    }
}
