// See worker_sandbox.h. Everything the child does between fork and execve is a raw system call on
// memory prepared before the fork, so it is safe in a multithreaded parent.
#define _GNU_SOURCE 1
#include "worker_sandbox.h"

#include <errno.h>
#include <string.h>

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#ifdef __linux__
#include <sched.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#ifndef CLONE_NEWUSER
#define CLONE_NEWUSER 0x10000000
#endif
#ifndef CLONE_NEWNS
#define CLONE_NEWNS 0x00020000
#endif
#ifndef SYS_close_range
#define SYS_close_range 436
#endif
#ifndef SYS_landlock_create_ruleset
#define SYS_landlock_create_ruleset 444
#endif
#ifndef SYS_landlock_add_rule
#define SYS_landlock_add_rule 445
#endif
#ifndef SYS_landlock_restrict_self
#define SYS_landlock_restrict_self 446
#endif
#ifndef PR_SET_NO_NEW_PRIVS
#define PR_SET_NO_NEW_PRIVS 38
#endif
#ifndef PR_CAP_AMBIENT
#define PR_CAP_AMBIENT 47
#define PR_CAP_AMBIENT_CLEAR_ALL 4
#endif

#define OC_LANDLOCK_CREATE_RULESET_VERSION (1U << 0)
#define OC_LANDLOCK_RULE_PATH_BENEATH 1
#define OC_SCOPE_ABSTRACT_UNIX_SOCKET (1ULL << 0)
#define OC_SCOPE_SIGNAL (1ULL << 1)
#define OC_FILE_RIGHTS (OC_FS_EXECUTE | OC_FS_WRITE_FILE | OC_FS_READ_FILE | OC_FS_TRUNCATE | OC_FS_IOCTL_DEV)

// SECBIT_NOROOT | SECBIT_NOROOT_LOCKED | SECBIT_NO_SETUID_FIXUP | SECBIT_NO_SETUID_FIXUP_LOCKED
// | SECBIT_NO_CAP_AMBIENT_RAISE | SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED: root in the worker's namespace
// gains no capabilities from execve.
#define OC_SECUREBITS 0xCF
#define OC_LINUX_CAPABILITY_VERSION_3 0x20080522

struct oc_ruleset_attr {
    uint64_t handled_access_fs;
    uint64_t handled_access_net;
    uint64_t scoped;
};

struct oc_path_beneath_attr {
    uint64_t allowed_access;
    int32_t parent_fd;
} __attribute__((packed));

struct oc_cap_header {
    uint32_t version;
    int pid;
};

struct oc_cap_data {
    uint32_t effective;
    uint32_t permitted;
    uint32_t inheritable;
};

#endif

int oc_landlock_abi(void) {
#ifdef __linux__
    long abi = syscall(SYS_landlock_create_ruleset, NULL, 0, OC_LANDLOCK_CREATE_RULESET_VERSION);
    return abi < 0 ? 0 : (int)abi;
#else
    return 0;
#endif
}

#ifdef __linux__
static uint64_t handled_fs(int abi) {
    if (abi >= 5) return (1ULL << 16) - 1;
    if (abi >= 3) return (1ULL << 15) - 1;
    if (abi == 2) return (1ULL << 14) - 1;
    return (1ULL << 13) - 1;
}
#endif

static void write_all(int fd, const void *data, size_t length) {
    const char *bytes = data;
    while (length > 0) {
        ssize_t written = write(fd, bytes, length);
        if (written < 0) {
            if (errno == EINTR) continue;
            return;
        }
        bytes += written;
        length -= (size_t)written;
    }
}

#ifdef __linux__
static int write_file(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    size_t length = strlen(text);
    ssize_t written = write(fd, text, length);
    int saved = errno;
    close(fd);
    errno = saved;
    return written == (ssize_t)length ? 0 : -1;
}
#endif

#define STATUS_FD 4

/// Reports the mode and, on failure, the stage and errno, then ends the child.
static void child_fail(char mode, int stage) {
    int32_t record[2] = {stage, errno};
    write_all(STATUS_FD, &mode, 1);
    write_all(STATUS_FD, record, sizeof record);
    _exit(127);
}

#ifdef __linux__
static void drop_capabilities(void) {
    // Each step needs privileges the worker may not have (it has none outside a namespace unless
    // it runs as root); what cannot be dropped was never held.
    prctl(PR_SET_SECUREBITS, OC_SECUREBITS, 0, 0, 0);
    for (int cap = 0; cap < 64; cap++) {
        if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0 && errno == EINVAL) break;
    }
    prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
    struct oc_cap_header header = {OC_LINUX_CAPABILITY_VERSION_3, 0};
    struct oc_cap_data data[2];
    memset(data, 0, sizeof data);
    syscall(SYS_capset, &header, data);
}

