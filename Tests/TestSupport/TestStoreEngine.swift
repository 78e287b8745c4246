import Foundation

/// A store engine the store tests run on: `@Test(arguments: TestStoreEngine.available)`.
public enum TestStoreEngine: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite
    case postgresql

    /// Names a PostgreSQL database the tests may create and drop schemas in, e.g.
    /// `postgres://huice:huice@127.0.0.1:55432/huice_test?sslmode=disable` (`.ci/run` starts such a server).
    public static let postgresURLVariable = "HUICE_TEST_POSTGRES_URL"

    /// The variable's value, nil when unset or empty.
    public static var postgresURL: String? {
        guard let text = ProcessInfo.processInfo.environment[postgresURLVariable], !text.isEmpty else { return nil }
        return text
    }

    /// SQLite always, PostgreSQL when `HUICE_TEST_POSTGRES_URL` is set. Without it the PostgreSQL
    /// cases are not in the test list at all (rather than passing without running).
    public static var available: [TestStoreEngine] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgresql]
    }

    public var description: String { rawValue }
}
