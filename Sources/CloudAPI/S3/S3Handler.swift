import CloudEngine
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import IAMPolicy

/// S3's REST API over the engine: each operation decodes the request, calls `StorageService` as the caller,
/// and encodes S3's answer. The engine authorizes.
struct S3Handler {
    let account: Account
    let caller: Caller
    let requestID: String
    let endpointHosts: Set<String>

    static let namespace = "http://s3.amazonaws.com/doc/2006-03-01/"

    func handle(_ request: APIRequest) -> APIResponse {
        let target = S3Target(rawPath: request.rawPath, host: request.header("host"), endpointHosts: endpointHosts)
        do {
            var request = request
            // Only object uploads read a streamed body as it comes; any other operation takes it whole (and small).
            if request.verifiedBody != nil && !Self.readsStream(request, target) {
                request.body = try request.wholeBody()
                request.verifiedBody = nil
            }
            return try route(request, target)
        } catch let error as EngineError {
            return S3ErrorResponse.response(error, requestID: requestID, method: request.method)
        } catch {
            return S3ErrorResponse.response(code: "InternalError", message: "We encountered an internal error: \(error). Please try again.",
                                            status: 500, resource: request.rawPath, requestID: requestID, method: request.method)
        }
    }

    /// PutObject and UploadPart store a streamed body as it arrives.
    static func readsStream(_ request: APIRequest, _ target: S3Target) -> Bool {
        guard request.method == "PUT", target.key != nil else { return false }
        let names = Set(request.query.keys.filter { !$0.hasPrefix("X-Amz-") && $0 != "x-id" })
        return names.isEmpty || names == ["partNumber", "uploadId"]
    }