static void restrict_with_landlock(const oc_spawn_request *request, const char *writable, char mode) {
    int abi = request->landlock_abi;
    uint64_t handled = handled_fs(abi);
    struct oc_ruleset_attr attr = {handled, 0, abi >= 6 ? (OC_SCOPE_ABSTRACT_UNIX_SOCKET | OC_SCOPE_SIGNAL) : 0};
    size_t size = abi >= 6 ? sizeof attr : (abi >= 4 ? 2 * sizeof(uint64_t) : sizeof(uint64_t));
    int ruleset = (int)syscall(SYS_landlock_create_ruleset, &attr, size, 0);
    if (ruleset < 0) child_fail(mode, OC_STAGE_LANDLOCK_RULESET);
    for (int index = 0; index <= request->rule_count; index++) {
        const char *path = index < request->rule_count ? request->rules[index].path : writable;
        uint64_t access = index < request->rule_count ? request->rules[index].access : OC_ACCESS_ALL;
        int fd = open(path, O_PATH | O_CLOEXEC);
        if (fd < 0) {
            if (errno == ENOENT || errno == ENOTDIR || errno == EACCES) continue;
            child_fail(mode, OC_STAGE_LANDLOCK_RULE);
        }
        struct stat info;
        if (fstat(fd, &info) == 0 && !S_ISDIR(info.st_mode)) access &= OC_FILE_RIGHTS;
        struct oc_path_beneath_attr rule = {access & handled, fd};
        if (rule.allowed_access != 0 && syscall(SYS_landlock_add_rule, ruleset, OC_LANDLOCK_RULE_PATH_BENEATH, &rule, 0) < 0) {
            child_fail(mode, OC_STAGE_LANDLOCK_RULE);
        }
        close(fd);
    }
    if (syscall(SYS_landlock_restrict_self, ruleset, 0) < 0) child_fail(mode, OC_STAGE_LANDLOCK_RESTRICT);
    close(ruleset);
}
#endif

static void run_child(const oc_spawn_request *request, int status_fd, const char *uid_map, const char *gid_map) {
    char mode = OC_MODE_PLAIN;
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    struct sigaction defaults;
    memset(&defaults, 0, sizeof defaults);
    defaults.sa_handler = SIG_DFL;
    for (int signal = 1; signal < 65; signal++) {
        if (signal != SIGKILL && signal != SIGSTOP) sigaction(signal, &defaults, NULL);
    }
    setpgid(0, 0);

    // Descriptors: 0 /dev/null, 1 and 2 the output, 3 the protocol socket, 4 the status pipe (closed
    // by execve), nothing else.
    int output = fcntl(request->output_fd, F_DUPFD_CLOEXEC, 16);
    int sock = fcntl(request->socket_fd, F_DUPFD_CLOEXEC, 16);
    int status = fcntl(status_fd, F_DUPFD_CLOEXEC, 16);
    if (status < 0 || dup2(status, STATUS_FD) < 0 || fcntl(STATUS_FD, F_SETFD, FD_CLOEXEC) < 0) _exit(127);
    if (output < 0 || sock < 0) child_fail(mode, OC_STAGE_DESCRIPTORS);
    int null = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (null < 0 || dup2(null, 0) < 0 || dup2(output, 1) < 0 || dup2(output, 2) < 0 || dup2(sock, 3) < 0) {
        child_fail(mode, OC_STAGE_DESCRIPTORS);
    }
#ifdef __linux__
    if (syscall(SYS_close_range, STATUS_FD + 1, ~0U, 0) < 0)
#endif
    {
        for (int fd = STATUS_FD + 1; fd < 4096; fd++) close(fd);
    }

    char *const *envp = request->envp;
#ifdef __linux__
    if (request->sandbox) {
        struct rlimit core = {0, 0};
        setrlimit(RLIMIT_CORE, &core);
        if (request->file_size_limit > 0) {
            struct rlimit size = {request->file_size_limit, request->file_size_limit};
            if (setrlimit(RLIMIT_FSIZE, &size) < 0) child_fail(mode, OC_STAGE_LIMITS);
        }
        const char *writable = request->scratch_directory;
        mode = OC_MODE_SCRATCH;
        envp = request->fallback_envp;
        if (request->use_namespace) {
            if (unshare(CLONE_NEWUSER | CLONE_NEWNS) < 0) child_fail(mode, OC_STAGE_NAMESPACE);
            if (write_file("/proc/self/setgroups", "deny") < 0 && errno != ENOENT) child_fail(mode, OC_STAGE_ID_MAP);
            if (write_file("/proc/self/uid_map", uid_map) < 0) child_fail(mode, OC_STAGE_ID_MAP);
            if (write_file("/proc/self/gid_map", gid_map) < 0) child_fail(mode, OC_STAGE_ID_MAP);
            mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL);
            if (mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, request->tmpfs_options) < 0) {
                child_fail(mode, OC_STAGE_MOUNT);
            }
            mode = OC_MODE_NAMESPACE;
            envp = request->envp;
            writable = "/tmp";
            if (request->process_limit > 0) {
                struct rlimit processes = {request->process_limit, request->process_limit};
                if (setrlimit(RLIMIT_NPROC, &processes) < 0) child_fail(mode, OC_STAGE_LIMITS);
            }
        }
        drop_capabilities();
        if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) child_fail(mode, OC_STAGE_NO_NEW_PRIVS);
        if (request->landlock_abi > 0) restrict_with_landlock(request, writable, mode);
    }
