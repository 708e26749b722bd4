// The Python bootstrap, embedded so it ships inside the CloudEngine module without a resource bundle.
// `PythonRuntime.locate` writes it to disk as `bootstrap.py`; the engine runs `python3 -u bootstrap.py`.

enum PythonBootstrap {
    /// Names the directory the bootstrap is written to, so a changed bootstrap never overwrites a running one.
    static let digest = "672f345f12c8533c"

    static let source = #"""
# Overcast's Python runtime bootstrap: the part of a Lambda execution environment that
# loads the handler once and serves invocations. Stdlib only.
#
# Started as `python3 -u bootstrap.py --memory-limit-bytes N --clock-ms T` with fd 3 a
# socket to the engine. Frames both ways are a 4-byte big-endian length then UTF-8 JSON.
#   engine -> worker: {"t": "invoke", "id", "payload" (JSON text), "arn", "timeoutMs", "clockMs"}
#   worker -> engine: {"t": "log", "ms", "m"}            one log event (ms since the phase began)
#                     {"t": "ready"}                      init done
#                     {"t": "initError", "error": {...}}  init failed; the worker exits
#                     {"t": "result", "ok", "payload" | "error", "rss"}
#                     {"t": "oom", "rss"}                 MemoryError; the engine kills the worker
import io
import json
import logging
import os
import struct
import sys
import threading
import time
import traceback

_SOCK = 3
_lock = threading.Lock()
_state = {"request_id": "", "mono": time.monotonic(), "clock_ms": 0.0}


def _send(obj):
    data = json.dumps(obj, ensure_ascii=False).encode("utf-8", "replace")
    frame = struct.pack(">I", len(data)) + data
    with _lock:
        view = memoryview(frame)
        while view:
            n = os.write(_SOCK, view)
            view = view[n:]


def _read_exact(n):
    chunks = []
    while n:
        chunk = os.read(_SOCK, min(n, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def _receive():
    head = _read_exact(4)
    if head is None:
        return None
    (length,) = struct.unpack(">I", head)
    body = _read_exact(length)
    if body is None:
        return None
    return json.loads(body.decode("utf-8"))


def _elapsed_ms():
    return (time.monotonic() - _state["mono"]) * 1000.0


def _now_epoch():
    """Seconds since the epoch on the engine's clock (which tests may freeze)."""
    return (_state["clock_ms"] + _elapsed_ms()) / 1000.0


def _log(message):
    _send({"t": "log", "ms": _elapsed_ms(), "m": message})


class _LineBuffer:
    def __init__(self):
        self.pending = ""
        self.lock = threading.Lock()

    def write(self, text):
        with self.lock:
            self.pending += text
            if "\n" not in self.pending:
                return
            *lines, self.pending = self.pending.split("\n")
        for line in lines:
            _log(line)

    def flush_partial(self):
        with self.lock:
            line, self.pending = self.pending, ""
        if line:
            _log(line)


class _BinaryLog(io.RawIOBase):
    def __init__(self, text):
        self.text = text

    def writable(self):
        return True

    def write(self, b):
        self.text.write(bytes(b).decode("utf-8", "replace"))
        return len(b)


class _LogStream(io.TextIOBase):
    """sys.stdout / sys.stderr: every line becomes a log event; nothing reaches the protocol."""

    def __init__(self, name, fd, buffer):
        self._name = name
        self._fd = fd
        self._lines = buffer
        self.buffer = io.BufferedWriter(_BinaryLog(self))

    @property
    def name(self):
        return self._name

    @property
    def encoding(self):
        return "utf-8"

    @property
    def errors(self):
        return "strict"

    def writable(self):
        return True

    def isatty(self):
        return False

    def fileno(self):
        return self._fd

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        self._lines.write(s)
        return len(s)

    def flush(self):
        pass


_lines = _LineBuffer()


def _flush_output():
    try:
        sys.stdout.buffer.flush()
        sys.stderr.buffer.flush()
    except Exception:
        pass
    _lines.flush_partial()


class _LambdaLogHandler(logging.Handler):
    def emit(self, record):
        try:
            _flush_output()
            _log(self.format(record))
        except Exception:
            self.handleError(record)


class _LambdaFilter(logging.Filter):
    def filter(self, record):
        record.aws_request_id = _state["request_id"]
        created = _now_epoch()
        record.created = created
        record.msecs = int((created - int(created)) * 1000) % 1000
        return True


class _LambdaFormatter(logging.Formatter):
    converter = time.gmtime


def _configure_logging():
    handler = _LambdaLogHandler()
    handler.setFormatter(
        _LambdaFormatter(
            "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s",
            "%Y-%m-%dT%H:%M:%S",
        )
    )
    handler.addFilter(_LambdaFilter())
    root = logging.getLogger()
    for existing in list(root.handlers):
        root.removeHandler(existing)
    root.addHandler(handler)
    levels = {"TRACE": logging.DEBUG, "DEBUG": logging.DEBUG, "INFO": logging.INFO, "WARN": logging.WARNING,
              "WARNING": logging.WARNING, "ERROR": logging.ERROR, "FATAL": logging.CRITICAL, "CRITICAL": logging.CRITICAL}
    root.setLevel(levels.get(os.environ.get("AWS_LAMBDA_LOG_LEVEL", "INFO").upper(), logging.INFO))


class _Fault(Exception):
    def __init__(self, error_type, message, trace=None):
        super().__init__(message)
        self.error_type = error_type
        self.message = message
        self.trace = trace


def _make_error(message, error_type, stack_trace, request_id):
    return {
        "errorMessage": message if message else "",
        "errorType": error_type if error_type else "",
        "requestId": request_id if request_id is not None else "",
        "stackTrace": stack_trace if stack_trace is not None else [],
    }


def _user_frames(tb):
    frames = traceback.extract_tb(tb)
    me = os.path.abspath(__file__)
    for i, frame in enumerate(frames):
        if os.path.abspath(frame.filename) != me:
            return frames[i:]
    return []


def _fault_result(exc, request_id):
    if isinstance(exc, _Fault):
        return _make_error(exc.message, exc.error_type, exc.trace, request_id)
    trace = traceback.format_list(_user_frames(exc.__traceback__))
    return _make_error(str(exc), type(exc).__name__, trace, request_id)


def _log_error(error):
    description = "[ERROR]"
    if error.get("errorType"):
        description += " " + error["errorType"]
    if error.get("errorMessage"):
        if error.get("errorType"):
            description += ":"
        description += " " + error["errorMessage"]
    lines = [description]
    stack = error.get("stackTrace")
    if stack is not None:
        lines.append("Traceback (most recent call last):")
        for element in stack:
            if element == "":
                lines.append("")
            else:
                lines.extend(element.splitlines())
    _log("\n".join(lines))


def _load_handler(handler):
    try:
        modname, fname = handler.rsplit(".", 1)
    except ValueError as e:
        raise _Fault("Runtime.MalformedHandlerName", "Bad handler '{}': {}".format(handler, str(e)))
    try:
        if modname.split(".")[0] in sys.builtin_module_names:
            raise _Fault(
                "Runtime.BuiltInModuleConflict",
                "Cannot use built-in module {} as a handler module".format(modname),
            )
        import importlib

        module = importlib.import_module(modname.replace("/", "."))
    except ImportError as e:
        raise _Fault("Runtime.ImportModuleError", "Unable to import module '{}': {}".format(modname, str(e)))
    except SyntaxError as e:
        trace = ['  File "%s" Line %s\n    %s' % (e.filename, e.lineno, e.text)]
        raise _Fault("Runtime.UserCodeSyntaxError", "Syntax error in module '{}': {}".format(modname, str(e)), trace)
    try:
        return getattr(module, fname)
    except AttributeError:
        fault = _Fault("Runtime.HandlerNotFound", "Handler '{}' missing on module '{}'".format(fname, modname))

        def missing(event, context):
            raise fault

        return missing


class LambdaContext:
    def __init__(self, request_id, arn, timeout_ms):
        self.aws_request_id = request_id
        self.invoked_function_arn = arn
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.identity = None
        self.client_context = None
        self._deadline = time.monotonic() + timeout_ms / 1000.0

    def get_remaining_time_in_millis(self):
        return max(int((self._deadline - time.monotonic()) * 1000), 0)

    def __repr__(self):
        return (
            "LambdaContext([aws_request_id={},log_group_name={},log_stream_name={},function_name={},"
            "memory_limit_in_mb={},function_version={},invoked_function_arn={},client_context=None,identity=None])"
        ).format(
            self.aws_request_id, self.log_group_name, self.log_stream_name, self.function_name,
            self.memory_limit_in_mb, self.function_version, self.invoked_function_arn,
        )


def _rss_kb():
    # VmHWM is this process image's own peak. ru_maxrss is not: Linux carries the
    # spawning process's peak across exec, so a worker started by a large engine
    # process would report the engine's memory as its own.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _json_default(value):
    import decimal

    if isinstance(value, decimal.Decimal):
        return float(value)
    raise TypeError("Object of type {} is not JSON serializable".format(value.__class__.__name__))


def _invoke(handler, request):
    request_id = request["id"]
    _state["request_id"] = request_id
    _state["mono"] = time.monotonic()
    _state["clock_ms"] = float(request.get("clockMs", time.time() * 1000))
    os.environ["_X_AMZN_TRACE_ID"] = request.get("traceId", "")
    context = LambdaContext(request_id, request.get("arn", ""), float(request.get("timeoutMs", 3000)))
    try:
        payload = request.get("payload") or "{}"
        event = json.loads(payload)
        result = handler(event, context)
        try:
            body = json.dumps(result, default=_json_default)
        except (TypeError, ValueError) as e:
            raise _Fault("Runtime.MarshalError", "Unable to marshal response: {}".format(str(e)))
        _flush_output()
        _send({"t": "result", "ok": True, "payload": body, "rss": _rss_kb()})
    except MemoryError:
        _send({"t": "oom", "rss": _rss_kb()})
        os._exit(137)
    except Exception as exc:
        error = _fault_result(exc, request_id)
        _flush_output()
        _log_error(error)
        _send({"t": "result", "ok": False, "error": error, "rss": _rss_kb()})


def _limit_memory(limit):
    if limit <= 0:
        return
    import resource

    for name in ("RLIMIT_AS", "RLIMIT_DATA"):
        which = getattr(resource, name, None)
        if which is None:
            continue
        try:
            resource.setrlimit(which, (limit, limit))
        except (ValueError, OSError):
            pass


def _watch_parent(parent):
    # Overcast enforces the timeout from the parent; if the parent is gone (the console was killed), nobody
    # would stop a handler that never returns, so the worker ends itself.
    while True:
        time.sleep(1)
        if os.getppid() != parent:
            os._exit(0)


def main():
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True, name="overcast-parent-watch").start()
    args = sys.argv[1:]
    options = dict(zip(args[0::2], args[1::2]))
    _state["clock_ms"] = float(options.get("--clock-ms", time.time() * 1000))
    _state["mono"] = time.monotonic()

    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != here]
    task_root = os.environ.get("LAMBDA_TASK_ROOT")
    if task_root:
        os.chdir(task_root)

    sys.stdin = open(os.devnull)
    sys.stdout = _LogStream("<stdout>", 1, _lines)
    sys.stderr = _LogStream("<stderr>", 2, _lines)
    sys.__stdout__ = sys.stdout
    sys.__stderr__ = sys.stderr
    _configure_logging()
    _limit_memory(int(options.get("--memory-limit-bytes", "0")))

    try:
        handler = _load_handler(os.environ.get("_HANDLER", ""))
    except MemoryError:
        _send({"t": "oom", "rss": _rss_kb()})
        os._exit(137)
    except Exception as exc:
        error = _fault_result(exc, None)
        _flush_output()
        _log_error(error)
        _send({"t": "initError", "error": error})
        return
    _flush_output()
    _send({"t": "ready"})

    while True:
        request = _receive()
        if request is None:
            return
        if request.get("t") == "invoke":
            _invoke(handler, request)
            _state["request_id"] = ""


if __name__ == "__main__":
    main()
"""#
}
