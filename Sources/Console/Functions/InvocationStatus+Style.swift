import CloudEngine
import TerminalUI

extension InvocationStatus {
    /// Failed and interrupted invocations read as errors; a successful or running one as neither.
    var styleRole: StyleRole? {
        switch self {
        case .success, .running: return nil
        case .error, .timeout, .interrupted: return .error
        }
    }
}
