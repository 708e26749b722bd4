import GRDB

/// A table, index, view or trigger, as `sqlite_master` lists it.
struct SchemaObject: Hashable, Comparable, Sendable, CustomStringConvertible {
    let type: String
    let name: String

    var description: String { "\(type) \(name)" }

    static func < (lhs: SchemaObject, rhs: SchemaObject) -> Bool {
        (lhs.type, lhs.name) < (rhs.type, rhs.name)
    }

    /// Everything in `db`'s schema except SQLite's own objects (`sqlite_sequence`, `sqlite_autoindex_…`).
    static func all(in db: Database) throws -> Set<SchemaObject> {
        let rows = try Row.fetchAll(db, sql: "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
        return Set(rows.map { SchemaObject(type: $0["type"], name: $0["name"]) })
    }
}

extension AccountSchema {
    /// What a file that records `applied` migrations lacks: the schema objects those migrations create, and records of earlier ones.
    ///
    /// The expectation comes from running this same migrator on an empty
    /// in-memory database, so it cannot go stale when a migration is added.
    /// A missing record matters too: the migrator would run that migration again.
    static func missingParts(applied: Set<String>, present: Set<SchemaObject>) throws -> [String] {
        let migrations = migrator.migrations
        // The application id comes with the first migration, so an account has at least that one even if its record is gone.
        guard let last = migrations.last(where: applied.contains) ?? migrations.first,
              let position = migrations.firstIndex(of: last),
              let expected = try expectedObjects()[last] else { return [] }
        let missingObjects = expected.subtracting(present).sorted().map(\.description)
        guard present.contains(SchemaObject(type: "table", name: "grdb_migrations")) else { return missingObjects }
        let missingRecords = migrations[...position].filter { !applied.contains($0) }.map { "the record of migration \($0)" }
        return missingObjects + missingRecords
    }

    /// The schema after each migration, by identifier; built once.
    static func expectedObjects() throws -> [String: Set<SchemaObject>] {
        if let expectedCache { return expectedCache }
        // Only when the first build failed: build again so the caller gets its error.
        return try buildExpectedObjects()
    }

    private static let expectedCache: [String: Set<SchemaObject>]? = try? buildExpectedObjects()

    private static func buildExpectedObjects() throws -> [String: Set<SchemaObject>] {
        let migrator = Self.migrator
        let queue = try DatabaseQueue()
        var expected: [String: Set<SchemaObject>] = [:]
        for identifier in migrator.migrations {
            try migrator.migrate(queue, upTo: identifier)
            expected[identifier] = try queue.read { try SchemaObject.all(in: $0) }
        }
        return expected
    }
}
