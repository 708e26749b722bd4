import GRDB

/// The IAM and STS tables. Frozen once shipped: change them with a new migration.
///
/// Users, groups and roles are keyed by their unique id (`AIDA…`, `AGPA…`,
/// `AROA…`), so a user deleted and created again under the same name does not
/// inherit what the old one had, as in IAM. Names are unique without regard to
/// case (`COLLATE NOCASE`), as IAM requires.
///
/// Inline policies, attachments and tags hang off any of the three kinds of
/// principal through `(principal_kind, principal_id)`; the service refuses to
/// delete a principal that still has any (DeleteConflict), so none is orphaned.
/// Attachments name a policy by ARN because AWS managed policies live in the
/// catalog shipped with the engine, not in the database.
enum IAMSchema {
    static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE iam_users (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                path TEXT NOT NULL,
                created_at REAL NOT NULL,
                permissions_boundary TEXT
            ) WITHOUT ROWID;

            CREATE TABLE iam_groups (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                path TEXT NOT NULL,
                created_at REAL NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE iam_group_members (
                group_id TEXT NOT NULL REFERENCES iam_groups(id),
                user_id TEXT NOT NULL REFERENCES iam_users(id),
                added_at REAL NOT NULL,
                PRIMARY KEY (group_id, user_id)
            ) WITHOUT ROWID;
            CREATE INDEX iam_group_members_by_user ON iam_group_members(user_id, group_id);

            CREATE TABLE iam_roles (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                path TEXT NOT NULL,
                trust_policy TEXT NOT NULL,
                description TEXT,
                max_session_duration INTEGER NOT NULL DEFAULT 3600,
                created_at REAL NOT NULL,
                permissions_boundary TEXT,
                last_used_at REAL,
                last_used_region TEXT
            ) WITHOUT ROWID;

            -- Customer managed policies; AWS managed ones are in the engine's catalog.
            CREATE TABLE iam_policies (
                arn TEXT PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                path TEXT NOT NULL,
                description TEXT,
                default_version TEXT NOT NULL,
                next_version INTEGER NOT NULL,
                created_at REAL NOT NULL,
                updated_at REAL NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE iam_policy_versions (
                policy_arn TEXT NOT NULL REFERENCES iam_policies(arn) ON DELETE CASCADE,
                version_id TEXT NOT NULL,
                document TEXT NOT NULL,
                created_at REAL NOT NULL,
                PRIMARY KEY (policy_arn, version_id)
            ) WITHOUT ROWID;

            -- Managed policies (customer or AWS) attached to a user, group or role.
            CREATE TABLE iam_attachments (
                principal_kind TEXT NOT NULL CHECK (principal_kind IN ('user', 'group', 'role')),
                principal_id TEXT NOT NULL,
                policy_arn TEXT NOT NULL,
                attached_at REAL NOT NULL,
                PRIMARY KEY (principal_kind, principal_id, policy_arn)
            ) WITHOUT ROWID;
            CREATE INDEX iam_attachments_by_policy ON iam_attachments(policy_arn);

            CREATE TABLE iam_inline_policies (
                principal_kind TEXT NOT NULL CHECK (principal_kind IN ('user', 'group', 'role')),
                principal_id TEXT NOT NULL,
                name TEXT NOT NULL COLLATE NOCASE,
                document TEXT NOT NULL,
                PRIMARY KEY (principal_kind, principal_id, name)
            ) WITHOUT ROWID;

            CREATE TABLE iam_tags (
                principal_kind TEXT NOT NULL CHECK (principal_kind IN ('user', 'role')),
                principal_id TEXT NOT NULL,
                key TEXT NOT NULL COLLATE NOCASE,
                value TEXT NOT NULL,
                PRIMARY KEY (principal_kind, principal_id, key)
            ) WITHOUT ROWID;

            -- Long-term keys: a user's (user_id set) or the account root's (user_id NULL).
            CREATE TABLE iam_access_keys (
                id TEXT PRIMARY KEY,
                user_id TEXT REFERENCES iam_users(id),
                secret TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('Active', 'Inactive')),
                created_at REAL NOT NULL,
                last_used_at REAL,
                last_used_service TEXT,
                last_used_region TEXT
            ) WITHOUT ROWID;
            CREATE INDEX iam_access_keys_by_user ON iam_access_keys(user_id);

            -- Temporary credentials from AssumeRole. The role's name and path are copied so the
            -- session keeps its identity if the role is deleted (it then has no permissions).
            CREATE TABLE sts_sessions (
                access_key_id TEXT PRIMARY KEY,
                secret TEXT NOT NULL,
                session_token TEXT NOT NULL,
                role_id TEXT NOT NULL,
                role_name TEXT NOT NULL,
                role_path TEXT NOT NULL,
                session_name TEXT NOT NULL,
                source_arn TEXT NOT NULL,
                created_at REAL NOT NULL,
                expires_at REAL NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX sts_sessions_by_expiry ON sts_sessions(expires_at);
            """)
    }
}
