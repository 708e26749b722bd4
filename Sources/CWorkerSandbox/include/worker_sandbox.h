// Starts a function worker, optionally inside a sandbox: its own user and mount namespace with a
// private tmpfs on /tmp, resource limits, no new privileges, no capabilities, and a Landlock domain
// that allows only the paths it is given. Written in C because everything between fork and exec must
// be async-signal-safe raw system calls, and Swift cannot call the variadic syscall(2).
#ifndef OVERCAST_WORKER_SANDBOX_H
#define OVERCAST_WORKER_SANDBOX_H

#include <stdint.h>
#include <sys/types.h>

// Landlock filesystem rights (the kernel's values; defined here so older kernel headers do not matter).
#define OC_FS_EXECUTE (1ULL << 0)
#define OC_FS_WRITE_FILE (1ULL << 1)
#define OC_FS_READ_FILE (1ULL << 2)
#define OC_FS_READ_DIR (1ULL << 3)
#define OC_FS_REMOVE_DIR (1ULL << 4)
#define OC_FS_REMOVE_FILE (1ULL << 5)
#define OC_FS_MAKE_CHAR (1ULL << 6)
#define OC_FS_MAKE_DIR (1ULL << 7)
#define OC_FS_MAKE_REG (1ULL << 8)
#define OC_FS_MAKE_SOCK (1ULL << 9)
#define OC_FS_MAKE_FIFO (1ULL << 10)
#define OC_FS_MAKE_BLOCK (1ULL << 11)
#define OC_FS_MAKE_SYM (1ULL << 12)
#define OC_FS_REFER (1ULL << 13)
#define OC_FS_TRUNCATE (1ULL << 14)
#define OC_FS_IOCTL_DEV (1ULL << 15)

/// Read and execute beneath a directory (or of one file).
#define OC_ACCESS_READ_EXECUTE (OC_FS_EXECUTE | OC_FS_READ_FILE | OC_FS_READ_DIR)
/// Read and write a device file such as /dev/null.
#define OC_ACCESS_DEVICE (OC_FS_READ_FILE | OC_FS_WRITE_FILE | OC_FS_TRUNCATE | OC_FS_IOCTL_DEV)
/// Everything beneath a directory (the worker's /tmp).
#define OC_ACCESS_ALL ((1ULL << 16) - 1)

/// One Landlock rule: `access` allowed beneath `path` (a file gets only the file rights of it).
/// A path that does not exist is skipped.
typedef struct {
    const char *path;
    uint64_t access;
} oc_rule;

/// What to start and how.
typedef struct {
    const char *executable;
    char *const *argv;
    /// The environment when /tmp is the worker's own tmpfs.
    char *const *envp;
    /// The environment when it is not (TMPDIR pointing at `scratch_directory`).
    char *const *fallback_envp;
    /// Become fds 1 and 2, and 3; fd 0 is /dev/null; every other descriptor is closed.
    int output_fd;
    int socket_fd;
    /// 0: start the process plainly. 1: sandbox it.
    int sandbox;
    /// Try a user and mount namespace with a tmpfs on /tmp first.
    int use_namespace;
    /// The kernel's Landlock ABI (0: none).
    int landlock_abi;
    const oc_rule *rules;
    int rule_count;
    /// The tmpfs's mount options, e.g. "size=536870912,mode=1777".
    const char *tmpfs_options;
    /// A private directory used as /tmp's stand-in when no namespace can be had (allowed read-write).
    const char *scratch_directory;
    /// RLIMIT_FSIZE in bytes (0: leave it).
    uint64_t file_size_limit;
    /// RLIMIT_NPROC, applied only inside the worker's own user namespace, where it counts the worker's
    /// processes alone (0: leave it).
    uint64_t process_limit;
    uid_t uid;
    gid_t gid;
} oc_spawn_request;

/// How the worker ended up isolated.
enum {
    OC_MODE_PLAIN = 'p',
    OC_MODE_NAMESPACE = 'n',
    OC_MODE_SCRATCH = 's',
};

/// The step that failed, for the error message.
enum {
    OC_STAGE_NONE = 0,
    OC_STAGE_FORK,
    OC_STAGE_DESCRIPTORS,
    OC_STAGE_LIMITS,
    OC_STAGE_NAMESPACE,
    OC_STAGE_ID_MAP,
    OC_STAGE_MOUNT,
    OC_STAGE_CAPABILITIES,
    OC_STAGE_NO_NEW_PRIVS,
    OC_STAGE_LANDLOCK_RULESET,
    OC_STAGE_LANDLOCK_RULE,
    OC_STAGE_LANDLOCK_RESTRICT,
    OC_STAGE_EXEC,
};

typedef struct {
    pid_t pid;
    /// One of OC_MODE_*.
    int mode;
    /// One of OC_STAGE_* when the start failed, with errno's value.
    int failed_stage;
    int error_number;
} oc_spawn_result;

/// Forks, isolates the child as asked and executes `executable`. Returns 0 on success; otherwise -1
/// with `failed_stage` and `error_number` set and no child left behind.
int oc_spawn_worker(const oc_spawn_request *request, oc_spawn_result *result);

/// The Landlock ABI version this kernel offers, or 0 when it has none (or this is not Linux).
int oc_landlock_abi(void);

/// A short name of a stage, e.g. "landlock_restrict_self".
const char *oc_stage_name(int stage);

#endif
