import Crypto
import Foundation
import Testing
@testable import CloudEngine

@Suite("Functions: .zip deployment packages")
struct FunctionZipTests {
    /// Made with Python's zipfile: deflated files (fixed and dynamic Huffman, and stored blocks for the
    /// random blob), a directory entry, an empty file, and one entry stored without compression.
    static let fixture = Data(base64Encoded: [
        "UEsDBBQAAAAIAAAAIVwJS3m1WwAAAGQAAAASAAAAbGFtYmRhX2Z1bmN0aW9uLnB5JcwxCoAwDEDRvafIVgsi4tjVk6iJqGhS2lQU",
        "8e4q/u0vb96CRIUlCRuDNMLUMa4UC9qJtYRBWOlQ5w28RdIcGS6btNOcWkGyHpq6LsH2guc7n1Rh3kL6CXebB1BLAwQUAAAACAAA",
        "ACFcAAAAAAIAAAAAAAAABAAAAHBrZy8DAFBLAwQUAAAACAAAACFcAAAAAAIAAAAAAAAADwAAAHBrZy9fX2luaXRfXy5weQMAUEsD",
        "BBQAAAAIAAAAIVzQ8Zq3KQcAAGBYAAAMAAAAcGtnL2RhdGEudHh0ndxblhy3EUXRf4+ihtAAqjKrPBs/KIsSRdq06YdGryU37uX3",
        "zu9esZBIHAQCp6Lz08fPH25vf7z968cPt398+/iXn29//vrlP59vP3z57+2nb7/8/Z+3L//+8PX/f/70p1//d/vrl7/d3v7w6feo",
        "YVHjPWpa1P09alnU6z3qjk94vIc9LGw+3sMOC1t7tBNfyJ7b08KO/SJfFvbcqzYQkbXDkJG5n3IoJeeOQ07OueOQlIQhKStvE1E5",
        "Mh6y8tpkDoRlZfmQlnNnhom0jD2/ibg89nNOxOW1t95EXO4bz4m4vJL7kJd75oe8vPKcyMsj64e8PHcY4nJsPBfiMvduX4jLcz/n",
        "QlweOYQQl7mxXojLc6f4hbgcG7OlJ1HWAXEZGU9x2dtvKS877o683Pe635GXtdfvjryMjIe8ZHqaXXaWuCMuz73sd8TlTHWFuJwZ",
        "D3E5Mz89jXbcA3HJcz4Ql7yXB+KSdXhokZv5IS+pchGXUP3Q7LJ30UML3YynlW7mp6Xujju0eNlZ8NDskmsD4pIsfyAuOVUOrXX3",
        "+h3IS07NA3nJKX0gL6kKDuUl66C87Osb4pIa60RcUtOdejXaWeLU7LIxOxGX1Mgn4pKa/ERccgc4tXjZWJ96GmX9EJfcqZ7IS+5w",
        "T+Qld8Yn8pI76lOL3R2GuOQG/tSr0d7tT8QlhuGJuGT1tNTN29RSN7pGS92d5F96GO3d90Ja4r5eSEtU20tr3R2mtOwwhGUv3gtZ",
        "2RnihaxkNEQlyuxNE0vi1OMeCbzIynhDWFZH1LOoc9SbdF+qFi/1pdfyy3hDaGpM3xSbKFNVu3WmLHcTd/FEGmp3q01V79absuCt",
        "99Y7dX5TUcU7OkcE59FHRXBSqA21vPfKfS19A4B63tS+Q0Xvq4+K5KS6H6p6n4nTnwaCqrreXJcGy94+KoKTC+Fg3xvGWfgm/6vx",
        "zR17qPLNpX6o8x0dUcHJdlTrezTwopgZ6n1X1xHJiXoaan4zRTW/UWtD1W9c3lD3G3k41P6eHRHBOTtHPasaeFEADzbAfTnqaDKi",
        "OuACoBI4xKkELuJqgbupVAN3G6sIbuJQE9xUpSq4yVFdcNOxyuAeAGqDe+SoDu4hpz64xyoL4QDARjilgyrhFivshBN38QftoVK4",
        "BaBa4Zac6oVb5KoYblmtZriFvKrhXh3UDfeyonK41yO1w72QqR7uFVD98PdeHRXEAUANcQZUQ9yLvCriqgN2xEFVLXFWUS1xdYxq",
        "4gog9cRVTmqKK7lUFVerqSuuyFNZnCmqLM47ZVmcOKQmSUNtccdDaDo/zTWJU2HcBbyIzFRnHEinSuNsi6nSOBtxqjTO1p8qjdNz",
        "p8549kkVmzOBep9K2yRL48RdPKKmOuOjDZ6aakIqS+MsI7cEpwdSpfH3JlZtlOijaptndqNK4/axqjRuI6tK43ayqjRuKyv3Bmcd",
        "VRqnmVWdcS43U51xrlOTnXEfVXsm+lJVGodxlsbJ/9wjHOJUGufqP1Uaj46o4LSrXMlp4EWFM1UaRxpNlcajIyI5naJmnCQOdcZR",
        "f1OdcWTjVGl8dkQEJ0J1sjRu4EVpPFka9+WowemIWhx3jnoRT9zFHxumOuNuKnXG3cYqjZs4VBo3Vak0bnJUadx0rNK4B4BK4x45",
        "Ko17yKk07rHK0jgAsDRO6cBNxFkOlsaJu/jD+FRn3AJQnfH3f57SjBPiVBq3rFZp3EKem4kzR5XGvayoNO71SKVxL2QqjXsFVGnc",
        "SydL4wCg0rgD6u+bDbzYxDXZGQdVlcZZRXXG1THqjCuA1BlXOak0ruTi3uKQqtJ4dEStjhN3rWd0sjJOHFKTpKHGuOPpP+om7lp7",
        "8WRjnAVUZVxk1BkXUpXG3RYqjbMRl0rjbP2l0nglThuN+6SKTf6xWJ1xEvhiaZy4i0fUUmd8dERNNf1n7Yv/+LK40fgtgReLm6XS",
        "+NFH1X7R/EezSuOUjEulcYrUpdL43jlqWdxH1U7jruO1/7Bb6oz7XQF1xv2wADvjPqq2UuSlsjQO4yyN83EB7jQOcSqN+3kBlcb9",
        "voBK435gQKXx0cCLCmepNI40WiqNR0e89u/fS51xRNxSZxz1t9QZRzYulcZnR7z4yYDF0riBF6XxYmmcl6PSuMtx9TsTS6VxiFNn",
        "XMTVGXdTqTPuNlZp3MSh0ripSqVxk6NK46ZjlcY9AFQaf/+ejVbHWUeVxj1WWRoHAJbGKR240zjLwdI4cRd/GF/qjFsAqjNuyanS",
        "uEWuSuOW1SqNW8hzp3HnqEVOGFdp3OuRSuNeyPgTFP1OlP7akDmyNA4AKo07oP6+2cCLTVyLnXFQVWncVbz4ScelzrgCSJ1xlNPi",
        "b1FkN3KjcUhVaTw6olbHibvWM7pYGScOqUnSUGOc8fiDFIm71mO82Bj323JXkVFnXEj5oxSd48Xm9KXSuFtfpXFyDTca338DUEsD",
        "BBQAAAAIAAAAIVyXb5jWvQsAALgLAAAMAAAAcGtnL2Jsb2IuYmluAbgLR/RS8iZlpgwS0okYXZUO6IE2CRZvaxE9F41sD9OQH/I5",
        "oaCV8g+TlWUM+TgLjtsiSmskih6STo/Qri4alJKjMF8YjLYQkA+eNH+uiG3GUHeV7HRcTD/LLrLHPhSTTIZ+4Fe6ckmb+hIeg2sq",
        "wVcm7n1rCvarE8OOksrg0VBXsVmYf5TMdBHXF/FFebKqEA+7s0+lk/6u0nJIt2Ljq1gF8HZaK5wdfg83xEkhvT9lZOrffxQqcmaM",
        "R+Ij0W7djEe0avxbruJh9TsmFS0mO6g7A3zUli5DSAEla4henJBR8yCw24PznqetvQ105t7H89+uzI9kZWZkGnuiZg8wEfw1cCkc",
        "V5kNGgCRJokZ8l2dBhLfNZ1gJqJA9FiaXXkfHdl8/vp3entPFSQav1e9Q3rUsSmEBTTz84dcJbCL6gbCh0z6pN0XsthChF3oKlvF",
        "OYiKx4BUojmcz8n8wtoxzj3RZr3NOjOEflu7B/0Hykd4QjGxmvRYcs7vufxZ9PldFDgaOngyVjR7n/zmnNcAeuinWMykFdWpHuhj",
        "yLbAM3rjLW/KolUWzfL4uGV2Zr7yFbkoK/4gByaX53fOpyWc05j6eajvWSeMjCEFA8z4uaYahr/vI2/83zHT3zYHQDZKgD3DllNC",
        "i2vVIQ/ovVrldamV0OeEa9Pq4IAhiCaGggTfcMYumwHGzCYsJHmeuR6OD1OuhIeOe8jGG+KPDj8wRgrFGYFzjwfC5OkQcVOc+YGb",
        "gzOxRnOCiM56gfE/soXg4PHtQuyP5PEz13Ijah9kcVASqz1tEjarTcgf5cYn8LekqV0kQOIj93c4v/MYZeJ8Kf2q1TkptG7+g2dW",
        "azJbURe4XQRWjXVwtARiVISfS4P1EBz868k6+OAaFUNFCufHLkXBIdFs2emt0fJCZyaJ64OSfrNTFkcOzLAubOUSRPAEohbNQhWb",
        "2zgRQ9wfdAJW/o1q7epEnyELhrU98Bz4KUMMLjPuT6BOh8I0SnKArC1FWM0E/kAJAwS7gY36MIN5Pu9yG6jRpm6ofovV42T4gU6w",
        "N/s6VzLV4bS6oiNn/Vj7DdYhAxKgveFBbikOFarXYd6Bq/hImT6xSwt1LyhEcgBDXfZU+PyMUj4I9+FPN1suAFVhFXlHgKczP4HG",
        "ARdD0RYkZpYKZAVMTaE7FZX1h9rAJ6jkt8jhmGPDU7j8fiZIuZ6kJQvT1bfkg6Btu7PPgSPohsCBkdXQzQTTr5XM5Lau9LGkOhUH",
        "CiKjXPUaYNVzjgygBKCIrj59QwB0zBG/7oDliReohhC+vHlAzxPYQzy6wTQ7vab5dX7YYRN66a9JxAudoaQyE5klVEGmvrFNn5Ei",
        "A3sPfET4rBmxN6x9SrWESXZ3d8Qe/uSMM0/6Fe95BEp1E9GB9/5z/kRjNery7jUTlBckv4ZD81whmtGhgkfjHLRdO3/l4HxkBigA",
        "832uc2dNuiRqWGBQHtdUAFPAVtZlHvDtMrYD5r1KQF8QZGP/3pYTXOxtwUbaDEcaDdWpSaLvJj/4RG+CUDDFX8j0beIHz8KhZung",
        "8I2MNLgUDO67aXOdwCOk3kl8DOntjCAreGpXSExBvb35p0Jnpz1Ne46rZB4qpCkTNYDnz3+MOHPoVf/Cc20jjDE+FyxXjhdRPV5C",
        "z5Ez4wW/3mliab6GNWBFVsAPf0eT91wgr4CHocrc2TcXReU/Ymalcm70T9nQ3/cFIAhstcPlzXn3ln0AEmTu7e3Th9p3+HI/yBs5",
        "JyaF+K4b8dO4s6XYw+V1FY3GCgDIIDuR6wmlt032IKBAh6JvssMcGRJMhvGVMWNCOcqZAAKJTf91R/VQpdbiPnmGPIw/B/VptKZO",
        "DgUxf+KspWsUQTqqbOxeOn4Isla3a1yuZTIBzEq92IERNH74M0/E0TE7dzhDwuNLG/Offpwv5Tl8aumqDvKYJexkDTYG+Zgkag21",
        "Dy9kc+W24lC7HP8U7ipUMC+n74a/dwhPqrlg1l/8VHErGwAURxRZa/TiH4/2wjVhW8TST9LNbhYMtHkyX4rrcjFSXbzleQehaT/P",
        "oMRnCmAIdhDN6w9BMb8Q5ptWXEVV9fSdC0O/t7BR7EZMALjBmOrOovLxEAbTOxt5t/R39MZiykDpbtB+Ie1/LgLN7r1N0rHFJps8",
        "U9xRdVzIyJgUgzJkwCg/aBCmCHuNi1Mp+m3iGvwSQ58VNRhrf/21+HIsOyJqdZ7krDy/idjGqsIfx9dLS0eRRF9BvEIycD8vPjwn",
        "SOLolDBTEGVA/j6Bhjumzhmndv0JGgF54tE713LqXwrgSzseDDCZ+dOVMe4TX4PdLXKaQsbHqvIBG6OYtZ5ZNwleVyQLNP9BCZm7",
        "puk00ALRU2itXy+eTxM0CMt+jHsQaBnLZamMJ6OIF6cpZbJFaPxIqk5q9A1PvpHiW2pqBN3E/81dpDJkumc08QFv5ihsHdIXZ5Pi",
        "XXXFKSEDDY0kpM7oZRaSn+1evIErJVlIKYUr7BEbYn3Azsr3zjJNINbxC/npe1ANm+2iYxbntp6w0+Qpo8nbOJ5nndgy1HkukDcK",
        "ZvCEKGJbHyY/+LnQ5TEK4o/XwawJqtZSHmOZdIzZoMdOpmtOlT9sY6hecoBwLQUAnvx9dzxyw57H0XXWLc95ZhsRIFtuXRfNcYGC",
        "qAoKoiEV7LtQx7iCFA3AgeVgp/PIIgbbEP+du7HQHDEh++J9SfTP6ssqr8m47jgQ1VmcwUAoUuWdRufQdCRBgPbrejWXQ52BPFFf",
        "CTIuZymi70etU+VgK8rIQx3Ehwyi21z333OOhZSw4eUaQP6JodtkvMxfQ2D9XpMlXFTDFHE6LZ2+9QxL0YRAT6P3+96V7anlULsA",
        "vwg4JkqdoG5qg13lDCF9OpynCwUNAJFaTRuFW4g5aZVNliI0XZ/UeSgiA+/NPrUmcxgQoyXfqshFZs9D9wIOpdKP5FmYpZRxmu+E",
        "u34/KucACw+IBmcvPCgO6ccaA5yNqPAyJGkzhJukgaWkatCcLIJPEEygDP7juch6t4kBYNhvvul3FL2ncyw5/xpCO6QJH1Xkv+yx",
        "8dhDtg1Eoo2tb6/J6oX4Q0uk7ffkNxXhgQMrQuc8174z8Si/6lMx4WNUmT1h6Nqh67H7qtf6iXh41oeyAdsGb/S5O5LiTso2ZJ+V",
        "E5DpKyUIBhwbn+0pWPokswcHCiOxpKIKshG8CxDbl8NdM9H00YjkqhDh3sHqtvFiGz80NBwICPPZ6c/AohbTwKGhSXoZIRnKwaU0",
        "S1FWbEIFWUHuSAy3wl7pUsT2moB52UmevgfJaQdvhMUZWHi0DImQN7bc0xeT0UkrbwCGM0nDwPoNAVl9GH2xy9Mv936XWPXUg0KT",
        "8ShI0Dbwszt/KhzwosQUfcn9so/JGqBTWxhm7WXk474WbOOlBl80TUNt5ouAK2H74qE78XUgiJjBsMCapQhZlFOFJ97Xc6mNvVIr",
        "dnCwxUGUOyBVdqTisjyBMURNwbTT154nuSf5P7lTmoVZKTxT9DBC+fS6/hoq9qgaMmIm+yXLTbtMb0YyG6PpG0c04mN2CANm2spv",
        "sTiA+6FLdgUkQZq8ZwG9PujabrOSlr+la9g6qrin4eDGpLOV2jqtLqQfdG5QQqCzGeVrPshmtrahKEDZbHt0BZ/baISsqe7fLuSn",
        "U8cCY9R96PkbCUCLNym3yPPwM4RZGdiTdIo0t3mDBKPK1F6FV2m98nQ1/a8vZIPD7h+6/J1bow5ARmFmDwMTa+proLKsWpRDGzlN",
        "vWbw9Ib4OP7N9WR2Nioh7cYRz8yiMXikj7g50PYlWqqj1NHL0Gl3/0vCjKYgx9V4WsjZOkS0YK9A+22tL3sAzrjMR1s+p01Senxt",
        "n6MVqOVcJ+1N2mIOFdOQ51PI8SOH1FiilQOoAjXzEqdLQJsZlCTaOy/Gc1jIJzXnZ8qIKpzksJv6yBer5uSMyaLWTDJ+sTaHFL3W",
        "cKvhHY4eQ2s70yN5fo4Oe3fnJLN9P38qipncvAEp11J3spB/qkvXd19ta/9QSwMEFAAAAAAAAAAhXMapHpUMAAAADAAAAAYAAABS",
        "RUFETUVzdG9yZWQgZW50cnlQSwECFAMUAAAACAAAACFcCUt5tVsAAABkAAAAEgAAAAAAAAAAAAAApIEAAAAAbGFtYmRhX2Z1bmN0",
        "aW9uLnB5UEsBAhQDFAAAAAgAAAAhXAAAAAACAAAAAAAAAAQAAAAAAAAAAAAQAO1BiwAAAHBrZy9QSwECFAMUAAAACAAAACFcAAAA",
        "AAIAAAAAAAAADwAAAAAAAAAAAAAApIGvAAAAcGtnL19faW5pdF9fLnB5UEsBAhQDFAAAAAgAAAAhXNDxmrcpBwAAYFgAAAwAAAAA",
        "AAAAAAAAAKSB3gAAAHBrZy9kYXRhLnR4dFBLAQIUAxQAAAAIAAAAIVyXb5jWvQsAALgLAAAMAAAAAAAAAAAAAACkgTEIAABwa2cv",
        "YmxvYi5iaW5QSwECFAMUAAAAAAAAACFcxqkelQwAAAAMAAAABgAAAAAAAAAAAAAApIEYFAAAUkVBRE1FUEsFBgAAAAAGAAYAVwEA",
        "AEgUAAAAAA==",
    ].joined())!

