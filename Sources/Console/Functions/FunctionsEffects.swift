import CloudEngine
import Foundation

/// The Functions panel's engine calls, run by the effect runner off the UI thread.
struct FunctionsEffects {
    let account: Account
    let caller: Caller
    let editor: ExternalEditor
    let send: @Sendable (ConsoleAction) -> Void

    /// The invocations the Invocations tab lists.
    static let invocationLimit = 100

    func perform(_ effect: FunctionsEffect) {
        let functions = account.functions
        func answer(_ action: FunctionsAction) { send(.functions(action)) }
        switch effect {
        case .listFunctions:
            do {
                let list = try functions.listFunctions(caller: caller)
                let latest = (try? functions.latestInvocations(caller: caller)) ?? [:]
                answer(.functionsLoaded(list, latest: latest))
            } catch {
                answer(.functionsLoadFailed(ConsoleError(error)))
            }
        case .loadChoices:
            // Each list is optional: a caller without iam:ListRoles can still create a function with a new role.
            let roles = (try? functions.lambdaExecutionRoles(caller: caller)) ?? []
            let buckets = (try? account.storage.listBuckets(caller: caller).map(\.name)) ?? []
            answer(.choicesLoaded(roles: roles, buckets: buckets, python: PythonVersion.local() ?? "python3 (not found)",
                                 sandbox: WorkerSandbox.status))
        case .createFunction(let request):
            create(request)
        case .deleteFunction(let name):
            do {
                try functions.deleteFunction(name, caller: caller)
                answer(.functionDeleted(name))
            } catch {
                answer(.functionDeleteFailed(ConsoleError(error)))
            }
        case .loadDetail(let name):
            loadDetail(name)
        case .loadActivity(let name, let buckets):
            let invocations = (try? functions.invocations(function: name, limit: Self.invocationLimit, caller: caller)) ?? []
            answer(.activityLoaded(name: name, invocations: invocations,
                                   deliveries: recentDeliveries(to: functions.functionARN(name), buckets: Set(buckets))))
        case .updateConfiguration(let name, let settings):
            do {
                answer(.configurationSaved(try functions.updateFunctionConfiguration(name, settings: settings, caller: caller)))
            } catch {
                answer(.configurationSaveFailed(ConsoleError(error)))
            }
        case .editCode, .editTestEvent:
            if let action = editor.perform(.functions(effect)) { send(action) }
        case .saveCode(let function, let files):
            do {
                answer(.codeSaved(try functions.updateFunctionCode(function, code: .files(files), caller: caller)))
            } catch {
                answer(.codeSaveFailed(ConsoleError(error)))
            }
        case .publishVersion(let function, let description):
            do {
                answer(.versionPublished(try functions.publishVersion(function, description: description.isEmpty ? nil : description,
                                                                      caller: caller)))
            } catch {
                answer(.configurationSaveFailed(ConsoleError(error)))
            }
        case .saveTestEvent(let function, let name, let payload):
            do {
                answer(.testEventSaved(function: function, try functions.saveTestEvent(function: function, name: name,
                                                                                      payload: payload, caller: caller)))
            } catch {
                answer(.testEventSaveFailed(ConsoleError(error)))
            }
        case .deleteTestEvent(let function, let name):
            do {
                try functions.deleteTestEvent(function: function, name: name, caller: caller)
                answer(.testEventDeleted(function: function, name: name))
            } catch {
                answer(.actionFailed(ConsoleError(error)))
            }
        case .invoke(let function, let eventName, let payload):
            answer(.invoked(function: function, invoke(function, eventName: eventName, payload: payload)))
        case .addTrigger(let request):
            do {
                let trigger = try functions.addS3Trigger(function: request.function, bucket: request.bucket, events: request.events,
                                                         prefix: request.prefix.isEmpty ? nil : request.prefix,
                                                         suffix: request.suffix.isEmpty ? nil : request.suffix, caller: caller)
                answer(.triggerAdded(function: request.function, trigger))
            } catch {
                answer(.triggerAddFailed(ConsoleError(error)))
            }
        case .removeTrigger(let function, let trigger):
            do {
                try functions.removeS3Trigger(function: function, bucket: trigger.bucket,
                                              configurationID: trigger.configurationID, caller: caller)
                answer(.triggerRemoved(function: function, trigger))
            } catch {
                answer(.actionFailed(ConsoleError(error)))
            }
        }
    }

