import Foundation
import Testing
@testable import CloudEngine

/// Packages that must never be unpacked: each is refused with Lambda's "Could not unzip uploaded file" and the reason.
/// The archives were made with Python's zipfile (`writestr` keeps a name as given, so `../` and `/` survive).
@Suite("Functions: unsafe .zip packages are refused")
struct FunctionZipRefusalTests {
    static func zip(_ lines: [String]) -> Data { Data(base64Encoded: lines.joined()) ?? Data() }

    /// `lambda_function.py` and `../escape.py`.
    static let climbing = zip([
        "UEsDBBQAAAAIAKMcgl3HAbXuIAAAACAAAAASAAAAbGFtYmRhX2Z1bmN0aW9uLnB5S0lNU8hIzEvJSS3SSNVRSNa04lIAgqLUktKi",
        "PAVDLgBQSwMEFAAAAAgAoxyCXYMW3IwDAAAAAQAAAAwAAAAuLi9lc2NhcGUucHmrAABQSwECFAMUAAAACACjHIJdxwG17iAAAAAg",
        "AAAAEgAAAAAAAAAAAAAAgAEAAAAAbGFtYmRhX2Z1bmN0aW9uLnB5UEsBAhQDFAAAAAgAoxyCXYMW3IwDAAAAAQAAAAwAAAAAAAAA",
        "AAAAAIABUAAAAC4uL2VzY2FwZS5weVBLBQYAAAAAAgACAHoAAAB9AAAAAAA=",
    ])
    /// `lambda_function.py` and `/etc/cron.d/x`.
    static let absolute = zip([
        "UEsDBBQAAAAIAKMcgl3HAbXuIAAAACAAAAASAAAAbGFtYmRhX2Z1bmN0aW9uLnB5S0lNU8hIzEvJSS3SSNVRSNa04lIAgqLUktKi",
        "PAVDLgBQSwMEFAAAAAgAoxyCXYMW3IwDAAAAAQAAAA0AAAAvZXRjL2Nyb24uZC94qwAAUEsBAhQDFAAAAAgAoxyCXccBte4gAAAA",
        "IAAAABIAAAAAAAAAAAAAAIABAAAAAGxhbWJkYV9mdW5jdGlvbi5weVBLAQIUAxQAAAAIAKMcgl2DFtyMAwAAAAEAAAANAAAAAAAA",
        "AAAAAACAAVAAAAAvZXRjL2Nyb24uZC94UEsFBgAAAAACAAIAewAAAH4AAAAAAA==",
    ])
    /// `lambda_function.py` and `link.py`, a symbolic link to `/etc/passwd` (Unix mode 0120777).
    static let symlink = zip([
        "UEsDBBQAAAAIAKMcgl3HAbXuIAAAACAAAAASAAAAbGFtYmRhX2Z1bmN0aW9uLnB5S0lNU8hIzEvJSS3SSNVRSNa04lIAgqLUktKi",
        "PAVDLgBQSwMEFAAAAAAAAAAhAAq5HykLAAAACwAAAAcAAABsaW5rLnB5L2V0Yy9wYXNzd2RQSwECFAMUAAAACACjHIJdxwG17iAA",
        "AAAgAAAAEgAAAAAAAAAAAAAAgAEAAAAAbGFtYmRhX2Z1bmN0aW9uLnB5UEsBAhQDFAAAAAAAAAAhAAq5HykLAAAACwAAAAcAAAAA",
        "AAAAAAAAAP+hUAAAAGxpbmsucHlQSwUGAAAAAAIAAgB1AAAAgAAAAAAA",
    ])
    /// `lambda_function.py` and `zeros.bin`: 300,000 zero bytes deflated to a few hundred.
    static let bomb = zip([
        "UEsDBBQAAAAIAKMcgl3HAbXuIAAAACAAAAASAAAAbGFtYmRhX2Z1bmN0aW9uLnB5S0lNU8hIzEvJSS3SSNVRSNa04lIAgqLUktKi",
        "PAVDLgBQSwMEFAAAAAgAoxyCXfvisvYzAQAA4JMEAAkAAAB6ZXJvcy5iaW7twQENAAAAwqD3T20PBxQAAAAAAAAAAAAAAAAAAAAA",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAPwYUEsBAhQDFAAAAAgAoxyCXccBte4gAAAA",
        "IAAAABIAAAAAAAAAAAAAAIABAAAAAGxhbWJkYV9mdW5jdGlvbi5weVBLAQIUAxQAAAAIAKMcgl374rL2MwEAAOCTBAAJAAAAAAAA",
        "AAAAAACAAVAAAAB6ZXJvcy5iaW5QSwUGAAAAAAIAAgB3AAAAqgEAAAAA",
    ])
    /// The same, with `zeros.bin`'s sizes in both headers rewritten to claim 10 bytes.
    static let lying = zip([
        "UEsDBBQAAAAIAKMcgl3HAbXuIAAAACAAAAASAAAAbGFtYmRhX2Z1bmN0aW9uLnB5S0lNU8hIzEvJSS3SSNVRSNa04lIAgqLUktKi",
        "PAVDLgBQSwMEFAAAAAgAoxyCXfvisvYzAQAACgAAAAkAAAB6ZXJvcy5iaW7twQENAAAAwqD3T20PBxQAAAAAAAAAAAAAAAAAAAAA",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAPwYUEsBAhQDFAAAAAgAoxyCXccBte4gAAAA",
        "IAAAABIAAAAAAAAAAAAAAIABAAAAAGxhbWJkYV9mdW5jdGlvbi5weVBLAQIUAxQAAAAIAKMcgl374rL2MwEAAAoAAAAJAAAAAAAA",
        "AAAAAACAAVAAAAB6ZXJvcy5iaW5QSwUGAAAAAAIAAgB3AAAAqgEAAAAA",
    ])