    static let handler = "import json\n\ndef handler(event, context):\n    return {'statusCode': 200, 'body': json.dumps(event)}\n"

    static var text: String {
        (0..<400).map { "line \($0): the quick brown fox jumps over the lazy dog \($0 * $0 % 97)" }.joined(separator: "\n")
    }

    @Test("a zip's files are read, inflated and checked; CodeSha256 and CodeSize are the zip's, as on Lambda")
    func readsZip() throws {
        let test = try TestAccount()
        try test.lambdaRole()
        let config = try test.functions.createFunction("zipped", runtime: "python3.12", handler: "lambda_function.handler",
                                                       role: FunctionFixture.roleARN, code: .zip(Self.fixture), caller: .root)
        #expect(config.codeSize == 5557)
        #expect(config.codeSHA256 == Data(SHA256.hash(data: Self.fixture)).base64EncodedString())
        let files = try test.functions.codeFiles(function: "zipped", caller: .root)
        #expect(files.keys.sorted() == ["README", "lambda_function.py", "pkg/__init__.py", "pkg/blob.bin", "pkg/data.txt"])
        #expect(files["lambda_function.py"] == Data(Self.handler.utf8))
        #expect(files["pkg/data.txt"] == Data(Self.text.utf8))
        #expect(files["pkg/__init__.py"] == Data())
        #expect(files["README"] == Data("stored entry".utf8))
        let blob = try #require(files["pkg/blob.bin"])
        #expect(SHA256.hash(data: blob).map { String(format: "%02x", $0) }.joined() == "8cd561520d71b01a7a5407a951f1f1763ebce7b144fe7c7916f13a97f28d22e5")
    }

