import CloudEngine
import Foundation

extension LogsHandler {
    /// The tagging operations: the older ones name a group, the newer ones its ARN (and their own IAM actions).
    func performTagging(_ operation: LogsOperation) throws -> Data {
        switch operation {
        case .TagLogGroup:
            let input = try body.decode(LogsShapes.TagLogGroup.self)
            try logs.tagLogGroup(input.logGroupName, tags: input.tags, caller: caller)
        case .UntagLogGroup:
            let input = try body.decode(LogsShapes.UntagLogGroup.self)
            try logs.untagLogGroup(input.logGroupName, keys: input.tags, caller: caller)
        case .ListTagsLogGroup:
            let group = try body.decode(LogsShapes.GroupName.self).logGroupName
            return try encode(LogsShapes.Tags(tags: try logs.listTagsLogGroup(group, caller: caller)))
        case .TagResource:
            let input = try body.decode(LogsShapes.TagResource.self)
            try logs.tagLogGroup(try logs.groupName(fromARN: input.resourceArn), tags: input.tags, action: "logs:TagResource",
                                 caller: caller)
        case .UntagResource:
            let input = try body.decode(LogsShapes.UntagResource.self)
            try logs.untagLogGroup(try logs.groupName(fromARN: input.resourceArn), keys: input.tagKeys, action: "logs:UntagResource",
                                   caller: caller)
        case .ListTagsForResource:
            let group = try logs.groupName(fromARN: try body.decode(LogsShapes.Resource.self).resourceArn)
            return try encode(LogsShapes.Tags(tags: try logs.listTagsLogGroup(group, action: "logs:ListTagsForResource", caller: caller)))
        default:
            throw EngineError.invalidLogParameter("\(operation.rawValue) is not a tagging operation.")
        }
        return try encode(LogsShapes.Empty())
    }
}
