import Foundation
import GRDB
import IAMPolicy

extension FunctionsService {
    // MARK: - Invoking through a URL

    /// Runs the function behind the URL `urlID` with `event` (the payload format 2.0 event the endpoint built).
    ///
    /// `AWS_IAM` URLs need a signed request: `caller` must be allowed `lambda:InvokeFunctionUrl`
    /// (condition key `lambda:FunctionUrlAuthType` = `AWS_IAM`). `NONE` URLs take unsigned requests, but, as on
    /// Lambda, only when the function policy allows `lambda:InvokeFunctionUrl` to everyone (`Principal: "*"`);
    /// otherwise 403 Forbidden. An unknown id is 404 (the URL does not exist).
    public func invokeFunctionURL(_ urlID: String, event: Data, caller: Caller?) throws -> InvocationResponse {
        let plan: InvocationPlan = try account.read { db in
            guard let record = try FunctionURLRecord.filter(Column("url_id") == urlID).fetchOne(db) else {
                throw EngineError(code: "ResourceNotFoundException", httpStatus: 404, message: "Not Found")
            }
            let reference = FunctionReference(name: record.functionName, qualifier: record.qualifier.isEmpty ? nil : record.qualifier)
            let arn = functionARN(reference.name, reference.qualifier)
            let context = ["lambda:FunctionUrlAuthType": [record.authType]]
            if record.authType == "AWS_IAM" {
                guard let caller else { throw Self.urlForbidden }
                try account.authorize(caller, "lambda:InvokeFunctionUrl", arn, context: context, db: db)
            } else if try !publiclyInvocable(reference, arn: arn, context: context, db) {
                throw Self.urlForbidden
            }
            return try invocationPlan(reference, db)
        }
        let invoked = functionARN(plan.configuration.functionName)
        return try run(plan, payload: event, requestID: account.ids.uuid(), recordID: nil, invokedARN: invoked)
    }

    /// The configuration of the URL `urlID` (its auth type and CORS settings, which the endpoint applies before
    /// any caller is known); nil when no function has that URL.
    public func functionURLConfig(id urlID: String) throws -> FunctionURLConfig? {
        try account.read { db in
            try FunctionURLRecord.filter(Column("url_id") == urlID).fetchOne(db).map(urlConfig)
        }
    }

    static let urlForbidden = EngineError(code: "AccessDeniedException", httpStatus: 403, message: "Forbidden")

    /// Whether the function policy lets an anonymous caller invoke the URL.
    private func publiclyInvocable(_ reference: FunctionReference, arn: String, context: [String: [String]],
                                   _ db: Database) throws -> Bool {
        let found = try statements(reference.name, qualifier: reference.qualifier ?? "", db)
        guard !found.isEmpty,
              let document = try? PolicyDocumentCache.shared.document(for: Self.policyDocument(found), kind: .resource)
        else { return false }
        let anonymous = PolicyCaller(kind: .user, arn: "anonymous", accountId: "")
        let request = PolicyRequest(caller: anonymous, action: "lambda:InvokeFunctionUrl", resource: arn,
                                    context: ConditionContext(context))
        let policy = ApplicablePolicy(name: "function policy of \(reference.name)", source: .resource, document: document)
        return PolicyEvaluator.evaluate(request: request, policies: [policy]).isAllowed
    }
}
