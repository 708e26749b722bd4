import CloudEngine
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A request body's XML as a tree of elements, for the bodies with structure (CompleteMultipartUpload's parts,
/// a NotificationConfiguration's rules). Element names are as sent, without a namespace prefix.
struct XMLTree: Equatable {
    var name: String
    var text: String = ""
    var children: [XMLTree] = []

    /// The first child named `name`.
    func child(_ name: String) -> XMLTree? { children.first { $0.name == name } }

    /// Every child named `name`, in order.
    func children(_ name: String) -> [XMLTree] { children.filter { $0.name == name } }

    /// The trimmed text of the first child named `name`.
    func value(_ name: String) -> String? { child(name).map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) } }

    /// The document element of `body`; MalformedXML when it does not parse.
    static func parse(_ body: Data) throws -> XMLTree {
        let parser = XMLParser(data: body)
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else { throw malformed }
        return root
    }

    static let malformed = EngineError(code: "MalformedXML", httpStatus: 400,
                                       message: "The XML you provided was not well-formed or did not validate against our published schema.")

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLTree] = []
        var root: XMLTree?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
            stack.append(XMLTree(name: local))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard let done = stack.popLast() else { return }
            if stack.isEmpty { root = done } else { stack[stack.count - 1].children.append(done) }
        }
    }
}
