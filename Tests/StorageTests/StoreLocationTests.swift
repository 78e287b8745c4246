import Testing
@testable import Storage

@Suite("Store locations")
struct StoreLocationTests {
    @Test("PostgreSQL URLs in both schemes are PostgreSQL locations, kept as written")
    func postgresURLs() throws {
        let url = "postgres://huice:s3cret@127.0.0.1:55432/huice_test?sslmode=disable"
        #expect(try StoreLocation(parsing: url) == .postgres(url: url))
        #expect(try StoreLocation(parsing: "postgresql://huice@db.example/huice") == .postgres(url: "postgresql://huice@db.example/huice"))
    }

    @Test("sqlite: URLs, plain paths and :memory: are SQLite locations")
    func sqliteLocations() throws {
        #expect(try StoreLocation(parsing: "sqlite:///var/lib/huice/huice.sqlite") == .sqlite(path: "/var/lib/huice/huice.sqlite"))
        #expect(try StoreLocation(parsing: "sqlite://huice-data/huice.sqlite") == .sqlite(path: "huice-data/huice.sqlite"))
        #expect(try StoreLocation(parsing: "sqlite:huice-data/huice.sqlite") == .sqlite(path: "huice-data/huice.sqlite"))
        #expect(try StoreLocation(parsing: "huice-data/huice.sqlite") == .sqlite(path: "huice-data/huice.sqlite"))
        #expect(try StoreLocation(parsing: "/tmp/a:b.sqlite") == .sqlite(path: "/tmp/a:b.sqlite"))
        #expect(try StoreLocation(parsing: ":memory:") == .sqlite(path: ":memory:"))
        #expect(try StoreLocation(parsing: "sqlite::memory:") == .sqlite(path: ":memory:"))
    }

    @Test("the parts of a PostgreSQL URL, with libpq's defaults for port and database")
    func urlParts() throws {
        let full = try PostgresURL(parsing: "postgres://huice:p%40ss@127.0.0.1:55432/huice_test?sslmode=disable&schema=tasks")
        #expect(full.user == "huice")
        #expect(full.password == "p@ss")
        #expect(full.host == "127.0.0.1")
        #expect(full.port == 55432)
        #expect(full.database == "huice_test")
        #expect(full.tls == .disable)
        #expect(full.schema == "tasks")
        let short = try PostgresURL(parsing: "postgresql://huice@localhost")
        #expect(short.port == 5432)
        #expect(short.database == "huice")
        #expect(short.password == nil)
        #expect(short.tls == .prefer)
        #expect(try PostgresURL(parsing: "postgres://u@[::1]:6000/d").host == "::1")
        #expect(try PostgresURL(parsing: "postgres://u@h/d?sslmode=verify-full").tls == .require)
    }

    @Test("the location shown drops the password and spells out port and database")
    func redacted() throws {
        let url = try PostgresURL(parsing: "postgres://huice:s3cret@127.0.0.1/huice_test?sslmode=disable")
        #expect(url.redacted == "postgres://huice@127.0.0.1:5432/huice_test?sslmode=disable")
        #expect(try StoreLocation(parsing: "postgresql://a:b@h:1/d").displayName == "postgresql://a@h:1/d")
        #expect(StoreLocation.sqlite(path: "x.sqlite").displayName == "x.sqlite")
    }

    @Test("bad locations are refused with the reason, and never echo the password",
          arguments: [
              ("", "the store location is empty (a file path or a postgres:// URL)"),
              ("postgres://127.0.0.1:5432/huice", "the URL names no user (expected postgres://USER:PASSWORD@HOST:PORT/DATABASE)"),
              ("postgres://huice:pw@/huice", "the URL names no host (expected postgres://USER:PASSWORD@HOST:PORT/DATABASE)"),
              ("postgres://huice:pw@h:70000/huice", "the port 70000 is not between 1 and 65535"),
              ("postgres://huice:pw@h/a/b", "the database name 'a/b' contains '/'"),
              ("postgres://huice:pw@h/d?sslmode=sometimes",
               "sslmode 'sometimes' is not one of disable, allow, prefer, require, verify-ca, verify-full"),
              ("postgres://huice:pw@h/d?pool=5", "unknown URL parameter 'pool' (accepted: sslmode, schema)"),
              ("postgres://huice:pw@h/d?schema=Bad-Name",
               "schema 'Bad-Name' must be a lower-case SQL identifier (letters a-z, digits, '_'; not starting with a digit)"),
              ("mysql://huice:pw@h/d", "the scheme 'mysql' is not a store (postgres://, postgresql://, sqlite:// or a file path)"),
              ("sqlite://", "the sqlite: location names no file (sqlite:PATH or sqlite:///ABSOLUTE/PATH)"),
          ])
    func badLocations(text: String, reason: String) {
        do {
            let location = try StoreLocation(parsing: text)
            Issue.record("\(text) parsed as \(location)")
        } catch let error as StorageError {
            #expect(error.reason == reason)
            #expect(!error.description.contains("pw@"))
            #expect(!error.description.contains(":pw"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("the error names the URL it refuses, password masked")
    func errorNamesURL() {
        #expect(throws: StorageError(file: "postgres://huice:***@h:99999/d", reason: "the port 99999 is not between 1 and 65535")) {
            try StoreLocation(parsing: "postgres://huice:pw@h:99999/d")
        }
    }
}
