import Foundation

/// A function's code as it is handed to CreateFunction or UpdateFunctionCode.
public enum FunctionCode: Sendable, Equatable {
    /// The files of the deployment package, by relative path (`lambda_function.py`, `pkg/util.py`).
    case files([String: Data])
    /// A .zip deployment package (stored or deflated entries, ZIP64 too; no encryption or symbolic links), as boto3 and the CLI send it.
    case zip(Data)
}

/// The configuration of a function or of one of its published versions, as GetFunctionConfiguration reports it.
public struct FunctionConfiguration: Sendable, Equatable {
    public var functionName: String
    /// `arn:aws:lambda:REGION:ACCOUNT:function:NAME`, with `:VERSION` for a published version.
    public var functionARN: String
    public var runtime: String
    public var role: String
    public var handler: String
    /// Bytes of code (the sum of the files' sizes).
    public var codeSize: Int
    public var description: String
    public var timeout: Int
    public var memorySize: Int
    /// The size of the function's `/tmp` in MB (`EphemeralStorage.Size`), 512 by default.
    public var ephemeralStorageSize: Int
    public var lastModified: Date
    /// Base64 of the SHA-256 of the code (`CodeSha256`).
    public var codeSHA256: String
    /// `$LATEST` or a published version number.
    public var version: String
    public var environment: [String: String]
    /// Layer version ARNs, in the order they are applied.
    public var layers: [String]
    /// `Active` once created (functions here are ready at once).
    public var state: String
    public var revisionID: String

    /// `LastModified` as Lambda prints it: `2026-01-01T00:00:00.000+0000`.
    public var lastModifiedText: String { FunctionsService.lambdaTimestamp(lastModified) }
}

/// What CreateFunction and UpdateFunctionConfiguration may set; nil leaves a value as it is (or at its default).
public struct FunctionSettings: Sendable, Equatable {
    public var runtime: String?
    public var handler: String?
    public var role: String?
    public var memorySize: Int?
    public var timeout: Int?
    public var description: String?
    public var environment: [String: String]?
    public var layers: [String]?
    /// `EphemeralStorage.Size` in MB (512–10,240).
    public var ephemeralStorageSize: Int?

    public init(runtime: String? = nil, handler: String? = nil, role: String? = nil, memorySize: Int? = nil,
                timeout: Int? = nil, description: String? = nil, environment: [String: String]? = nil,
                layers: [String]? = nil, ephemeralStorageSize: Int? = nil) {
        self.ephemeralStorageSize = ephemeralStorageSize
        self.runtime = runtime
        self.handler = handler
        self.role = role
        self.memorySize = memorySize
        self.timeout = timeout
        self.description = description
        self.environment = environment
        self.layers = layers
    }
}

/// GetFunction: the configuration and where the code is (here: the files themselves are read with `codeFiles`).
public struct FunctionDetails: Sendable, Equatable {
    public var configuration: FunctionConfiguration
    /// The paths of the code files, sorted.
    public var codePaths: [String]
}

/// AddPermission's input: who may call which action on the function, and under which conditions.
public struct FunctionPermission: Sendable, Equatable {
    public var statementID: String
    /// `lambda:InvokeFunction`, `lambda:GetFunction`, `lambda:*`...
    public var action: String
    /// A service (`s3.amazonaws.com`), an account id, an ARN, or `*`.
    public var principal: String
    /// `aws:SourceArn`: only requests on behalf of this resource (ArnLike, so wildcards work).
    public var sourceARN: String?
    /// `aws:SourceAccount`: only requests on behalf of resources owned by this account.
    public var sourceAccount: String?
    /// `lambda:FunctionUrlAuthType`: only calls through a function URL with this auth type (`NONE`, `AWS_IAM`).
    public var functionURLAuthType: String?

    public init(statementID: String, action: String = "lambda:InvokeFunction", principal: String,
                sourceARN: String? = nil, sourceAccount: String? = nil, functionURLAuthType: String? = nil) {
        self.functionURLAuthType = functionURLAuthType
        self.statementID = statementID
        self.action = action
        self.principal = principal
        self.sourceARN = sourceARN
        self.sourceAccount = sourceAccount
    }
}