    @Test("a damaged or foreign file is refused with the reason")
    func damaged() throws {
        let test = try TestAccount()
        var corrupt = Self.fixture
        corrupt[5180] ^= 0x20
        expectEngineError("InvalidParameterValueException", 400, "Could not unzip uploaded file.", "README fails its CRC-32 check") {
            try test.helloFunction(code: .zip(corrupt))
        }
        expectEngineError("InvalidParameterValueException", 400, "Could not unzip uploaded file.", "not a .zip file") {
            try test.helloFunction(code: .zip(Data("print('hi')".utf8)))
        }
        expectEngineError("InvalidParameterValueException", 400, "Could not unzip uploaded file.") {
            try test.helloFunction(code: .zip(Self.fixture.prefix(Self.fixture.count - 30) + Self.fixture.suffix(22)))
        }
    }

    @Test("a zip claiming more than the unzipped limit is refused before it is inflated; one over 50 MB is too large")
    func limits() throws {
        let test = try TestAccount()
        try test.lambdaRole()
        var limits = FunctionLimits()
        limits.unzippedCodeBytes = 1000
        limits.zippedUploadBytes = 5000
        let small = FunctionsService(account: test.account, limits: limits)
        expectEngineError("RequestTooLargeException", 413, "Request must be smaller than 5000 bytes for the CreateFunction operation") {
            try small.createFunction("f", runtime: "python3.12", handler: "lambda_function.handler", role: FunctionFixture.roleARN,
                                     code: .zip(Self.fixture), caller: .root)
        }
        limits.zippedUploadBytes = 50_000
        let tight = FunctionsService(account: test.account, limits: limits)
        expectEngineError("InvalidParameterValueException", 400, "Unzipped size must be smaller than 1000 bytes") {
            try tight.createFunction("f", runtime: "python3.12", handler: "lambda_function.handler", role: FunctionFixture.roleARN,
                                     code: .zip(Self.fixture), caller: .root)
        }
    }