    private func create(_ request: FunctionCreateRequest) {
        let functions = account.functions
        var createdRole: IAMRole?
        do {
            let roleARN: String
            if let chosen = request.roleARN {
                roleARN = chosen
            } else {
                let role = try functions.createBasicExecutionRole(forFunction: request.name, caller: caller)
                createdRole = role
                roleARN = role.arn
            }
            let files = request.template.files.mapValues { Data($0.utf8) }
            let configuration = try functions.createFunction(request.name, runtime: request.runtime, handler: request.handler,
                                                             role: roleARN, code: .files(files), caller: caller)
            send(.functions(.functionCreated(configuration, roleCreated: createdRole?.name)))
        } catch {
            var failure = ConsoleError(error)
            // The role was made only for this function: take it back rather than leave it behind.
            if let role = createdRole {
                do {
                    try functions.removeBasicExecutionRole(role)
                } catch {
                    failure.message += " (The new role \(role.name) could not be removed: \(ConsoleError(error).message))"
                }
            }
            send(.functions(.functionCreateFailed(failure)))
        }
    }

    private func loadDetail(_ name: String) {
        let functions = account.functions
        do {
            let configuration = try functions.getFunctionConfiguration(name, caller: caller)
            let code = try functions.codeFiles(function: name, caller: caller)
            let files = code.keys.sorted().compactMap { path in code[path].map { CodeFile(path: path, data: $0) } }
            let events = (try? functions.testEvents(function: name, caller: caller)) ?? []
            let triggers = (try? functions.s3Triggers(function: name, caller: caller)) ?? []
            let invocations = (try? functions.invocations(function: name, limit: Self.invocationLimit, caller: caller)) ?? []
            // No policy is ResourceNotFoundException, as on Lambda: shown as none.
            let permissions = (try? functions.getPolicy(function: name, caller: caller)).map { PermissionSummary.parse(policy: $0.policy) } ?? []
            let deliveries = recentDeliveries(to: configuration.functionARN, buckets: Set(triggers.map(\.bucket)))
            let versions = ((try? functions.listVersionsByFunction(name, caller: caller)) ?? []).map(\.version)
                .filter { $0 != "$LATEST" }
            send(.functions(.detailLoaded(FunctionDetailData(configuration: configuration, files: files, testEvents: events,
                                                             triggers: triggers, invocations: invocations,
                                                             permissions: permissions, deliveries: deliveries,
                                                             versions: versions))))
        } catch {
            send(.functions(.detailLoadFailed(name: name, ConsoleError(error))))
        }
    }

    /// The newest events the buckets sent this function (any qualifier), at most `limit`, newest first.
    /// A bucket the caller may not read (`s3:GetBucketNotification`) is skipped.
    private func recentDeliveries(to functionARN: String, buckets: Set<String>, limit: Int = 20) -> [S3EventDelivery] {
        let all = buckets.flatMap { bucket in
            (try? account.events.deliveries(bucket: bucket, functionARN: functionARN, limit: limit, caller: caller)) ?? []
        }
        return Array(all.sorted { $0.id > $1.id }.prefix(limit))
    }

    private func invoke(_ function: String, eventName: String, payload: String) -> TestResult {
        do {
            let response = try account.functions.invoke(function, payload: Data(payload.utf8), caller: caller)
            let tail = response.logResult.flatMap { Data(base64Encoded: $0) }.flatMap { String(data: $0, encoding: .utf8) } ?? ""
            let lines = tail.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            let report = lines.last(where: { $0.hasPrefix("REPORT ") }).flatMap(InvocationReport.parse)
            return TestResult(eventName: eventName, requestID: response.requestID, succeeded: response.functionError == nil,
                              functionError: response.functionError, statusCode: response.statusCode,
                              payload: String(data: response.payload, encoding: .utf8) ?? "(\(response.payload.count) bytes, not UTF-8)",
                              logLines: lines.map { $0.replacingOccurrences(of: "\t", with: "  ") }, report: report)
        } catch {
            return TestResult(eventName: eventName, requestID: "", succeeded: false, functionError: nil, statusCode: 0,
                              payload: "", logLines: [], report: nil, callError: ConsoleError(error))
        }
    }
}
