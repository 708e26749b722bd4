import Foundation
import Testing
@testable import CloudEngine

@Suite("Runtime: worker pool")
struct RuntimePoolTests {
    let fx: RuntimeFixture

    init() throws {
        fx = try RuntimeFixture()
        try fx.write(["app.py": "import os\ncount = 0\ndef handler(event, context):\n    global count\n    count += 1\n    return [os.getpid(), count]\n"])
    }

    /// Waits (bounded) until `condition` holds, for another thread's invocation to get going.
    func eventually(_ condition: () -> Bool) -> Bool {
        for _ in 0..<500 {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }

    @Test("An idle worker is reused: same process, module state kept, cold only once")
    func warmReuse() throws {
        let pool = fx.pool()
        defer { pool.shutdown() }
        let first = try pool.invoke(fx.spec(), fx.invocation())
        let second = try pool.invoke(fx.spec(), fx.invocation())
        #expect(first.coldStart && !second.coldStart)
        #expect(first.workerPid == second.workerPid)
        #expect((second.json as? [Int])?.last == 2)
        #expect(first.logStreamName == second.logStreamName)
        #expect(pool.idleWorkerCount(functionName: "fn") == 1)
    }

    @Test("Idle workers expire after the idle timeout on the injected clock")
    func idleExpiry() throws {
        let pool = fx.pool(WorkerPoolSettings(idleTimeout: 300))
        defer { pool.shutdown() }
        let first = try pool.invoke(fx.spec(), fx.invocation())
        fx.clock.advance(by: 299)
        #expect(pool.expireIdleWorkers() == 0)
        fx.clock.advance(by: 1)
        #expect(pool.expireIdleWorkers() == 1)
        #expect(pool.idleWorkerCount(functionName: "fn") == 0)
        let next = try pool.invoke(fx.spec(), fx.invocation())
        #expect(next.coldStart)
        #expect(next.workerPid != first.workerPid)
        #expect(next.logStreamName != first.logStreamName)
    }

    @Test("A worker that died is not reused: the next invocation is cold on a fresh worker")
    func deadWorkerReplaced() throws {
        try fx.write(["app.py": "import os\ndef handler(event, context):\n    if event.get('die'):\n        os._exit(3)\n    return os.getpid()\n"])
        let pool = fx.pool()
        defer { pool.shutdown() }
        let warm = try pool.invoke(fx.spec(), fx.invocation())
        let died = try pool.invoke(fx.spec(), fx.invocation(#"{"die": true}"#))
        #expect(died.functionError?.errorType == "Runtime.ExitError")
        #expect(died.workerPid == warm.workerPid && !died.coldStart)
        let next = try pool.invoke(fx.spec(), fx.invocation())
        #expect(next.coldStart)
        #expect(next.workerPid != warm.workerPid)
        #expect(next.status == .succeeded)
    }

    @Test("A new code revision retires the old workers")
    func retireOnRevision() throws {
        let pool = fx.pool()
        defer { pool.shutdown() }
        let old = try pool.invoke(fx.spec(revision: "r1"), fx.invocation())
        try fx.write(["app.py": "def handler(event, context):\n    return 'v2'\n"])
        let new = try pool.invoke(fx.spec(revision: "r2"), fx.invocation())
        #expect(new.coldStart)
        #expect(new.text == "\"v2\"")
        #expect(kill(old.workerPid, 0) != 0) // the old worker was stopped
        #expect(pool.idleWorkerCount(functionName: "fn") == 1)
    }

    @Test("retire(functionName:) stops a function's workers, and only its own")
    func retireFunction() throws {
        let pool = fx.pool()
        defer { pool.shutdown() }
        let a = try pool.invoke(fx.spec(name: "a"), fx.invocation())
        let b = try pool.invoke(fx.spec(name: "b"), fx.invocation())
        pool.retire(functionName: "a")
        #expect(pool.idleWorkerCount(functionName: "a") == 0)
        #expect(pool.idleWorkerCount(functionName: "b") == 1)
        #expect(kill(a.workerPid, 0) != 0)
        #expect(try pool.invoke(fx.spec(name: "a"), fx.invocation()).coldStart)
        #expect(try pool.invoke(fx.spec(name: "b"), fx.invocation()).workerPid == b.workerPid)
    }

    @Test("A worker busy when its function is retired is stopped when it finishes")
    func retireBusy() throws {
        try fx.write(["slow.py": "import os, time\ndef handler(event, context):\n    time.sleep(float(event.get('sleep', 0)))\n    return os.getpid()\n"])
        let pool = fx.pool()
        defer { pool.shutdown() }
        let spec = fx.spec(handler: "slow.handler", timeout: 10)
        let slow = fx.invocation(#"{"sleep": 1}"#)
        let finished = RuntimeFinishedBox()
        Thread.detachNewThread {
            finished.set(try? pool.invoke(spec, slow))
        }
        #expect(eventually { pool.runningCount(functionName: "fn") == 1 })
        pool.retire(functionName: "fn")
        #expect(eventually { finished.value != nil })
        #expect(finished.value?.status == .succeeded)
        #expect(eventually { pool.runningCount(functionName: "fn") == 0 })
        #expect(pool.idleWorkerCount(functionName: "fn") == 0)
        #expect(try pool.invoke(spec, fx.invocation()).coldStart)
    }

    @Test("A function whose init failed starts again on the next invocation")
    func initFailureNotKept() throws {
        let pool = fx.pool()
        defer { pool.shutdown() }
        let first = try pool.invoke(fx.spec(handler: "nope.handler"), fx.invocation())
        #expect(first.functionError?.errorType == "Runtime.ImportModuleError")
        #expect(pool.idleWorkerCount(functionName: "fn") == 0)
        let second = try pool.invoke(fx.spec(handler: "nope.handler"), fx.invocation())
        #expect(second.coldStart)
    }

    @Test("A function's reserved concurrency caps its running invocations")
    func functionConcurrency() throws {
        try fx.write(["slow.py": "import time\ndef handler(event, context):\n    time.sleep(float(event.get('sleep', 0)))\n    return 'done'\n"])
        let pool = fx.pool()
        defer { pool.shutdown() }
        let spec = fx.spec(handler: "slow.handler", timeout: 10, reserved: 1)
        let slow = fx.invocation(#"{"sleep": 2}"#)
        let finished = RuntimeFinishedBox()
        Thread.detachNewThread {
            finished.set(try? pool.invoke(spec, slow))
        }
        #expect(eventually { pool.runningCount(functionName: "fn") == 1 })
        #expect(throws: WorkerPoolError.functionConcurrencyExceeded(functionName: "fn", limit: 1)) {
            try pool.invoke(spec, fx.invocation())
        }
        let error = WorkerPoolError.functionConcurrencyExceeded(functionName: "fn", limit: 1).engineError
        #expect(error.code == "TooManyRequestsException" && error.httpStatus == 429)
        #expect(eventually { finished.value != nil })
        #expect(finished.value?.text == "\"done\"")
        #expect(try pool.invoke(spec, fx.invocation()).status == .succeeded)
    }

    @Test("The account's concurrency caps invocations across functions")
    func accountConcurrency() throws {
        try fx.write(["slow.py": "import time\ndef handler(event, context):\n    time.sleep(float(event.get('sleep', 0)))\n    return 'done'\n"])
        let pool = fx.pool(WorkerPoolSettings(accountConcurrency: 1))
        defer { pool.shutdown() }
        let slowSpec = fx.spec(handler: "slow.handler", timeout: 10, name: "slow")
        let slow = fx.invocation(#"{"sleep": 2}"#)
        let finished = RuntimeFinishedBox()
        Thread.detachNewThread {
            finished.set(try? pool.invoke(slowSpec, slow))
        }
        #expect(eventually { pool.runningCount(functionName: "slow") == 1 })
        #expect(throws: WorkerPoolError.accountConcurrencyExceeded(limit: 1)) {
            try pool.invoke(fx.spec(name: "other"), fx.invocation())
        }
        #expect(eventually { finished.value != nil })
        #expect(try pool.invoke(fx.spec(name: "other"), fx.invocation()).status == .succeeded)
    }

    @Test("Two invocations at once run on two workers")
    func parallelWorkers() throws {
        try fx.write(["slow.py": "import os, time\ndef handler(event, context):\n    time.sleep(float(event.get('sleep', 0)))\n    return os.getpid()\n"])
        let pool = fx.pool()
        defer { pool.shutdown() }
        let spec = fx.spec(handler: "slow.handler", timeout: 10)
        let slow = fx.invocation(#"{"sleep": 1}"#)
        let finished = RuntimeFinishedBox()
        Thread.detachNewThread {
            finished.set(try? pool.invoke(spec, slow))
        }
        #expect(eventually { pool.runningCount(functionName: "fn") == 1 })
        let other = try pool.invoke(spec, fx.invocation())
        #expect(eventually { finished.value != nil })
        #expect(other.coldStart && finished.value?.coldStart == true)
        #expect(other.workerPid != finished.value?.workerPid)
        #expect(eventually { pool.idleWorkerCount(functionName: "fn") == 2 })
    }
}

final class RuntimeFinishedBox: @unchecked Sendable {
    private let lock = NSLock()
    private var result: WorkerInvocationResult?
    var value: WorkerInvocationResult? { lock.withLock { result } }
    func set(_ value: WorkerInvocationResult?) { lock.withLock { result = value } }
}
