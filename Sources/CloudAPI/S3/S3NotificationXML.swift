import CloudEngine
import Foundation

/// A bucket's NotificationConfiguration in S3's XML: `CloudFunctionConfiguration` (what boto3 sends and S3
/// answers; `LambdaFunctionConfiguration` is read too) with Id, the function's ARN, Events and a key Filter.
enum S3NotificationXML {
    static func read(_ body: Data) throws -> NotificationConfiguration {
        let root = try XMLTree.parse(body)
        guard root.name == "NotificationConfiguration" else { throw XMLTree.malformed }
        var rules: [LambdaFunctionConfiguration] = []
        for element in root.children {
            switch element.name {
            case "CloudFunctionConfiguration", "LambdaFunctionConfiguration":
                rules.append(try rule(element))
            case "TopicConfiguration", "QueueConfiguration", "EventBridgeConfiguration":
                throw EngineError.invalidArgument("Unable to validate the following destination configurations: Overcast delivers events to Lambda functions only (\(element.name) is not supported).")
            default:
                throw XMLTree.malformed
            }
        }
        return NotificationConfiguration(lambdaFunctionConfigurations: rules)
    }

    private static func rule(_ element: XMLTree) throws -> LambdaFunctionConfiguration {
        guard let arn = element.value("CloudFunction") ?? element.value("LambdaFunctionArn"), !arn.isEmpty else { throw XMLTree.malformed }
        let events = element.children("Event").map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
        var prefix: String?
        var suffix: String?
        for filterRule in element.child("Filter")?.child("S3Key")?.children("FilterRule") ?? [] {
            let value = filterRule.child("Value")?.text ?? ""
            switch filterRule.value("Name")?.lowercased() {
            case "prefix" where prefix == nil: prefix = value
            case "suffix" where suffix == nil: suffix = value
            case "prefix", "suffix":
                throw EngineError.invalidArgument("Cannot specify more than one prefix rule in a filter.")
            default:
                throw EngineError.invalidArgument("filter rule name must be either prefix or suffix")
            }
        }
        let id = element.value("Id").flatMap { $0.isEmpty ? nil : $0 } ?? UUID().uuidString
        return LambdaFunctionConfiguration(id: id, functionARN: arn, events: events, prefix: prefix, suffix: suffix)
    }

    static func write(_ configuration: NotificationConfiguration) -> String {
        var xml = #"<NotificationConfiguration xmlns="\#(S3Handler.namespace)">"#
        for rule in configuration.lambdaFunctionConfigurations {
            xml += "<CloudFunctionConfiguration>" + XMLText.element("Id", rule.id)
            if rule.prefix != nil || rule.suffix != nil {
                xml += "<Filter><S3Key>"
                if let prefix = rule.prefix { xml += "<FilterRule>" + XMLText.element("Name", "Prefix") + XMLText.element("Value", prefix) + "</FilterRule>" }
                if let suffix = rule.suffix { xml += "<FilterRule>" + XMLText.element("Name", "Suffix") + XMLText.element("Value", suffix) + "</FilterRule>" }
                xml += "</S3Key></Filter>"
            }
            xml += XMLText.element("CloudFunction", rule.functionARN)
            for event in rule.events { xml += XMLText.element("Event", event) }
            xml += "</CloudFunctionConfiguration>"
        }
        return xml + "</NotificationConfiguration>"
    }
}
