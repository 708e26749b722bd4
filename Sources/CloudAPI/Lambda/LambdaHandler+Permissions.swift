import CloudEngine
import Foundation

extension LambdaHandler {
    // MARK: - Resource-based policy

    func addPermission(_ name: String) throws -> APIResponse {
        let input = try body
        let permission = FunctionPermission(
            statementID: try input.requiredString("StatementId"), action: try input.requiredString("Action"),
            principal: try input.requiredString("Principal"), sourceARN: try input.string("SourceArn"),
            sourceAccount: try input.string("SourceAccount"), functionURLAuthType: try input.string("FunctionUrlAuthType"))
        let statement = try functions.addPermission(function: name, permission, qualifier: qualifier, caller: caller)
        return json(["Statement": statement], status: 201)
    }

    func removePermission(_ name: String, statementID: String) throws -> APIResponse {
        try functions.removePermission(function: name, statementID: statementID, qualifier: qualifier, caller: caller)
        return LambdaJSON.empty(requestID: requestID)
    }

    func getPolicy(_ name: String) throws -> APIResponse {
        let policy = try functions.getPolicy(function: name, qualifier: qualifier, caller: caller)
        return json(["Policy": policy.policy, "RevisionId": policy.revisionID])
    }
}