    private func route(_ request: APIRequest, _ target: S3Target) throws -> APIResponse {
        // A presigned URL's signature parameters were checked already; they name no operation.
        let query = request.query.filter { !$0.key.hasPrefix("X-Amz-") }
        // A bucket sub-resource (`?policy`, `?notification`, …) is the query's only parameter.
        let subresource = query.count == 1 ? query.keys.first : nil
        let multipart = S3Multipart(account: account, caller: caller, requestID: requestID)
        switch (request.method, target.bucket, target.key) {
        case (let method, let bucket?, nil) where subresource.map { S3BucketConfiguration.handles(method, $0) } ?? false:
            return try S3BucketConfiguration(account: account, caller: caller, requestID: requestID)
                .handle(method, subresource ?? "", bucket: bucket, request: request)
        case ("GET", let bucket?, let key?) where subresource == "acl":
            return try S3BucketConfiguration(account: account, caller: caller, requestID: requestID).objectACL(bucket: bucket, key: key)
        case ("GET", let bucket?, nil) where query["uploads"] != nil && query.keys.allSatisfy(S3MultipartListing.parameters.contains):
            return try S3MultipartListing(account: account, caller: caller, requestID: requestID).list(bucket: bucket, query: query)
        case ("POST", let bucket?, let key?) where subresource == "uploads":
            return try multipart.create(bucket: bucket, key: key, request: request)
        case ("PUT", let bucket?, let key?) where query["partNumber"] != nil && query["uploadId"] != nil:
            let uploadID = query["uploadId"] ?? ""
            if request.header("x-amz-copy-source") != nil {
                return try multipart.uploadPartCopy(bucket: bucket, key: key, uploadID: uploadID, request: request)
            }
            return try multipart.uploadPart(bucket: bucket, key: key, uploadID: uploadID, request: request)
        case ("GET", let bucket?, let key?) where query["uploadId"] != nil:
            return try multipart.listParts(bucket: bucket, key: key, uploadID: query["uploadId"] ?? "", query: query)
        case ("POST", let bucket?, let key?) where query["uploadId"] != nil:
            return try multipart.complete(bucket: bucket, key: key, uploadID: query["uploadId"] ?? "", request: request)
        case ("DELETE", let bucket?, let key?) where query["uploadId"] != nil:
            return try multipart.abort(bucket: bucket, key: key, uploadID: query["uploadId"] ?? "")
        case ("GET", nil, nil):
            return try listBuckets()
        case ("PUT", let bucket?, nil) where query.isEmpty:
            return try createBucket(bucket, body: request.body)
        case ("HEAD", let bucket?, nil):
            let found = try account.storage.headBucket(bucket, caller: caller)
            return APIResponse(headers: [("x-amz-bucket-region", found.region), ("x-amz-request-id", requestID)])
        case ("DELETE", let bucket?, nil) where query.isEmpty:
            try account.storage.deleteBucket(bucket, caller: caller)
            return APIResponse(status: 204, headers: [("x-amz-request-id", requestID)])
        case ("GET", let bucket?, nil) where query["location"] != nil:
            let found = try account.storage.headBucket(bucket, caller: caller)
            // us-east-1 answers an empty LocationConstraint, as S3 does.
            let region = found.region == "us-east-1" ? "" : XMLText.escaped(found.region)
            return .xml(XMLText.declaration + #"<LocationConstraint xmlns="\#(Self.namespace)">\#(region)</LocationConstraint>"#)
        case ("GET", let bucket?, nil) where query.keys.allSatisfy(S3Listing.parameters.contains):
            return try S3Listing(account: account, caller: caller).list(bucket: bucket, query: query)
        case ("POST", let bucket?, nil) where query.keys.sorted() == ["delete"]:
            return try S3BulkOperations(account: account, caller: caller, requestID: requestID).deleteObjects(bucket: bucket, request: request)
        case ("PUT", let bucket?, let key?) where query.isEmpty && request.header("x-amz-copy-source") != nil:
            return try S3BulkOperations(account: account, caller: caller, requestID: requestID).copyObject(bucket: bucket, key: key, request: request)
        case ("PUT", let bucket?, let key?) where query.isEmpty && request.header("x-amz-copy-source") == nil:
            return try S3Objects(account: account, caller: caller, requestID: requestID).put(bucket: bucket, key: key, request: request)
        case ("GET", let bucket?, let key?) where query.keys.allSatisfy(S3Objects.getParameters.contains):
            return try S3Objects(account: account, caller: caller, requestID: requestID)
                .get(bucket: bucket, key: key, request: request, headOnly: false)
        case ("HEAD", let bucket?, let key?):
            return try S3Objects(account: account, caller: caller, requestID: requestID)
                .get(bucket: bucket, key: key, request: request, headOnly: true)
        case ("DELETE", let bucket?, let key?) where query.isEmpty:
            _ = try account.storage.deleteObject(bucket: bucket, key: key, caller: caller)
            return APIResponse(status: 204, headers: [("x-amz-request-id", requestID)])
        default:
            let what = ([request.method] + query.keys.sorted()).joined(separator: " ?")
            throw EngineError(code: "NotImplemented", httpStatus: 501,
                              message: "A header or query you provided requested a function that is not implemented (\(what)). Overcast's S3 endpoint does not have this operation yet.",
                              resource: request.rawPath)
        }
    }

    private func listBuckets() throws -> APIResponse {
        let buckets = try account.storage.listBuckets(caller: caller)
        var xml = XMLText.declaration + #"<ListAllMyBucketsResult xmlns="\#(Self.namespace)">"#
        xml += "<Owner>" + XMLText.element("ID", account.accountID) + XMLText.element("DisplayName", "overcast") + "</Owner><Buckets>"
        for bucket in buckets {
            xml += "<Bucket>" + XMLText.element("Name", bucket.name)
                + XMLText.element("CreationDate", UTCTimestamp(bucket.createdAt).iso8601Milliseconds)
                + XMLText.element("BucketRegion", bucket.region) + "</Bucket>"
        }
        return .xml(xml + "</Buckets></ListAllMyBucketsResult>", headers: [("x-amz-request-id", requestID)])
    }

    private func createBucket(_ name: String, body: Data) throws -> APIResponse {
        let region = try CreateBucketConfiguration.locationConstraint(in: body)
        do {
            _ = try account.storage.createBucket(name, region: region, caller: caller)
        } catch let error as EngineError where error.code == "BucketAlreadyOwnedByYou" && (region ?? account.region) == "us-east-1" {
            // In us-east-1 S3 answers 200 to recreating a bucket you own (a legacy behaviour people rely on).
        }
        return APIResponse(headers: [("Location", "/" + name), ("x-amz-request-id", requestID)])
    }
}

/// The optional body of CreateBucket: `<CreateBucketConfiguration><LocationConstraint>eu-west-1</…>`.
enum CreateBucketConfiguration {
    static func locationConstraint(in body: Data) throws -> String? {
        guard !body.isEmpty else { return nil }
        return try ElementTextReader.texts(of: "LocationConstraint", in: body).first.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// Collects the text of every element named `wanted`, in order.
final class ElementTextReader: NSObject, XMLParserDelegate {
    let wanted: String
    private(set) var texts: [String] = []
    private var inside = false

    init(wanted: String) { self.wanted = wanted }

    /// The first one's text.
    var text: String? { texts.first }

    /// The texts of `element` in `body`; MalformedXML when it does not parse.
    static func texts(of element: String, in body: Data) throws -> [String] {
        let parser = XMLParser(data: body)
        let reader = ElementTextReader(wanted: element)
        parser.delegate = reader
        guard parser.parse() else {
            throw EngineError(code: "MalformedXML", httpStatus: 400,
                              message: "The XML you provided was not well-formed or did not validate against our published schema.")
        }
        return reader.texts
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if elementName == wanted {
            inside = true
            texts.append("")
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inside, !texts.isEmpty { texts[texts.count - 1] += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == wanted { inside = false }
    }
}
