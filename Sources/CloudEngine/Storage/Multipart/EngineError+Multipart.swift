import Foundation

extension EngineError {
    public static func noSuchUpload(_ uploadID: String) -> EngineError {
        EngineError(code: "NoSuchUpload", httpStatus: 404,
                    message: "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
                    resource: uploadID)
    }

    public static func invalidPartOrder() -> EngineError {
        EngineError(code: "InvalidPartOrder", httpStatus: 400,
                    message: "The list of parts was not in ascending order. The parts list must be specified in order by part number.")
    }

    public static func invalidPart(_ partNumber: Int) -> EngineError {
        EngineError(code: "InvalidPart", httpStatus: 400,
                    message: "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag (part \(partNumber)).")
    }

    public static func entityTooSmall(partNumber: Int, size: Int64) -> EngineError {
        EngineError(code: "EntityTooSmall", httpStatus: 400,
                    message: "Your proposed upload is smaller than the minimum allowed object size. Each part must be at least 5 MB in size, except the last part (part \(partNumber) is \(size) bytes).")
    }

    public static func invalidPartNumber(_ number: Int) -> EngineError {
        EngineError(code: "InvalidArgument", httpStatus: 400,
                    message: "Part number must be an integer between 1 and 10000, inclusive (got \(number)).")
    }

    /// OperationAborted (409): something the call reads changed while it ran; trying again is the remedy.
    public static func operationAborted(_ what: String) -> EngineError {
        EngineError(code: "OperationAborted", httpStatus: 409,
                    message: "A conflicting conditional operation is currently in progress against this resource: \(what). Please try again.")
    }
}
