#include "distributed/worker_processes.h"

#include "common/errors.h"

#include <csignal>
#include <cstring>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace bertbench {

namespace {

std::string endingOf(const std::string& rank, pid_t pid, int status) {
    const std::string who = "worker rank " + rank + " (pid " + std::to_string(pid) + ")";
    if (WIFSIGNALED(status))
        return who + " was killed by signal " + std::to_string(WTERMSIG(status)) + " (" + strsignal(WTERMSIG(status)) +
               ")";
    return who + " exited with code " + std::to_string(WEXITSTATUS(status));
}

bool failed(int status) { return !WIFEXITED(status) || WEXITSTATUS(status) != 0; }

}  // namespace

WorkerProcesses::WorkerProcesses(const std::string& program, const std::vector<std::string>& arguments,
                                 const std::vector<std::map<std::string, std::string>>& environments) {
    for (const auto& variables : environments) {
        // Everything the child needs is built before fork: after it, in a
        // threaded process, only async-signal-safe calls are allowed.
        std::vector<std::string> argStrings{program};
        argStrings.insert(argStrings.end(), arguments.begin(), arguments.end());
        std::vector<std::string> envStrings;
        for (char** e = environ; *e; ++e) {
            const std::string entry(*e);
            const auto name = entry.substr(0, entry.find('='));
            if (!variables.count(name)) envStrings.push_back(entry);
        }
        for (const auto& [name, value] : variables) envStrings.push_back(name + "=" + value);
        std::vector<char*> argv, envp;
        for (auto& a : argStrings) argv.push_back(a.data());
        argv.push_back(nullptr);
        for (auto& e : envStrings) envp.push_back(e.data());
        envp.push_back(nullptr);
        const pid_t parent = getpid();

        const pid_t pid = fork();
        if (pid < 0) {
            terminate();
            throw Error(std::string("cannot start a worker process: ") + std::strerror(errno));
        }
        if (pid == 0) {
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (getppid() != parent) _exit(127);  // the parent died before prctl took effect
            execve(argv[0], argv.data(), envp.data());
            _exit(127);
        }
        const auto rank = variables.count("RANK") ? variables.at("RANK") : std::to_string(workers_.size() + 1);
        workers_.push_back({pid, rank});
    }
}

WorkerProcesses::~WorkerProcesses() { terminate(); }

void WorkerProcesses::reap(bool block) {
    for (auto& w : workers_) {
        if (!w.running) continue;
        int status = 0;
        const pid_t done = waitpid(w.pid, &status, block ? 0 : WNOHANG);
        if (done == w.pid) {
            w.running = false;
            w.status = status;
        }
    }
}

std::string WorkerProcesses::waitAll(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        reap(false);
        bool running = false;
        for (const auto& w : workers_) running = running || w.running;
        if (!running || std::chrono::steady_clock::now() >= deadline) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::string failure;
    for (const auto& w : workers_)
        if (w.running && failure.empty()) failure = "worker rank " + w.rank + " did not finish in time and was stopped";
    terminate();
    for (const auto& w : workers_)
        if (failure.empty() && failed(w.status)) failure = endingOf(w.rank, w.pid, w.status);
    return failure;
}

std::string WorkerProcesses::exitedEarly() {
    reap(false);
    for (const auto& w : workers_)
        if (!w.running) return endingOf(w.rank, w.pid, w.status);
    return {};
}

void WorkerProcesses::terminate() {
    reap(false);
    bool any = false;
    for (const auto& w : workers_)
        if (w.running) {
            kill(w.pid, SIGTERM);
            any = true;
        }
    if (!any) return;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    for (;;) {
        reap(false);
        bool running = false;
        for (const auto& w : workers_) running = running || w.running;
        if (!running) return;
        if (std::chrono::steady_clock::now() >= deadline) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    for (const auto& w : workers_)
        if (w.running) kill(w.pid, SIGKILL);
    reap(true);
}

}  // namespace bertbench
