import Foundation
import GRDB
import IAMPolicy

extension FunctionsService {
    // MARK: - Execution roles

    /// The path the Lambda console gives the roles and policies it creates.
    public static let serviceRolePath = "/service-role/"

    /// The roles a function may use as its execution role: those whose trust policy lets
    /// `lambda.amazonaws.com` assume them, decided as CreateFunction decides it. By name.
    /// Authorized as `iam:ListRoles`.
    public func lambdaExecutionRoles(caller: Caller) throws -> [IAMRole] {
        let iam = account.iam
        return try account.read { db in
            try iam.listEntities(.role, pathPrefix: "/", caller: caller, db)
                .filter { Self.lambdaMayAssume(roleARN: $0.arn, roleName: $0.name, trustPolicy: $0.row["trust_policy"]) }
                .map { try iam.role(from: $0, db) }
        }
    }

    /// What the Lambda console's "Create a new role with basic Lambda permissions" does for function `name`:
    /// role `NAME-role-xxxxxxxx` at `/service-role/` trusting `lambda.amazonaws.com`, a customer managed policy
    /// `AWSLambdaBasicExecutionRole-UUID` at `/service-role/` allowing the function to write its logs
    /// (`logs:CreateLogGroup` in the account and region, `logs:CreateLogStream` and `logs:PutLogEvents` in
    /// `/aws/lambda/NAME`), and the policy attached to the role.
    ///
    /// Each step is the IAM call made as `caller`, so the caller's IAM permissions apply
    /// (`iam:CreateRole`, `iam:CreatePolicy`, `iam:AttachRolePolicy`). When a step fails, what the earlier
    /// ones created is removed again and the step's error is thrown. The function name is checked first,
    /// with Lambda's rules, so a bad name creates nothing.
    public func createBasicExecutionRole(forFunction name: String, caller: Caller) throws -> IAMRole {
        let functionName = try FunctionRules.reference(name, accountID: account.accountID, region: account.region,
                                                       allowQualifier: false).name
        let iam = account.iam
        // A function name may have 64 characters and a role name too: keep room for "-role-" and the suffix.
        let suffix = account.ids.string(8, alphabet: "abcdefghijklmnopqrstuvwxyz0123456789")
        let roleName = "\(functionName.prefix(IAMNames.roleNameMax - 14))-role-\(suffix)"
        let role = try iam.createRole(roleName, trustPolicy: Self.lambdaTrustPolicy, path: Self.serviceRolePath, caller: caller)
        let policy: IAMManagedPolicy
        do {
            policy = try iam.createPolicy("AWSLambdaBasicExecutionRole-\(account.ids.uuid())",
                                          document: basicExecutionPolicy(function: functionName),
                                          path: Self.serviceRolePath, caller: caller)
        } catch {
            undo { try iam.deleteRole(roleName, caller: .root) }
            throw error
        }
        do {
            try iam.attachPolicy(policy.arn, to: .role(roleName), caller: caller)
        } catch {
            undo { try iam.deletePolicy(policy.arn, caller: .root) }
            undo { try iam.deleteRole(roleName, caller: .root) }
            throw error
        }
        return role
    }

    /// Takes back what `createBasicExecutionRole` made, when the function it was for could not be created:
    /// detaches and deletes the role's `AWSLambdaBasicExecutionRole-` policies, then deletes the role. Runs as
    /// the root, like the undo steps above, and touches only a role at `/service-role/` with such policies.
    public func removeBasicExecutionRole(_ role: IAMRole) throws {
        guard role.path == Self.serviceRolePath else { return }
        let iam = account.iam
        for attached in try iam.attachedPolicies(of: .role(role.name), caller: .root) {
            try iam.detachPolicy(attached.arn, from: .role(role.name), caller: .root)
            if attached.name.hasPrefix("AWSLambdaBasicExecutionRole-"), attached.arn.contains(":policy/service-role/") {
                try iam.deletePolicy(attached.arn, caller: .root)
            }
        }
        try iam.deleteRole(role.name, caller: .root)
    }

    // MARK: - Documents

    /// The trust policy of a role Lambda may assume, as the console writes it.
    static let lambdaTrustPolicy = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}
        """

    /// The console's AWSLambdaBasicExecutionRole policy for one function: only its own log group.
    func basicExecutionPolicy(function: String) -> String {
        let logs = "arn:aws:logs:\(account.region):\(account.accountID)"
        return """
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": "logs:CreateLogGroup",
                        "Resource": \(JSONString.quoted("\(logs):*"))
                    },
                    {
                        "Effect": "Allow",
                        "Action": [
                            "logs:CreateLogStream",
                            "logs:PutLogEvents"
                        ],
                        "Resource": [
                            \(JSONString.quoted("\(logs):log-group:/aws/lambda/\(function):*"))
                        ]
                    }
                ]
            }
            """
    }

    /// Undoes a step of a call that failed later. Undo steps do not ask for the caller's permission (the IAM
    /// ones run as the root): they remove only what this same call has just created, and a caller allowed
    /// to create but not to delete must not be left with half of it. A failure here is dropped so the
    /// caller sees the error that made the call fail.
    func undo(_ step: () throws -> Void) {
        do { try step() } catch {}
    }
}
