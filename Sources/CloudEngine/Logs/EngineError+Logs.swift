extension EngineError {
    public static func invalidLogParameter(_ message: String) -> EngineError {
        EngineError(code: "InvalidParameterException", httpStatus: 400, message: message)
    }

    public static func logGroupNotFound(_ name: String) -> EngineError {
        EngineError(code: "ResourceNotFoundException", httpStatus: 400,
                    message: "The specified log group does not exist: \(name)", resource: name)
    }

    public static func logStreamNotFound(group: String, stream: String) -> EngineError {
        EngineError(code: "ResourceNotFoundException", httpStatus: 400,
                    message: "The specified log stream does not exist: \(stream) in \(group)", resource: stream)
    }

    public static func logGroupExists(_ name: String) -> EngineError {
        EngineError(code: "ResourceAlreadyExistsException", httpStatus: 400,
                    message: "The specified log group already exists: \(name)", resource: name)
    }

    public static func logStreamExists(group: String, stream: String) -> EngineError {
        EngineError(code: "ResourceAlreadyExistsException", httpStatus: 400,
                    message: "The specified log stream already exists: \(stream) in \(group)", resource: stream)
    }
}