    @Test("UpdateFunctionCode and PublishLayerVersion take zips too")
    func updateAndLayer() throws {
        let test = try TestAccount()
        try test.helloFunction()
        let updated = try test.functions.updateFunctionCode("hello", code: .zip(Self.fixture), caller: .root)
        #expect(updated.codeSize == Self.fixture.count)
        #expect(try test.functions.codeFiles(function: "hello", caller: .root).count == 5)
        let layer = try test.functions.publishLayerVersion("zipped", content: .zip(Self.fixture), caller: .root)
        #expect(layer.codeSize == Self.fixture.count)
    }

    /// Level-1 compression of a long text (several dynamic blocks) and a match 31,600 bytes back.
    static let distant = Data(base64Encoded: [
        "UEsDBBQAAAAIAAAAIVwIk0fCfR4AAOSVAAAIAAAAZmFzdC50eHR9WQuSJMcKu8pebdf2/u5/gCdAH6jqeRHt6SwShBBkdtn+/fPb",
        "n9+///z9958/v7/9/ffPv//9/v7j97cfv//759uf73+//f77z9/vf358//brx99///v54z9uOSbRv/78+O/nv9/41cG/vn3/8ffH",
        "rx8LZpxeZqFXWGj8/rUemlP2sjLHcPkXPH58/44vfGKO50lDV2TjaspPjUeIqeDgCuBnpQuxhskfZ5f7r+gSjtr8+e33T/FZmnJb",
        "Yk+RVzVKX1+g88r66qg9KsJ9hhrPLp12XAaP5qSclB8bcS85jpfzR8aj6a0fWwQ73Dtpy+Bi79y504TrgM3HmphP6Ms5DKmFg+K7",
        "VmzHTzFm6qLZiGh3FzFM8dTz+JSF5a5gLTOuXolXDRKBUOTiFM8ZJKRsLgyc9Qolx7ZvR03KSpQszv1edI960hutKp7y+zECL7DZ",
        "fxVNwxnRxH/lnkKUv78fE0fpUPxGfHaGOVjA/aI+Dc41v1IZkhKi3QiQfU+XZdx+qZ+Bp9GgXs8YtR6qvhmNJya1O1NHjTmJOkOn",
        "fuAA0RhH91gVGt28J8LIKK/id49Aqr9Fs5gjwLDdpJI1KxBlvdQJBhRm+NtF7HSO8AA+XWIDhOOzj9gi46vm+FeZISUqFsLncpfT",
        "8ngHwLv8XsPG4rCqD+nXUtherDkBGRcQmnSQXLoG4lCEDFdM193G08FgY/TkPYoXsKG6lqWOHGIqBNJ7aodawzARlwGcaABnIfTs",
        "XxJWBQFej9QvPZOrHaBHUuDB4WEXvToiG2FEiGAX0kx63C/n+Maj9AqbkigCrj1zlO+qmln1Nb8XDria0Iko/NoaBH9lf7kjAlRT",
        "j64MSY/9d3in6TEjC6sTIGZq0lxHK2aJd7ZevjTElwZidALSmLVGuXjv9HQKUFalgiqmG78KBDMUV9pJAludwtHLke+Nvk0opfuZ",
        "mrMyTucVpbU/PwnrMgUDB1ESUtzKOOlW7QrZTdXPsDI77tWFcErJZ5Iu+hoi04W7ZFyXp0yicHHI/8hjkgCEHGwZPbc+ySzw1uiA",
        "1YMBexvCpMS25DEr06SEBzRuRXHfno1nXuLcdWi2zEbK9O56OMXs5qdHWZlnn9/7tGdeoFXHJVmW+qcOjX4gn7Pe1eNmm2u04wfk",
        "w1GKOKppO7202f82jfxWJyU6pFgEnWQgq2Owzr7D1ow1adJaCXjqg/PhClUvJeSVGpmhHz6dwUBeXOot5/uX/9C/EauYNZDqAfLu",
        "1pzKWtN5h/DVZbTpef1d1w4iouISjxV30jhIB775YpilkIt/RAjSdKhZk+T6eXGlwlfmVa0ynwqy39hAmg9KJvf79UpAvh1darrS",
        "tqh+/9tg8gXpNpMIZeTygrwEChD9Y0AtDI6N8dhKjXgI8QSVzzp0bhnsqSOr1dvnSM0LUkh80QMwcpI4JwO52wf+I7x6myD7sLCq",
        "RV4BpDoN8ozoc6iQZ+aOCA63V/p1GX7IG+kry9TgF+dOfI7ZgK3OVVda4yPklo+VFRZKd223qEWS/vDlSgl0d+n5DERzMLhcJBrI",
        "bdmtgxdMBT+bsI6s5yFmgOITsbNDBjHc8UiRbZ/NmU1RWdxLTio/XzCEJ9bZf72GNrSi2SpB0xz+FvBWhdYhBadB2nY73KJ13Qeu",
        "5KyDtK5M829eDO91whigL4b4SgO3h6ywRA5P5FQuQeBjFUjW1YJkgVaZkgYmsN8esDRiVyQEdmUqlDI9bEyWRtNQwEqySybis/tK",
        "ibAUXRjnWE7+wDmDCxC3/erBXFW3tB6gstQ/o+DUeFQ3viD8IylDMG/gps0G9XQwDs5cqfD+htmVnI2lCWZtDhBhKegRyryNFsuU",
        "yezV5DEsUfugjfatGZt/Ag18WVDf0F2wfUg+7QzEga8Sn1oXV015Njs4WbIq6qnagWXdzaGYVe57XIOWvp0+U7xX32AgcM+YS6F/",
        "6Gsgp/rYwacrM6kuZ5HUoIu0gFQoM9Gsdtub+aAGqKbMyjLcGcGvVedEJmQGhX67laYe31WfmFTGONysYLIi1m9WrCRWszHEnNWz",
        "EnSKcVNSWFZOAm1c9yIjQegyDJGKWPjZMKHyqH+mr30VM8BUP6joPdY3CrvLc5FdUlc2CR0ZzAgj+rFhIU/gxNJAMlVOjUsXE6cG",
        "pSe21ZmlpzSY73WfPc8mY62CAkTAJyvZ7ZvFYzSK0wjXcC8sB1qp1dmqd18gUkQtGT1Ch/vSurbVEi/i7dRSCP74aFCmEDsBNJMf",
        "kI7tP2sq/VxBqxUayw9kMgduw33/TCJHJ8azHmJZdSS4x0KdKqoYSqOpgD9y8Sahg6AmeSas04qbvnsHAE7Vquxf6dQyTY1nD3z5",
        "T0O6GhaQXHbXCHRU+6qfGpqqEjnomJUhqs2fzvrIc7viIMK5WC/s8ZKspF/qN9luifpxJyHFBrtfH9Tfmt2lkaPZ0Av9qUDWsBUG",
        "5pStVx9rU+ah7BmAcxW02syaYSr3QdpdbwASzQSk0ooAZH0NuEuPj/vbwOVtQh0uNVfEqHT9WHy8htvoFGtD+r+fiJhyrHpN4jAy",
        "f1YVYLery9jCQL3l9jhUzBiHTIERXyc63rvIXlMG5OTqpUuCI2A12AUXAx22Fz3vBCaidWTq99E5akjrF7EweFZ+KnvEz1yFzSOp",
        "CkG/okm8yf0MGly/rrKp5A+LqPhNkrCvk1Fkxd85YEzp1QmBSYYZ97dedbjWi776oAQBPRmIishi45fByqotIZgrPE03sN4GygLy",
        "ILWqS0xW4DA9r0vUeysL37w2hyG/27gvya3JaBfP7lITU5HAbaML9MJk4NLyeJgUmwrggk8J4f+XRNR9Xz4RayqFxSRluu+ag3OG",
        "oE1MHqWy0vzNZQNk+mIVKejUWFVe8RcZL7hhTd5JEVlO7+TDmFmSdjmORwyFs0srLXq0sHidpZTE1SjHhxdhQJOKs7youerkSxYj",
        "emF3KEd6oiIdmUJfUzDcU7NB5KMhi4t2KBcqgSpVBTe+8ozmEkUt4Wk5RFp4DwOhIYRiHz9cT953BoCc7Jvf6z3Eam6l+8xQ0qYU",
        "HpUn0MhjIq3Io8JqJIlTPd9O0DA4uvnW1WFcM0wdJ1WT7fK7JazwDsQnjDDRtIQPxSjUrv+1g8KZIVvTvMCuq9f51VelBA4+Hcmc",
        "rjvApxOKhH6lfinWCjjuyrRQ6Lff8MwrODYRd2kdLCeLKasQ+OCGRLYW9FJaQ6AKg+iIO0xpAkOF0Hf4Iu54ZgtyVo/uWYYRuVKN",
        "fqluU9etAb9XDjVozYMJwb8TQ5YAN3Mh1g50coSJPQjDL8XsiYkVLuGHo5mMMMdNfNUHgsXbXFYDpQ6ofnA8+CvTXApUzJUdWJ5n",
        "+gAIVdgzDQ/oUSv1PmNuQJ6YCFlcZis9mTv547ydklO8E9YlqHtxLivfEfYp9Lx5OPNTmWLFt5NNEDYANM0U8nh8dZGGBAARKKaa",
        "HynTKWmX/3NAakyboMtyJAtpTtndI1vYzt0yFRmdgrTfpigdSo0PDo/agfTJ+51ObcrPpHRNfFZVbH84/PDFB83oEXTXQ08nq4OC",
        "Q7Mrs2pTzj6odKUcL+QYOlTkVeiUF6esQobcIzhAGI9iubruKkvzUCLsNQZbj14QP0CvkrL1DBIdvxx1sVeaiKnfyXZaoOsacQJH",
        "RRm1UxWUPq2Rf3kdJJnnh6JU2AM+z3YGLktWOcqAHRPSfHEgK7GidDTK1rXlj5Mg52hzLlok+H99TO0vL9ABZByeXJw4LvC3FYnf",
        "KgCTerpqtrLMXAavyO/S6WAbElRcQ0rRRNObRLSPx47JvayLoC8iY5fTrgfrQFdlfYXHlNUrQ0EZ9zma4lWQa0ypdnsv6P3qoIYM",
        "/xaBt2HxHuuj+CCZz0v0YdtixB04jnDrSADZOiY8mnV2ySVoowFUqXlwI4r1HCd+FWrJsv+/Rj3jSpVqjaRaZYRDknOVNIU6BHZm",
        "JHkYy686krKcNZVo11DZCovYXmQMyZ3MLFeot0pWaXvN3NZM94a5VAW3bmbpSlXxKBo/+sDcbiJGGQxuSgO2GxkEO3l4SDqSIA/9",
        "Rejl4uATpSExo5SgreqglEM7Em7ENAnZRwks8CEJ7MMqLWrLPwVdN0OUxLg9PLJuYmoSqC2Z1q8Ax67Ru4EzhshbTykhoFlll9if",
        "ttQvqf5muSlQyg7iGlSSSDoJ5evmFeoSMhAsDV8v1hVjTacxK26/LLnPJBmuZLRhgsGMu0qWykY5LIs5CcHItMSW1VPm7DDppZCO",
        "vcQQkoeTlUFUQiX4ZaDISjY1wNjBrrVvfViXmtqbCManiKTsXo3XjJhGosdpfnV7o/8QCOk1E+UWNMs9HFW772Mz5E4iw80+Eapm",
        "SLxeZDQpFOf4cS9pmLdBusI5oP1cYvta2nKq1nBs1eZXbxkTXL+782IyrMgj3HdFUonXFFvngrOdVFkdxlt+ZADvmvJhYrw4Saru",
        "YfVxn9tbQNKUkwSpBL5ZlWfe5o1tUbr4d3JbvJjZSYlmXqmnU13b8jCJ2MBN3UfY7ruaTZvzJtYZNVsjYQeu2sWlRH5MH58/QerV",
        "OHtSTpoJLP8dIb4jzm3OtLqaUd3m/KRjH2Ygmwd5BqAHF2jZyqqS8HWVHFqEzGg/qgAVNEI9jlc4mLOEWGUgWxxRCT7Ncl9Zc4aZ",
        "VFRy53QQoReWyMWUMrPyKCDxc2C6rISf0vfbb9FWNmPMpS2zFJtS6BQWA63WPvKWHkjxVNHPj8FgqgZJBloLKxVB/KN/x8CSMDK9",
        "X+3Wf5D6Fpwt9VoKsIp2uHAAmbGziF4QJHxUhm+dp6scHnfCMm8GLQdcmYe8yrpS8qbXF89fw8Rriborbi936r1YAEj6kjOocRzI",
        "OR8JqHNjUeKcFVw70oIlduxnonO6VE3OR8lzBWuApIIrwPFZ9erScXqM2SOMPVo4GM/PrDoy9aaU2Iol+xlEGs6Ih5H+r7PO4Tkb",
        "eMCHHB1DQBeqZ74WCCm0Tmqq+KjGYNyuzO6CfwnthW3Ubw8G8esk7satizVqxK25GKx7qNZFRnTl1NFB8cV2W/rPilIRRfdc+3Mr",
        "Fr3a6ukJIx3dD9O99WMxBVKCrftyQfFVad3XhFC0k1jeL6ZSNVa+rlOTMb9fqTr22E5AdVSv81pEvqlFY3X2HfbQuRuht0z/qrWT",
        "G/sIQRYpoHrYjVf5UTP1ZOUEuwHEeEG5gMSr0PeU2rmIsWsljoYqvGDtKXgM6e00+CWrCOqK74mnEWiM7MSPgx0M+LWo5ql4EUTG",
        "GXx7JFgZPH7wbDR8x8u1GsGWOBGqo1dP43Aljp18O9C4S+zZ6CIWbmQPqaPYTVdqjoRLTRhV70nsBy8EpnPAYqV9t116S9O5EDY7",
        "uduG7PTepqsEglJrJSIXxE5nscBnSVOoa47xGICXc/qwsFujGcrdT5Ncrue8+ZqbNEmbLCgHIWRrfcmXX3Aot3VB2TGxVaXOjS6d",
        "dSw3716rZeuCbvuRZ3v2Oonn146/GD4vRVX/rRi9+VTxngdXTgE6R8SRLOs/j9Bk6VuVc09k7r54Q6x7a+bB1bBOXf88Ga6KSTfJ",
        "avl0tVrzylkqZjZrmaoiiho2+XZHpiL1s5+Qp3CaKpnUc9B6p/8Msex8yt2xiLeSTG+BJ6maaS1Ao3O45oB/MvXcegPBcQ8/75/h",
        "kx7+TTRVwJDmHA21c71PrDQo0gmqaj8g2+OgqY/U2p4z1iRUYdOZq1XsqazywW4gtUf015lOdWax/13CEAxNt0FOcIqUIHoOoejC",
        "mFYEXeo7JqDxK4c8lZ9QoZLX8UC5hKZKLqzRSS2MsnptBbRD81ic6p82m0NZnpUXR15SjDGdsmesXZQWjaYfuF12AHB38iLpLN5o",
        "WtDBFC9Wq53U8iZPqiYrtbxfUnaycw8JO6j/bMIfUnlkiln9UzrVT0GfeuVmdTcbPK/h1baPDdmzfHHTVhYSvtQwhqIafwuejG5o",
        "Yry5Ap83blf8KoTCBKoMxclZIAaeqQfpt0D3pyQ+oTxTCecClaLnxg/frJhD/lMH4CspZ1EDnH5i1UnOuGRqhsCHl4abLCSeAZWf",
        "PxT4rmxbIPIi2FbaYnAPkUlyYXzU4lCiPvt4dQmNORPRyHBxqXzoRAzAlwCTJls6ILF4yMggNONTMq3mbEHijkZyI4FHM3KZSYQ3",
        "eDOAX2Vbaby22lRtulY1A+KDl+4++OFTfpsHTAZ0cChnJVb9A6MZ9VWD1Kv2DJHTTfb4hI16vXiaEffY02XWlO8ZDfinVSohaFU+",
        "TQC8VhI8CE6KfgRjrSDoM9pCFvK6i41VslDQZEICAu2mlGuyARCb+KuT8AUrOBHf8vZPQopemHwVLGDVr+ARqJMlYOZH/aJrtlmE",
        "i6WDsXceNXjN+hEkDyo4eVB6yoQkzJMQZ/xgIslG7T/xyUp9fQy3CnLKUvW8SgYidBk1dUjn212CtDET0uj6IdIviw7A/PvbPgbW",
        "PalZRwzh13RUp1ghY3w371iL1AyH82nScrMljX17Ch3yqUPrEsvxCVIoDHWN4dLOqPG93D6hxXZxYzfrW8xtqHN/4Y2hXaf3CP0O",
        "pfQk/4FJTA4+kLeU9MzeQ+cDDGtcO+uISmu/HsStcuwb7zkj85zTyjwwBCO7x3aLcQnI6HVE1znRv/4C812S5h2bFyWvz7cFxodu",
        "GikNYLhm7GJDQB6QjMV0omy4kJguMR77bCfXncrYjXk03vldlRddXq4YlTrNAyN84utrMKyo2r3d6olIG1++HqYGn775JUpjwrdt",
        "NzNtRVTyw1zZdpERREJNNUyvPmteO39igH46mJ3OkUc4CkqDMXVHTTckfC0mwsu99WkKl17y0H5InQYXTLH2G4jTelEuQexC+k+p",
        "526YmsOKY7ZHsGVQ2Wx1dgBbhN73SFLUqVpCbVc1JttBVkfn0CMJc0ckk5dJR1+jPaEg1/Lvl9x0qfWCZhriGbKMprHC0XlP2VNL",
        "JbOOdnQtAvnYDMukhrEuUgju7O9MYu+3TRqIkHIzELEF2AyUEsIQ4gxIDVNrlnpO4ay3JkM9IUxybfFOsEMQPp8EZYUQbKaIxRj2",
        "YteleqGO+mLbaa7Qdbwek2lh6OngEMgK1CKakAbwJnqCFXEPz5Qe1Ow8jnJfKVH8CRo2H+rCpksjRMuWtIR7omrg1otdRsvqKMqC",
        "fIX7rDyBjcrH6agVqt4G0HWgzHZkPYzdjvsS1twYlQbDPSfIG64yutrE3NhJJZHslXP1VuclaZbEDOzynAvaoY1Fk7m2WmBQO+Xz",
        "RpalPBaFe7HwiJtPORur4Jdy9C2XKABySH/j88L80uIB2b1CfPoHh/NsZNYaz3AISVNnYkDhYyswWt3+g40uxT9fEiwpKrZ+jVn5",
        "dAYd08c7CbGpDt9cC6GX1QrQZdRaxN7J2Oyi6kb0Rh77kHcsVpnHAE2R4+FXi9NnRgUz0nb5irWO2pdifHbtQdpVxHqyh+kTdu3M",
        "j/02rGlsCfRsnWAdqeaELBkWkXirFlScNBXUIB9K6yLqhm15gvnVMT5Fs9TGTjoL3HYwUWdEozBoS1RWtZ0nEjF1Bj5yLuIziWfY",
        "XtWZIuRN6CtpDIBj4jlNxfHJk73bfZQCyYFwf8yi3VyhF5CucpxeAh3xHbCVcEwoI6ypdGOpAGzWs+1VjWZGg9t3lyRDfvgE1Yek",
        "w5sHOabGeCffThRay1Ms4BgiwYS58/h2cMUqTQCrTzIlDTcVs14tkmqK8plyoniMtPgbsgSGLW4NlNwGeipehXlTAs8YAy8ApaHr",
        "j9lwrSun8IkXfquzVYc0GhJ7WP5PX5O8nCyqToAwJfP80vQPatQB24fSTcF1V7WtsOC58wqrKrbsGh+xeGRZ9c9OKgCl4tBmullH",
        "0cX3JNw70eOlcwT2RCFebvPe4SsLO4F61hHp7oxkCMmZ4Ks1cEn02kYx6tF+3WEfETVSDL+LHp5wywMqILtPNon4agkzJoYk2xGY",
        "azR6+fwl3S2L4nWu9jyBKRgkiT3dy6i0VoGp3Psfpn2eucOGl7imsSQfTquQJDud6vYQvLzDvDP0H3VzT1dyJMK1Jhcb2jzY4vkC",
        "idtUk+erZ2B3MN8hQBQEdppXd7NJ+mGHaNruV/VONCrp3a2EMLIit3MHweUeL70Q29v4bNBL5DbYqxL6IYpk4rRCYjEHiQY5sWbd",
        "t699y6edTZA134N4o8MjKyOifhBYG2QDeynlycSKqWB2dh5DmBbC4+69m75dXHPjdZkH45bZ4uSO5MwtRjzTErWj+0+V4LY+vA41",
        "PDQVndzxzVhuySjwkkeJ49/ZU1IYhc6cDlaRSGfitOhr3NcI7SNFlCSMH8pq/aw92sYKmhU3YfUj0WTio7dXlpxwpGmxu5ejZgeI",
        "yIcf5K8zv8qhYYmnRrm71OfIZMoOjM6VHTw3yTKRby8PZBVo5VBqB+I7agSbIK8yJkbTIoRBXuDzCxFgZCEUnDwf2RdnX/lADJkC",
        "nnHuhERaBRrx3iPWfN4B/9+JCBUkWyom9aRT0wZL50h6wFuSlPsClUdvpzLVDWc3RK5qF1NKv90vhVs2GoDFlaKq7wSqTc0FTUW2",
        "/zEQ41KBSv1wZrumeEIE9wO5Uqyk2bttq2YXA2dXMk/rQp+fxfIX3oqbtjhBebnucZe69jnQVK1dHXhmkR4RenzXeMK9bfhWHZ7+",
        "3ihWEMYMvNhQFb1AhdQ/dzcgBbBp0SMrwM0n3llN3pmJhzWPThqTFRI7j52ddw2HTVDAi8SxipmY2TqzJP33pbwGe5QL2KMhYZLV",
        "yJO50qDEgzlJbNl1smL6xJWVqEln4B9M80jvXENdCeDjEv1iW51ZRxwocGYZRL4yi9zzJH50TrkEIXJpGCovrzmU+pXtpzPouqaa",
        "7CccVJ/5kvZxdO2otdX6sOVWSp1nwQZh5Q20ShnGhDGbajuKb2dqspLvKmddzmkf2nOyYfM0OlBqx6DwKdsPhVdtLJcR5u1qbfFC",
        "JfonWL2W8NWNbhUKwSIaWYlgKSZOiPD2jLbOXT/1nyg0wk7VsJq2OEVVb4Eeqw0M3ZF7u2U9bwBsjunVsx/s3JRSj+3pRpXon1w8",
        "TBGSwgHByCogsan3BmDRq8t9tqq62SoCUlVkOAhJAIrJIZbZNk0v1h7TKEeP39jC4El7dIOkyRrE0N2YtsbRbNjS7tEewlLBSs0v",
        "XNOTraeo9erQvBRLghnvkISdpRwbC72DuMeVDgmSq17F1LShN084WrstCQaLzJRyU/IBtFgJ0thL0zTng6AJY7klxCZDtIRiF2re",
        "6eZTV7MPbKLcnXbd/swb15MeD6pnjTdNDEVGy3CCsx90E6kov8jQk7i7BO7AtUkHCJbtx9Bq6zbHP0oXx68vmUtljckWTbPAqZqR",
        "KN/kQ5bUn+SMjB9h83McXxTSu1ZX1Z0RDBRS5tw4yIp7AVy4nnqmkDENeq8thn7AP+pmYLvPUfddWbxTlt2lIsuhio7S9rpEApJC",
        "Y2MAtka2mt1F3A9HMVvXBMWBFaWTe7iWjomoJujoexGOzWx0vsPzLPsrzXjv+FwmM+gUIyUfDfQUBhe4nix0ty2AWWWYsdpJKEw8",
        "p7RnKxFFefnFuLAybfejmNlaqq7fmNhVH0hVAHFZ0ZXg7q3Uq2MdUUBV5P6FO+6Du69pE4oSNrFkwNkkAFIq8u7/6ki7WRB4fayL",
        "+Ml84JiCX3GiwZSchjmaho4PbXb2YhhOu0sytYPovc21E6CXoZG6d0is1XXeDyKTYKcrslcsBj2rXMCi+tR7zeokTr5OccdiRqUw",
        "As2GlB41s3MZwiP2pXHQL+XAVUJE46vgeLQK7qGL1ajDsmY6SIpg4PmqFGCMTxjtjs4eS9i9So1utCu+lhPl3/4WNTnJ0cV4bD77",
        "KQNl8SniNDQTkk4Oyik5NFgdU3u9OGz3/169bjvRrIcKw9k8qEcW/IpqWNE3jcrKOpxTw6Tnx61L7Q0kqyo+gIjUPoGy6Tw8G2AG",
        "wVtKXsHXBghU7d7PsTqzCTcpYgLqB5m1diyVvtnBpgluR+S2XRXOex+fiBSChbQJb7SWNa6MfRJ3wnbvPzYVdNU6w7FZQ44gw80D",
        "3/58SeCvfiTqbhv9Qej1snz3T/Y92ZORUhv8qBLrK0lFpzFXZj6dQpf/dXYOEG0VRd/itRW7waNLBlCQE0Pdl6QE/lDslicJTApy",
        "dOyi/6llcOtm7htIFw455ZcBKS9fPT2OgkkgwEm3RG3vlIHcQbCei0SMlMegJFBF1oCmtYzgPvaofLlEfXo1tVHrw0XgZIQw0YVj",
        "YkezETcc8MwHFNj5YnGW9HLhC1b3y+P5VsUcotuvwuUR5H6CJUlruw3dFVHWQV50KVmwnr5b0xqtoVrg6EI1YgyCJEtxnk0+JQm9",
        "+BVhClIkVa/+Zz9BhMwxToPX1UtOQAOtxVh2pUiu4ennw4hEAhVmAvz1P1BLAwQUAAAACAAAACFcouLD/+kCAADIfQAABwAAAGZh",
        "ci5iaW7t3fszEwAAB/AwcbdT7STdcuW8S4tUd7HGtEocd5xctZhH3rUpykLWrdqKTGGWRygl1rVxyRJ5nTmtJZLiJN3KbRWptU5E",
        "9C/0S799P//IRz3dR9lV+Vt+pSks3DdFsZByrn7Rt3ysihE9vnQiNv54kYPgS17KVarBqX2r9ZGFDSZCi/cvP+2bNVNRvvLIw+mm",
        "M5tCTeotYoMzsgd/VdS0jNKur/tsfr+UlhEZntlskzzFzvLc5pLd+eLsXqpkhXUFbYXbAX5cA9nLuGFawujULJqH0ZayTnmcv0mh",
        "W7XX/CGPmttYEXPNPCYYaqUkNdQxXTa2KKqinnyU49HY+YajuuRD6B0gv7W14nu6VV2l7zfSsziTA616WdpupTFvPp6xIaGuZzK0",
        "ITGEJHxzZCR2Zw/T6FlW4IUhx9OtxXRNAsEnpETAUdTnHhc8ZYkU5OzsMnpXIPtHSebqNqZz4S3d+ridI7Ydy+0+5c8EsVpMult5",
        "UldinpJLSqOa9vKV/VTuecLzgjI3ocDNk9Tj7i9UlfBOJ1dXXxPXZCalDw9djtBsW7B69a5nokEnuuRTTCZJ/X2qbzjlpZQz2Vra",
        "5iDtA6MP9iHcYH4qiV10S9tlqhT1f3xcPJuYKku9eHd/8I6hPcnU/D4BO8LPuN+vNiPHoLK31C3NWT6T+6kJtRpnkj7w0Pc79wWD",
        "la8NFC1ft7YrypMX9rItQHpv2iHNV7lyXlwmqVNIjmV+i24mFRS+128RBHSIVpWO/2TJeMRF/UGu1/bx7os37UZLRXt8xWdoXCJT",
        "JD7m1EF3X390+W3hqSeNCYNa+/LIulB/ufbP4faRJm8PA0ceT1nTauMcFMOK8g4LCvfe6BIvtQ5Qq5gMBYU9NbddQ37IG977OWY6",
        "Lcl1GQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAwD9S49vGt/0fvu2/",
        "UEsBAhQDFAAAAAgAAAAhXAiTR8J9HgAA5JUAAAgAAAAAAAAAAAAAAIABAAAAAGZhc3QudHh0UEsBAhQDFAAAAAgAAAAhXKLiw//p",
        "AgAAyH0AAAcAAAAAAAAAAAAAAIABox4AAGZhci5iaW5QSwUGAAAAAAIAAgBrAAAAsSEAAAAA",
    ].joined())!

    @Test("long texts and far matches inflate exactly")
    func distant() throws {
        let test = try TestAccount()
        try test.helloFunction()
        try test.functions.updateFunctionCode("hello", code: .zip(Self.distant), caller: .root)
        let files = try test.functions.codeFiles(function: "hello", caller: .root)
        func hex(_ data: Data?) -> String { SHA256.hash(data: data ?? Data()).map { String(format: "%02x", $0) }.joined() }
        #expect(files["fast.txt"]?.count == 38372)
        #expect(hex(files["fast.txt"]) == "f434aebc7f2f7e32627ec6d5a39df24c1af93fc6200f461ca28fa13d9c85a722")
        #expect(files["far.bin"]?.count == 32200)
        #expect(hex(files["far.bin"]) == "3c805d18aba68fff6c70760fdb7bac7f57d19da69d85448ef7d71647e02ee729")
    }
}