    @Test("an entry that climbs out with ../ or is absolute is refused")
    func climbingOut() throws {
        let test = try TestAccount()
        expectEngineError("InvalidParameterValueException", 400, "Could not unzip uploaded file.", "../escape.py is outside the package") {
            try test.helloFunction(code: .zip(Self.climbing))
        }
        expectEngineError("InvalidParameterValueException", 400, "Could not unzip uploaded file.", "/etc/cron.d/x is outside the package") {
            try test.helloFunction(code: .zip(Self.absolute))
        }
    }

    @Test("a symbolic link is refused")
    func symbolicLink() throws {
        let test = try TestAccount()
        expectEngineError("InvalidParameterValueException", 400, "Could not unzip uploaded file.", "link.py is a symbolic link") {
            try test.helloFunction(code: .zip(Self.symlink))
        }
    }

    @Test("a zip bomb is refused at the unzipped limit, whether its sizes tell the truth or lie")
    func bombs() throws {
        let test = try TestAccount()
        try test.lambdaRole()
        var limits = FunctionLimits()
        limits.unzippedCodeBytes = 100_000
        let small = FunctionsService(account: test.account, limits: limits)
        expectEngineError("InvalidParameterValueException", 400, "Could not unzip uploaded file.",
                          "Unzipped size must be smaller than 100000 bytes") {
            try small.createFunction("f", runtime: "python3.12", handler: "lambda_function.handler", role: FunctionFixture.roleARN,
                                     code: .zip(Self.bomb), caller: .root)
        }
        expectEngineError("InvalidParameterValueException", 400, "Could not unzip uploaded file.") {
            try small.createFunction("f", runtime: "python3.12", handler: "lambda_function.handler", role: FunctionFixture.roleARN,
                                     code: .zip(Self.lying), caller: .root)
        }
        // Within the limit, the honest one unpacks whole.
        let created = try test.functions.createFunction("g", runtime: "python3.12", handler: "lambda_function.handler",
                                                        role: FunctionFixture.roleARN, code: .zip(Self.bomb), caller: .root)
        #expect(try test.functions.codeFiles(function: "g", caller: .root)["zeros.bin"]?.count == 300_000)
        #expect(created.codeSize == Self.bomb.count)
    }
}