#else
    (void)uid_map;
    (void)gid_map;
#endif
    write_all(STATUS_FD, &mode, 1);
    execve(request->executable, request->argv, envp);
    int32_t record[2] = {OC_STAGE_EXEC, errno};
    write_all(STATUS_FD, record, sizeof record);
    _exit(127);
}

int oc_spawn_worker(const oc_spawn_request *request, oc_spawn_result *result) {
    memset(result, 0, sizeof *result);
    result->mode = OC_MODE_PLAIN;
    char uid_map[64];
    char gid_map[64];
    snprintf(uid_map, sizeof uid_map, "%u %u 1\n", (unsigned)request->uid, (unsigned)request->uid);
    snprintf(gid_map, sizeof gid_map, "%u %u 1\n", (unsigned)request->gid, (unsigned)request->gid);
    int status[2];
    if (pipe(status) < 0 || fcntl(status[0], F_SETFD, FD_CLOEXEC) < 0 || fcntl(status[1], F_SETFD, FD_CLOEXEC) < 0) {
        result->failed_stage = OC_STAGE_FORK;
        result->error_number = errno;
        return -1;
    }
    pid_t pid = fork();
    if (pid < 0) {
        result->failed_stage = OC_STAGE_FORK;
        result->error_number = errno;
        close(status[0]);
        close(status[1]);
        return -1;
    }
    if (pid == 0) {
        close(status[0]);
        run_child(request, status[1], uid_map, gid_map);
        _exit(127);
    }
    close(status[1]);
    unsigned char buffer[1 + 2 * sizeof(int32_t)];
    size_t got = 0;
    while (got < sizeof buffer) {
        ssize_t count = read(status[0], buffer + got, sizeof buffer - got);
        if (count < 0 && errno == EINTR) continue;
        if (count <= 0) break;
        got += (size_t)count;
    }
    close(status[0]);
    result->pid = pid;
    if (got >= 1) result->mode = buffer[0];
    if (got == 1) return 0;
    // The child failed (or died) before execve: collect it and say where.
    int32_t record[2] = {OC_STAGE_EXEC, 0};
    if (got == sizeof buffer) memcpy(record, buffer + 1, sizeof record);
    result->failed_stage = record[0];
    result->error_number = record[1];
    int wstatus = 0;
    while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {}
    result->pid = 0;
    return -1;
}


const char *oc_stage_name(int stage) {
    switch (stage) {
    case OC_STAGE_FORK: return "fork";
    case OC_STAGE_DESCRIPTORS: return "set up descriptors";
    case OC_STAGE_LIMITS: return "setrlimit";
    case OC_STAGE_NAMESPACE: return "unshare (user and mount namespace)";
    case OC_STAGE_ID_MAP: return "write uid_map/gid_map";
    case OC_STAGE_MOUNT: return "mount a tmpfs on /tmp";
    case OC_STAGE_CAPABILITIES: return "drop capabilities";
    case OC_STAGE_NO_NEW_PRIVS: return "prctl(PR_SET_NO_NEW_PRIVS)";
    case OC_STAGE_LANDLOCK_RULESET: return "landlock_create_ruleset";
    case OC_STAGE_LANDLOCK_RULE: return "landlock_add_rule";
    case OC_STAGE_LANDLOCK_RESTRICT: return "landlock_restrict_self";
    case OC_STAGE_EXEC: return "execve";
    default: return "start";
    }
}