/// GetPolicy: the function's resource-based policy as JSON, and its revision.
public struct FunctionPolicy: Sendable, Equatable {
    public var policy: String
    public var revisionID: String
}

/// A layer version, as PublishLayerVersion and GetLayerVersion describe it.
public struct LayerVersion: Sendable, Equatable {
    public var layerName: String
    /// `arn:aws:lambda:REGION:ACCOUNT:layer:NAME`.
    public var layerARN: String
    /// `arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION`.
    public var layerVersionARN: String
    public var version: Int
    public var description: String
    public var compatibleRuntimes: [String]
    public var licenseInfo: String?
    public var createdDate: Date
    public var codeSHA256: String
    public var codeSize: Int
}

/// How an invocation ended.
public enum InvocationStatus: String, Sendable, Equatable, CaseIterable {
    /// Recorded when it starts; replaced by the outcome when it ends.
    case running = "Running"
    case success = "Success"
    case error = "Error"
    case timeout = "Timeout"
    /// The process running it ended first (killed, crashed, the machine stopped); marked by whoever opened the account next.
    case interrupted = "Interrupted"
}

/// What the runtime reports about one invocation (the figures of Lambda's REPORT line and the outcome).
public struct InvocationRecord: Sendable, Equatable {
    public var requestID: String
    public var functionName: String
    /// `$LATEST` or a version number.
    public var version: String
    public var startedAt: Date
    public var durationMs: Double
    public var billedDurationMs: Int
    public var memorySize: Int
    public var maxMemoryUsedMB: Int
    /// Set on a cold start.
    public var initDurationMs: Double?
    public var status: InvocationStatus
    public var errorType: String?
    public var errorMessage: String?
    /// The start of the event payload, for lists (the runtime decides how much).
    public var payloadPreview: String?
    /// The start of the response or error document.
    public var responsePreview: String?
    /// `YYYY/MM/DD/[$LATEST]<32 hex>` in `/aws/lambda/NAME`.
    public var logStreamName: String?

    public init(requestID: String, functionName: String, version: String = "$LATEST", startedAt: Date,
                durationMs: Double, billedDurationMs: Int, memorySize: Int, maxMemoryUsedMB: Int,
                initDurationMs: Double? = nil, status: InvocationStatus, errorType: String? = nil,
                errorMessage: String? = nil, payloadPreview: String? = nil, responsePreview: String? = nil,
                logStreamName: String? = nil) {
        self.requestID = requestID
        self.functionName = functionName
        self.version = version
        self.startedAt = startedAt
        self.durationMs = durationMs
        self.billedDurationMs = billedDurationMs
        self.memorySize = memorySize
        self.maxMemoryUsedMB = maxMemoryUsedMB
        self.initDurationMs = initDurationMs
        self.status = status
        self.errorType = errorType
        self.errorMessage = errorMessage
        self.payloadPreview = payloadPreview
        self.responsePreview = responsePreview
        self.logStreamName = logStreamName
    }
}

/// Everything the runtime needs to run one invocation, resolved and authorized in one read.
public struct InvocationPlan: Sendable, Equatable {
    public var configuration: FunctionConfiguration
    /// The function's own files, by path.
    public var code: [String: Data]
    /// Each layer's files, in the function's layer order (extract in order; later layers win, as on Lambda).
    public var layers: [LayerContent]

    public init(configuration: FunctionConfiguration, code: [String: Data], layers: [LayerContent] = []) {
        self.configuration = configuration
        self.code = code
        self.layers = layers
    }
}

/// The files of one layer version, as the runtime extracts them (Python packages under `python/`).
public struct LayerContent: Sendable, Equatable {
    public var layerVersionARN: String
    public var files: [String: Data]

    public init(layerVersionARN: String, files: [String: Data]) {
        self.layerVersionARN = layerVersionARN
        self.files = files
    }
}
